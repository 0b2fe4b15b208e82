import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerSetup } from './worker-messages.js';

/**
 * Starts a worker thread running run-worker, in the same kind of code as this module: the
 * compiled JavaScript in dist/ when eastwest runs from its bin, or the TypeScript sources when
 * this module itself is TypeScript (under vitest or tsx). A thread does not inherit its
 * parent's TypeScript loader, and Node 20 ignores `--import` in a worker's execArgv for the
 * entry module, so in TypeScript mode a two-line bootstrap registers tsx's ESM hooks in the
 * thread first, then imports the entry. Nothing has to be built before the tests run.
 */
export function startRunWorker(setup: WorkerSetup): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./run-worker.js', import.meta.url), { workerData: setup });
  const entry = new URL('./run-worker.ts', import.meta.url).href;
  const bootstrap = [
    `const tsx = await import(${JSON.stringify(tsxEsmApiUrl())});`,
    `tsx.register();`,
    `await import(${JSON.stringify(entry)});`,
  ].join('\n');
  return new Worker(`(async () => {\n${bootstrap}\n})();`, { eval: true, workerData: setup });
}

/**
 * `tsx/esm/api` under the `import` condition, read from tsx's own exports map: require.resolve
 * would give its CommonJS build, which cannot register the ESM hooks from a thread.
 */
function tsxEsmApiUrl(): string {
  const manifestPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(manifestPath), manifest.exports['./esm/api'].import.default)).href;
}
