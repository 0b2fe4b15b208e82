/**
 * Property: whatever experiment file and options `eastwest validate` is given, it answers with
 * success or with exit 2 and one line naming the file (and the field, or the line and column)
 * or the option — never an exception escaping, exit 1, a stack trace or a hang. Files are
 * generated from a valid one by mutations: values replaced by random YAML (extreme numbers,
 * 400-digit durations, wrong types, nested lists and maps), keys added and removed, then the
 * text itself edited (anchors, aliases, brackets, tags, tabs, NULs cut into it).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { MemoryItem, ScenarioValues } from '../contract/scenario-model.js';
import { fakeModel } from '../experiment/testing/fake-model.js';
import { temporaryFolder } from '../experiment/testing/experiment-fixtures.js';
import { runCaptured } from './testing/captured-cli.js';

const GIB = 1024 ** 3;

/** The fake model with a memory estimate that grows with its size parameters, as the real one does. */
const model = {
  ...fakeModel(),
  estimateMemory: (values: ScenarioValues): MemoryItem[] => [
    { what: 'Services', count: values.get('cluster.services') as number, bytesEach: 64 * 1024 },
    { what: 'requests in flight', count: 10 * (values.get('workload.requestsPerSecond') as number), bytesEach: 1024 },
  ],
};

const BASE = {
  name: 'prop',
  description: 'generated',
  seed: 7,
  replications: 2,
  duration: '10s',
  warmup: '1s',
  scenario: { workload: { requestsPerSecond: 50, serviceTime: { dist: 'lognormal', median: '2ms', p99: '20ms' } }, cluster: { services: 10 } },
  sweep: { 'proxy.mode': ['iptables', 'ipvs'], 'cluster.services': [10, 100] },
  cases: [{ 'proxy.mode': 'ebpf', 'workload.serviceTime.median': '1ms' }],
};

/** Where mutations land: the file's keys, parameters, distribution fields, sweep and cases entries, and keys nobody knows. */
const PLACES = [
  ['name'], ['description'], ['seed'], ['replications'], ['duration'], ['warmup'], ['scenario'], ['sweep'], ['cases'],
  ['scenario', 'workload', 'requestsPerSecond'], ['scenario', 'workload', 'idleTimeout'], ['scenario', 'workload', 'serviceTime'],
  ['scenario', 'workload', 'serviceTime', 'median'], ['scenario', 'workload', 'serviceTime', 'dist'], ['scenario', 'cluster', 'services'],
  ['scenario', 'proxy', 'mode'], ['scenario', 'dns', 'nodeLocalCache'], ['scenario', 'cluster'], ['scenario', 'cluster.services'],
  ['sweep', 'cluster.services'], ['sweep', 'proxy.mode'], ['sweep', 'workload.serviceTime.median'], ['sweep', 'workload.idleTimeout'],
  ['cases', '0'], ['cases', '0', 'proxy.mode'], ['cases', '1'], ['scenario', 'nosuch'], ['bogus'], ['sweep', 'no.such.path'],
];

const UNITS = ['ns', 'us', 'µs', 'ms', 's', 'm', 'h', 'd', '', 'S', ' s'];

const extremeNumber = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 1e-300, -1e-300, 1e-7, 1e-6, 1e300, -1e300, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 0.5, 99_999, 100_000, 100_001, 1e7),
  fc.double({ noNaN: false }),
  fc.integer(),
);

const durationText = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 400 }), fc.constantFrom(...UNITS)).map(([digits, unit]) => `${'9'.repeat(digits)}${unit}`),
  fc.tuple(extremeNumber, fc.constantFrom(...UNITS)).map(([n, unit]) => `${n}${unit}`),
  fc.constantFrom('1m30s', '-5ms', '0', '0s', '1.5.5s', '.5s', '720h', '721h', '30d', '1e3s', '', ' ', '~'),
);

const yamlValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: extremeNumber },
  { weight: 3, arbitrary: durationText },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom('iptables', 'ebpf', 'lognormal', 'constant', true, false, null) },
  { weight: 1, arbitrary: fc.array(fc.oneof(extremeNumber, durationText), { maxLength: 8 }) },
  { weight: 1, arbitrary: fc.record({ dist: fc.constantFrom('lognormal', 'constant', 'exponential', 'uniform', 'boundedPareto', 'empirical', 'nope'), median: durationText, p99: durationText, value: durationText, mean: durationText, min: durationText, max: durationText, alpha: extremeNumber, values: fc.array(durationText, { maxLength: 4 }) }, { requiredKeys: ['dist'] }) },
);

