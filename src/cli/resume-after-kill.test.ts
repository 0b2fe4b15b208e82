import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../experiment/index.js';
import { temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';

const root = packageRoot();
const launcher = join(root, 'bin/eastwest.js');
const built = existsSync(join(root, 'dist/src/cli/main.js'));

/** 12 runs of the real model, each a few hundred milliseconds: long enough to be killed half way. */
const SLOW_ENOUGH = `
name: killed
seed: 3
replications: 4
duration: 4s
warmup: 500ms
scenario:
  cluster: { nodes: 4, services: 10 }
  workload: { requestsPerSecond: 3000, clientPods: 20 }
sweep:
  cluster.services: [10, 20, 30]
`;

function eastwest(args: readonly string[], cwd: string): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [launcher, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stderr: result.stderr };
}

function journalRuns(path: string): number {
  if (!existsSync(path)) return 0;
  return readFileSync(path, 'utf8').split('\n').filter((line) => line.startsWith('{"run"')).length;
}

/** Starts `eastwest run` as a child process and kills it with SIGKILL once the journal holds `runs` runs. */
async function killAfter(runs: number, args: readonly string[], cwd: string, journal: string): Promise<void> {
  const child = spawn(process.execPath, [launcher, ...args], { cwd, stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  while (journalRuns(journal) < runs && child.exitCode === null) await sleep(10);
  child.kill('SIGKILL');
  await exited;
  expect(child.signalCode).toBe('SIGKILL');
}

// The compiled command line (dist/, built by `npm install` or `npm run build`) in a real child process.
describe.skipIf(!built)('eastwest run killed with SIGKILL, then --resume', () => {
  it('resumes from the journal and writes what an uninterrupted run writes, byte for byte', async () => {
    const cwd = temporaryFolder();
    writeExperiment(cwd, 'killed.yaml', SLOW_ENOUGH);
    const journal = join(cwd, 'results/killed.csv.journal');
    await killAfter(3, ['run', 'killed.yaml', '--workers', '2', '--quiet'], cwd, journal);
    const finished = journalRuns(journal);
    expect(finished).toBeGreaterThanOrEqual(3);
    expect(finished).toBeLessThan(12);
    expect(existsSync(join(cwd, 'results/killed.csv'))).toBe(false);

    const resumed = eastwest(['run', 'killed.yaml', '--workers', '2', '--resume'], cwd);
    expect(resumed.status).toBe(0);
    expect(resumed.stderr).toContain(`eastwest: killed: 12 runs; ${finished} already in the journal, ${12 - finished} to run on 2 workers\n`);
    expect(existsSync(journal)).toBe(false);

    expect(eastwest(['run', 'killed.yaml', '--workers', '1', '--out', 'whole/killed.csv', '--quiet'], cwd).status).toBe(0);
    for (const file of ['killed.csv', 'killed.summary.csv']) {
      expect(readFileSync(join(cwd, 'results', file), 'utf8')).toBe(readFileSync(join(cwd, 'whole', file), 'utf8'));
    }
  });

  it('refuses, exit 2, to resume after the experiment file changed', async () => {
    const cwd = temporaryFolder();
    writeExperiment(cwd, 'killed.yaml', SLOW_ENOUGH);
    const journal = join(cwd, 'results/killed.csv.journal');
    await killAfter(1, ['run', 'killed.yaml', '--workers', '2', '--quiet'], cwd, journal);
    writeExperiment(cwd, 'killed.yaml', SLOW_ENOUGH.replace('seed: 3', 'seed: 4'));
    const refused = eastwest(['run', 'killed.yaml', '--resume'], cwd);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/cannot resume: the journal was written for experiment hash [0-9a-f]{12}…, but killed\.yaml now resolves to [0-9a-f]{12}…/);
    expect(journalRuns(journal)).toBeGreaterThanOrEqual(1);
  });
});
