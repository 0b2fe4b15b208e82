/**
 * A real SIGKILL between the steps of writing an output set (output-set.ts): a spawned
 * eastwest, preloaded with testing/kill-before-rename.ts, kills itself just before one rename
 * or before removing the commit record. Whatever the step, the folder holds the earlier set
 * or a commit record that decides the new one, and `--resume` ends with exactly what an
 * uninterrupted run writes, leaving no record, temporary file or journal.
 */
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scenarioModel } from '../../models/index.js';
import { temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { runCaptured } from './testing/captured-cli.js';
import { eastwestSync } from './testing/spawned-cli.js';

/** A few short runs of the real model (the spawned command line runs the real model too). */
const EXPERIMENT = `
name: x
seed: 1
replications: 2
duration: 1s
warmup: 200ms
scenario:
  cluster: { nodes: 2, services: 3 }
  workload: { requestsPerSecond: 200, clientPods: 4 }
sweep:
  cluster.services: [3, 5]
`;

const HOOK = new URL('./testing/kill-before-rename.ts', import.meta.url).href;
const FILES = ['x.csv', 'x.summary.csv', 'x.classes.csv', 'x.meta.json'] as const;

const read = (cwd: string, file: string): string | undefined => (existsSync(join(cwd, file)) ? readFileSync(join(cwd, file), 'utf8') : undefined);
const inProcess = (args: readonly string[], cwd: string) => runCaptured(args, { cwd, model: scenarioModel });
const filesOf = (cwd: string, folder: string): Record<string, string | undefined> => Object.fromEntries(FILES.map((file) => [file, read(cwd, `${folder}/${file}`)]));

/** A file as far as it is the same for the same runs: a CSV whole, a meta by its experiment hash and the checksums of its CSVs (not its wall times). */
function sameRun(text: string | undefined, file: string): string | undefined {
  if (text === undefined || !file.endsWith('.meta.json')) return text;
  const meta = JSON.parse(text) as { experimentHash: string; checksums: unknown };
  return JSON.stringify([meta.experimentHash, meta.checksums]);
}

/** Where the write stops, and which of the files are new at that moment (the rest are the earlier set's). */
const STOPS: readonly { env: Record<string, string>; newFiles: readonly string[]; record: boolean }[] = [
  { env: { EASTWEST_TEST_KILL_BEFORE_RENAME: 'x.csv.commit' }, newFiles: [], record: false },
  { env: { EASTWEST_TEST_KILL_BEFORE_RENAME: 'x.summary.csv' }, newFiles: ['x.csv'], record: true },
  { env: { EASTWEST_TEST_KILL_BEFORE_RENAME: 'x.classes.csv' }, newFiles: ['x.csv', 'x.summary.csv'], record: true },
  { env: { EASTWEST_TEST_KILL_BEFORE_RENAME: 'x.meta.json' }, newFiles: ['x.csv', 'x.summary.csv', 'x.classes.csv'], record: true },
  { env: { EASTWEST_TEST_KILL_BEFORE_REMOVING: 'x.csv.commit' }, newFiles: [...FILES], record: true },
];

describe('eastwest run killed with SIGKILL between the steps of writing its files', () => {
  /** The uninterrupted run's files in ref/, and an earlier set (another seed) in results/, copied for each case. */
  let base: string;
  beforeAll(async () => {
    base = temporaryFolder();
    writeExperiment(base, 'x.yaml', EXPERIMENT);
    expect((await inProcess(['run', 'x.yaml', '--out', 'ref/x.csv', '--quiet'], base)).status).toBe(0);
    expect((await inProcess(['run', 'x.yaml', '--set', 'seed=2', '--quiet'], base)).status).toBe(0);
  });

  it.each(STOPS)('leaves the earlier set or a record deciding the new one, and --resume completes it ($env)', async ({ env, newFiles, record }) => {
    const cwd = temporaryFolder();
    cpSync(base, cwd, { recursive: true });
    const [fresh, earlier] = [filesOf(cwd, 'ref'), filesOf(cwd, 'results')];
    expect(earlier['x.csv']).not.toBe(fresh['x.csv']);

    const killed = eastwestSync(['run', 'x.yaml', '--quiet'], cwd, 60_000, { preload: [HOOK], env });
    expect(killed.signal).toBe('SIGKILL');
    const now = filesOf(cwd, 'results');
    for (const file of FILES) expect(sameRun(now[file], file), file).toBe(sameRun((newFiles.includes(file) ? fresh : earlier)[file], file));
    expect(existsSync(join(cwd, 'results/x.csv.commit'))).toBe(record);
    expect(existsSync(join(cwd, 'results/x.csv.journal'))).toBe(true);

    const resumed = await inProcess(['run', 'x.yaml', '--resume', '--quiet'], cwd);
    expect(resumed.status).toBe(0);
    // The killed process's lock is stale: taken over, saying so; then the write is completed, or its temporary files removed.
    expect(resumed.stderr).toMatch(/^warning: took over the stale lock \S+x\.csv\.lock: process \d+ on .* no longer runs$/m);
    expect(resumed.stderr).toMatch(record ? /^warning: completed the write of \S+x\.csv and the files beside it that a crash interrupted/m : /^warning: removed \d+ temporary files of an earlier write/m);
    expect(resumed.stderr).not.toMatch(/^error/m);
    const after = filesOf(cwd, 'results');
    for (const file of FILES) expect(sameRun(after[file], file), file).toBe(sameRun(fresh[file], file));
    expect(readdirSync(join(cwd, 'results')).sort()).toEqual([...FILES].sort());
  });
});
