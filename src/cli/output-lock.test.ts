import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { fakeModel } from '../experiment/testing/fake-model.js';
import { SMALL_EXPERIMENT, temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { runCaptured } from './testing/captured-cli.js';
import { eastwestSync, spawnEastwest } from './testing/spawned-cli.js';

const read = (cwd: string, file: string): string => readFileSync(join(cwd, file), 'utf8');

/** Many short runs of the real model: minutes in all, so it is still running when the test is done with it (it is killed). */
const LONG = `
name: long
seed: 3
replications: 2000
duration: 1s
warmup: 100ms
scenario:
  cluster: { nodes: 4, services: 10 }
  workload: { requestsPerSecond: 500, clientPods: 20 }
`;

function journalRuns(path: string): number {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((line) => line.startsWith('{"run"')).length : 0;
}

/** Starts `eastwest run long.yaml` in a child process and waits until it holds the lock and has journaled a run. */
async function longRun(): Promise<{ cwd: string; running: ReturnType<typeof spawnEastwest> }> {
  const cwd = temporaryFolder();
  writeExperiment(cwd, 'long.yaml', LONG);
  const running = spawnEastwest(['run', 'long.yaml', '--workers', '1', '--quiet'], cwd);
  const deadline = Date.now() + 30_000;
  while (journalRuns(join(cwd, 'results/long.csv.journal')) < 1 && running.child.exitCode === null && Date.now() < deadline) await sleep(20);
  expect(existsSync(join(cwd, 'results/long.csv.lock'))).toBe(true);
  return { cwd, running };
}

describe('one writer per output', () => {
  it('refuses a second process on the same output while the first runs, exit 2 naming it; SIGTERM then removes the lock and keeps the journal', async () => {
    const { cwd, running } = await longRun();
    const second = eastwestSync(['run', 'long.yaml', '--resume', '--quiet'], cwd);
    expect(second.status).toBe(2);
    const lock = join(cwd, 'results/long.csv.lock');
    expect(second.stderr).toBe(
      `error: Cannot write the output \`${join(cwd, 'results/long.csv')}\`: it is being written by another eastwest: process ${running.child.pid} on ${hostname()}, ` +
        `since ${JSON.parse(read(cwd, 'results/long.csv.lock')).startedAt}, \`eastwest run long.yaml --workers 1 --quiet\`; its lock is ${lock}. ` +
        'Wait for it to finish, or remove the lock if that process is gone\n',
    );
    running.child.kill('SIGTERM');
    const ended = await running.ended;
    expect(ended.signal).toBe('SIGTERM');
    expect(existsSync(lock)).toBe(false);
    const journal = read(cwd, 'results/long.csv.journal').trimEnd().split('\n');
    expect(journal.length).toBeGreaterThan(1);
    expect(journal.every((line) => line.endsWith('"}'))).toBe(true);
  });

  it('removes the lock on SIGINT too', async () => {
    const { cwd, running } = await longRun();
    running.child.kill('SIGINT');
    expect((await running.ended).signal).toBe('SIGINT');
    expect(existsSync(join(cwd, 'results/long.csv.lock'))).toBe(false);
  });

  it('refuses a second command in the same process while the first runs, and the first finishes as usual', async () => {
    const cwd = temporaryFolder();
    writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
    const first = runCaptured(['run', 'small.yaml', '--quiet'], { cwd });
    const second = await runCaptured(['run', 'small.yaml', '--resume', '--quiet'], { cwd });
    expect(second.status).toBe(2);
    expect(second.stderr).toContain(`it is being written by another eastwest: process ${process.pid} on ${hostname()}`);
    expect((await first).status).toBe(0);
    expect(existsSync(join(cwd, 'results/small.csv.lock'))).toBe(false);
    await runCaptured(['run', 'small.yaml', '--out', 'again/small.csv', '--quiet'], { cwd });
    expect(read(cwd, 'results/small.csv')).toBe(read(cwd, 'again/small.csv'));
  });

  it('takes over a stale lock of a process that no longer runs, saying so, and removes it at the end', async () => {
    const cwd = temporaryFolder();
    writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
    const pid = spawnSync(process.execPath, ['-e', '']).pid;
    const lock = join(cwd, 'results/small.csv.lock');
    mkdirSync(join(cwd, 'results'));
    writeFileSync(lock, `${JSON.stringify({ pid, host: hostname(), startedAt: '2026-01-01T00:00:00.000Z', commandLine: ['eastwest', 'run', 'small.yaml'], token: 'x' })}\n`);
    const outcome = await runCaptured(['run', 'small.yaml', '--quiet'], { cwd });
    expect(outcome.status).toBe(0);
    expect(outcome.stderr).toBe(`warning: took over the stale lock ${lock}: process ${pid} on ${hostname()} no longer runs\n`);
    expect(existsSync(lock)).toBe(false);
  });

  it('removes the lock when a run fails, keeping the journal', async () => {
    const cwd = temporaryFolder();
    writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
    const failed = await runCaptured(['run', 'small.yaml', '--quiet'], { cwd, model: fakeModel({ failOnRunCall: 4 }) });
    expect(failed.status).toBe(1);
    expect(existsSync(join(cwd, 'results/small.csv.lock'))).toBe(false);
    expect(existsSync(join(cwd, 'results/small.csv.journal'))).toBe(true);
  });

  it('makes merge refuse an output another process writes', async () => {
    const cwd = temporaryFolder();
    writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
    for (const shard of ['1/2', '2/2']) await runCaptured(['run', 'small.yaml', '--shard', shard, '--out', 'parts/x.csv', '--quiet'], { cwd });
    const first = runCaptured(['run', 'small.yaml', '--out', 'merged/x.csv', '--quiet'], { cwd });
    const merge = await runCaptured(['merge', 'parts/x.part-1-of-2.csv', 'parts/x.part-2-of-2.csv', '--out', 'merged/x.csv'], { cwd });
    expect(merge.status).toBe(2);
    expect(merge.stderr).toContain(`error: Cannot write the output \`${join(cwd, 'merged/x.csv')}\`: it is being written by another eastwest: process ${process.pid}`);
    expect((await first).status).toBe(0);
  });
});
