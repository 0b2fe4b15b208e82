import { describe, expect, it } from 'vitest';
import { listRuns, type RunRecord } from '../experiment/index.js';
import { fakeModel, fakeModelSource } from '../experiment/testing/fake-model.js';
import { resolveText, SMALL_EXPERIMENT } from '../experiment/testing/experiment-fixtures.js';
import { s } from '../engine/time.js';
import type { CliContext } from './cli-context.js';
import { RunProgress } from './run-progress.js';

/** SMALL_EXPERIMENT: 14 runs of 11 s simulated each (1 s warmup + 10 s). */
const experiment = resolveText(SMALL_EXPERIMENT);

function contextWith(env: Record<string, string>): { context: CliContext; stderr: () => string } {
  let written = '';
  const context: CliContext = {
    model: fakeModel(),
    modelSource: fakeModelSource(),
    stdout: { write: () => undefined },
    stderr: { write: (text: string) => void (written += text), isTTY: false },
    cwd: '.',
    commandLine: [],
    env,
    defaultWorkers: 1,
  };
  return { context, stderr: () => written };
}

function record(index: number, seconds: number): RunRecord {
  const run = listRuns(7, 2)[index];
  return { run, metrics: {}, warnings: [], events: 0, buildSeconds: 0, runSeconds: seconds, worker: 0 };
}

describe('RunProgress', () => {
  it('moves before any run finishes: the share of the work and an ETA from the runs in hand', () => {
    let now = 0;
    const { context, stderr } = contextWith({ EASTWEST_PROGRESS_INTERVAL: '1' });
    const progress = new RunProgress(context, experiment, { selection: { kind: 'all' }, quiet: false, resume: false, clock: () => now });
    const runs = listRuns(7, 2).slice(0, 4);
    progress.start({ runs: 4, fromJournal: [], toRun: 4, runsToRun: runs, workers: 2 });
    progress.runStarted(runs[0]);
    progress.runStarted(runs[1]);
    now = 2_000;
    // Run 0 is a quarter through its 11 s of simulated time after 2 s: 8 s a run, so 6 s left of
    // each run in hand, then two more of 8 s on the two workers: 14 s; 4 of 32 s of work done.
    progress.runProgressed(runs[0], s(2.75));
    progress.runProgressed(runs[1], s(2.75));
    // Run 0 ends at 8 s; run 1, at the same pace, is about to: two runs of 8 s are left, one per worker.
    now = 8_000;
    progress.runDone(record(0, 8), 1);
    expect(stderr()).toBe(
      'eastwest: small: 4 runs on 2 workers\n' +
        'progress: 0/4 runs (12%), 2 running, 0:02 elapsed, ETA 0:14, 1.4 sim s/s\n' +
        'progress: 1/4 runs (50%), 1 running, 0:08 elapsed, ETA 0:08, 7.5 runs/min, 1.7 sim s/s\n',
    );
  });

  it('refuses an EASTWEST_PROGRESS_INTERVAL that is not a number of seconds above 0', () => {
    const { context } = contextWith({ EASTWEST_PROGRESS_INTERVAL: 'soon' });
    expect(() => new RunProgress(context, experiment, { selection: { kind: 'all' }, quiet: false, resume: false, clock: () => 0 })).toThrow(
      'EASTWEST_PROGRESS_INTERVAL: expected seconds between progress lines, a number above 0 (such as 5 or 0.5), found `soon`',
    );
  });
});
