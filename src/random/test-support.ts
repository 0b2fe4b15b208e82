/**
 * Old home of the random test helpers, now in testing/. Kept only so that
 * models/proxy/iptables-reference.test.ts (imports uniformSource) still compiles until it
 * imports from testing/uniform-source.js; delete this file then.
 */
export * from './testing/sample-statistics.js';
export * from './testing/scripted-stream.js';
export * from './testing/uniform-source.js';
