import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SMALL_EXPERIMENT, temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { runCaptured, steppingClock } from './testing/captured-cli.js';

// With a clock that steps 2 s per reading, every build and every run of the fake model takes 2 s.
/** Validate's output with wrapped lines joined again. */
const unwrapped = (text: string): string => text.replace(/\n {12}/g, ' ');

function folderWithExperiment(): string {
  const cwd = temporaryFolder();
  writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
  return cwd;
}

describe('eastwest validate run-time estimate', () => {
  it('calibrates on the first and last points when no earlier run left a meta, and says so', async () => {
    const cwd = folderWithExperiment();
    const outcome = await runCaptured(['validate', 'small.yaml', '--workers', '2'], { cwd, clock: steppingClock(2_000) });
    // The first calibration run (1 s simulated) only warms up; 4 s of simulated time took 2 s, so a
    // run of 11 s (1 s warmup + 10 s) takes 5.5 s plus a 2 s build: 7.5 s; 14 runs on 2 workers.
    expect(unwrapped(outcome.stdout)).toContain(
      'estimate    about 53 s on 2 workers (from a calibration run of points 0 and 6: 7.5 s per run of 11s simulated)\n',
    );
  });

  it('uses the meta of an earlier run of the experiment at the default output, scaled to the new duration and to a calibration now', async () => {
    const cwd = folderWithExperiment();
    await runCaptured(['run', 'small.yaml', '--quiet'], { cwd, clock: steppingClock(2_000) });
    // The meta: 4 s a run (2 s build, 2 s run). Calibrating point 0 now: 2 s build + 2 s for 4 s
    // of 11 s simulated = 7.5 s a run, ×1.875; 14 runs of 7.5 s on one worker.
    const same = await runCaptured(['validate', 'small.yaml'], { cwd, clock: steppingClock(2_000) });
    expect(unwrapped(same.stdout)).toMatch(
      /\nestimate {4}about 1 min 45 s on 1 worker \(from results\/small\.meta\.json: 14 runs of this same experiment, 4 s per run at \S+ events\/s; ×1\.9 for this machine now \(point 0 calibrated at 7\.5 s per run\)\)\n/,
    );
    // Build 2 s + run 2 s × 22 s / 11 s of simulated time = 6 s per run in the meta; 2 s + 2 s × 22 / 4 = 13 s calibrated.
    const longer = await runCaptured(['validate', 'small.yaml', '--set', 'duration=21s'], { cwd, clock: steppingClock(2_000) });
    expect(unwrapped(longer.stdout)).toMatch(
      /\nestimate {4}about 3 min 02 s on 1 worker \(from results\/small\.meta\.json: 14 runs of an earlier version of this experiment, 6 s per run at \S+ events\/s, scaled to 22s of simulated time per run; ×2\.2 for this machine now \(point 0 calibrated at 13 s per run\)\)\n/,
    );
  });

  it('spreads the runs over the workers in point order, each point at its own cost', async () => {
    const cwd = folderWithExperiment();
    // Runs of points 0-5 take 4 s (a 2 s build, a 2 s run), and of point 6 (the case) 40 s: a meta written by hand from a real one.
    await runCaptured(['run', 'small.yaml', '--quiet'], { cwd, clock: steppingClock(2_000) });
    const metaPath = `${cwd}/results/small.meta.json`;
    const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
    for (const run of meta.wallTime.perRun) if (run.point === 6) run.runSeconds = 38;
    writeFileSync(metaPath, JSON.stringify(meta));
    const outcome = await runCaptured(['validate', 'small.yaml', '--workers', '2'], { cwd, clock: steppingClock(2_000) });
    // Uncalibrated: 12 runs of 4 s on two workers end at 24 s, then the two runs of point 6 at 64 s
    // (a mean per run would say 7 × 6.6 s = 46 s); calibrated, point 0 takes 7.5 s now, ×1.875: 2 min.
    expect(unwrapped(outcome.stdout)).toContain('estimate    about 2 min 00 s on 2 workers (from results/small.meta.json');
  });

  it('uses the meta `eastwest report` left in results/<name>/', async () => {
    const cwd = folderWithExperiment();
    await runCaptured(['report', 'small.yaml', '--quiet'], { cwd, clock: steppingClock(2_000) });
    const outcome = await runCaptured(['validate', 'small.yaml'], { cwd });
    expect(unwrapped(outcome.stdout)).toContain('(from results/small/small.meta.json: 14 runs of this same experiment');
  });
});