type Mutation = { kind: 'set'; place: readonly string[]; value: unknown } | { kind: 'delete'; place: readonly string[] };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), place: fc.constantFrom(...PLACES), value: yamlValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), place: fc.constantFrom(...PLACES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('set' as const), place: fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 3 }), value: yamlValue }) },
);

/** Text cut into the YAML: the syntax that parses into odd shapes or does not parse at all. */
const TOKENS = ['&a ', '*a', '*b', '[', ']', '{', '}', ':', ': ', '- ', '\n', '  ', '\t', '#', '"', "'", '!!str ', '!!binary ', '!!set ', '? ', '|', '>', '%YAML 1.1\n', '---\n', '...\n', '\u0000', '\ufeff', '<<: *a\n', ',', '@', '`'];

const textEdit = fc.record({ at: fc.nat(), token: fc.constantFrom(...TOKENS), cut: fc.nat({ max: 6 }) });

/** A `--set` value: what the YAML values above print as, and durations. */
const setValue = fc.oneof(durationText, yamlValue.map((value) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value))));

/** Options validate takes, mostly well formed so the file is still checked, with bad values among them. */
const option = fc.oneof(
  { weight: 4, arbitrary: fc.constant(['--force']) },
  { weight: 4, arbitrary: fc.tuple(fc.constant('--workers'), fc.constantFrom('1', '2')) },
  { weight: 6, arbitrary: fc.tuple(fc.constant('--set'), fc.tuple(fc.constantFrom('seed', 'replications', 'duration', 'warmup', 'cluster.services', 'workload.requestsPerSecond', 'workload.idleTimeout', 'workload.serviceTime', 'dns.nodeLocalCache', 'nosuch', ''), setValue).map(([path, value]) => `${path}=${value}`)) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('--workers'), fc.constantFrom('0', '-1', 'x', '1e3', '')) },
  { weight: 1, arbitrary: fc.constantFrom(['--bogus'], ['--set'], ['other.yaml']) },
);

function applyMutation(document: Record<string, unknown>, change: Mutation): void {
  let node: Record<string, unknown> = document;
  for (const key of change.place.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) {
      if (change.kind === 'delete') return;
      node[key] = {};
    }
    node = node[key] as Record<string, unknown>;
  }
  const last = change.place[change.place.length - 1];
  if (change.kind === 'delete') delete node[last];
  else node[last] = change.value;
}

function editText(text: string, edits: readonly { at: number; token: string; cut: number }[]): string {
  let edited = text;
  for (const { at, token, cut } of edits) {
    const position = at % (edited.length + 1);
    edited = edited.slice(0, position) + token + edited.slice(position + cut);
  }
  return edited;
}

const experimentFile = fc
  .record({
    mutations: fc.array(mutation, { maxLength: 4 }),
    edits: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(textEdit, { minLength: 1, maxLength: 3 }) }),
    flow: fc.boolean(),
  })
  .map(({ mutations, edits, flow }) => {
    const document = structuredClone(BASE) as Record<string, unknown>;
    for (const change of mutations) applyMutation(document, change);
    return editText(stringify(document, { flow }), edits);
  });

/** An error line names the file (with a line and column or a field in backquotes) or the option it is about. */
const NAMED = /^error: (x\.yaml(:\d+:\d+)?: |--set |--workers |eastwest validate: )/;

describe('eastwest validate on generated and mutated experiment files (property)', () => {
  it('always succeeds or exits 2 with one named error line: no escaping exception, no stack, no hang', async () => {
    const cwd = temporaryFolder();
    const file = join(cwd, 'x.yaml');
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(experimentFile, fc.array(option, { maxLength: 2 }), async (text, options) => {
        writeFileSync(file, text);
        const outcome = await runCaptured(['validate', 'x.yaml', ...options.flat()], { cwd, model, memoryLimit: { bytes: 2 * GIB, source: 'a test limit', heapBytes: GIB } });
        expect([0, 2]).toContain(outcome.status);
        expect(`${outcome.stdout}${outcome.stderr}`).not.toMatch(/\n\s+at .*[:(]\d+/);
        if (outcome.status === 0) {
          expect(outcome.stdout).toMatch(/^x\.yaml is valid\.\n/);
        } else {
          expect(outcome.stderr).toMatch(NAMED);
          expect(outcome.stderr).not.toMatch(/internal error/);
        }
      }),
      { numRuns: 500, seed: 20_251_102, endOnFailure: true },
    );
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});
