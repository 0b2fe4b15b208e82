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
    // 1 s of simulated time took 2 s; a run is 11 s (1 s warmup + 10 s) plus a 2 s build: 24 s; 14 runs on 2 workers.
    expect(unwrapped(outcome.stdout)).toContain(
      'estimate    about 2 min 48 s on 2 workers (from a calibration run of points 0 and 6: 24 s per run of 11s simulated)\n',
    );
  });

  it('uses the meta of an earlier run of the experiment at the default output, scaled to the new duration', async () => {
    const cwd = folderWithExperiment();
    await runCaptured(['run', 'small.yaml', '--quiet'], { cwd, clock: steppingClock(2_000) });
    const same = await runCaptured(['validate', 'small.yaml'], { cwd });
    expect(unwrapped(same.stdout)).toMatch(/\nestimate {4}about 56 s on 1 worker \(from results\/small\.meta\.json: 14 runs of this same experiment, 4 s per run at \S+ events\/s\)\n/);
    // Build 2 s + run 2 s × 22 s / 11 s of simulated time = 6 s per run.
    const longer = await runCaptured(['validate', 'small.yaml', '--set', 'duration=21s'], { cwd });
    expect(unwrapped(longer.stdout)).toMatch(
      /\nestimate {4}about 1 min 24 s on 1 worker \(from results\/small\.meta\.json: 14 runs of an earlier version of this experiment, 6 s per run at \S+ events\/s, scaled to 22s of simulated time per run\)\n/,
    );
  });

  it('uses the meta `eastwest report` left in results/<name>/', async () => {
    const cwd = folderWithExperiment();
    await runCaptured(['report', 'small.yaml', '--quiet'], { cwd, clock: steppingClock(2_000) });
    const outcome = await runCaptured(['validate', 'small.yaml'], { cwd });
    expect(unwrapped(outcome.stdout)).toContain('(from results/small/small.meta.json: 14 runs of this same experiment');
  });
});
