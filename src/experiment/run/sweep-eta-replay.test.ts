import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRecordedSweep, replaySweep, type RecordedSweep } from '../testing/sweep-replay.js';

// The committed results/*.meta.json of the shipped experiments hold the real wall time of every
// run. Each is replayed as the pool runs it (point order, each run to the first worker free,
// progress reports every 0.5 s at an even pace), and the ETA the tracker gives at 10, 25, 50
// and 75 % of the sweep's wall time is set against the time really left then.
const RESULTS = fileURLToPath(new URL('../../../results/', import.meta.url));
// Each shipped experiment's results sit in their report folder, results/<name>/<name>.meta.json.
const METAS = readdirSync(RESULTS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(RESULTS, entry.name, `${entry.name}.meta.json`)))
  .map((entry) => `${entry.name}.meta.json`)
  .sort();
const CHECKPOINTS = [0.1, 0.25, 0.5, 0.75];
const TOLERANCE = 0.3;

/** Replication 0's wall time for each point, on a machine `speed` times as slow: what an earlier run's meta gives. */
function earlierRunPrior(sweep: RecordedSweep, speed: number): Map<number, number> {
  const firsts = sweep.runs.filter(({ run }) => run.replication === 0);
  return new Map(firsts.map(({ run, buildSeconds, runSeconds }) => [run.point, (buildSeconds + runSeconds) * speed]));
}

/** `quickstart 25%: ETA 12 s, 10 s left (+20%)` for each check outside the tolerance. */
function misses(name: string, checks: ReturnType<typeof replaySweep>): string[] {
  return checks
    .filter((check) => check.error === undefined || Math.abs(check.error) > TOLERANCE)
    .map((check, i) => `${name} at ${Math.round(check.at)} s: ETA ${check.eta?.toFixed(1) ?? 'none'} s, ${check.actualRemaining.toFixed(1)} s left (checkpoint ${i})`);
}

describe('the ETA replayed on the shipped experiments’ recorded run times', () => {
  it('finds every committed meta', () => {
    expect(METAS).toContain('quickstart.meta.json');
    expect(METAS.length).toBeGreaterThanOrEqual(8);
  });

  // A re-run with an earlier meta (results/<name>.meta.json), as the shipped experiments have:
  // its per-point times are taken from replication 0 alone (so replications' spread is real
  // error), on a machine 0.6× or 1.5× as fast as now, which the estimator must learn as it goes.
  it.each(METAS)('with an earlier run’s meta, %s: within ±30 % of the time left at 10, 25, 50 and 75 %', (name) => {
    const sweep = readRecordedSweep(join(RESULTS, name.replace(/\.meta\.json$/, ''), name));
    for (const speed of [0.6, 1.5]) {
      expect(misses(`${name} (prior ×${speed})`, replaySweep(sweep, sweep.workers, CHECKPOINTS, earlierRunPrior(sweep, speed)))).toEqual([]);
    }
  });

  // A machine whose load lifts halfway: every run of the first half took 3× the recorded time,
  // of the second half 1.5×. The speed is judged on the last runs, so by 90 % (a few runs after the change) the ETA has followed.
  it.each(METAS)('with an earlier run’s meta, %s: follows a load that lifts halfway, within ±30 % at 90 %', (name) => {
    const recorded = readRecordedSweep(join(RESULTS, name.replace(/\.meta\.json$/, ''), name));
    const half = recorded.runs.length / 2;
    const runs = recorded.runs.map((entry, i) => ({ ...entry, runSeconds: entry.runSeconds * (i < half ? 3 : 1.5) }));
    const [late] = replaySweep({ ...recorded, runs }, recorded.workers, [0.9], earlierRunPrior(recorded, 1));
    expect(misses(`${name} (load lifting)`, [late])).toEqual([]);
  });

  // With no meta the cost of points not reached yet is unknown; runs in hand, projected from
  // their simulated-time pace, and the points seen carry the estimate. That holds where cost
  // does not trend with point order: these, on their own workers and on 2 and 4.
  it.each(['quickstart', 'churn-rollout', 'service-classes', 'first-packet-fit'])('with no meta, %s: within ±30 % at every checkpoint', (experiment) => {
    const sweep = readRecordedSweep(join(RESULTS, experiment, `${experiment}.meta.json`));
    for (const workers of new Set([sweep.workers, 2, 4])) {
      expect(misses(`${experiment} on ${workers}`, replaySweep(sweep, workers, CHECKPOINTS))).toEqual([]);
    }
  });

  it('with no meta, churn-rollout (24 runs of 70 s on 2 workers) has an ETA in its first seconds, not after the first run', () => {
    const sweep = readRecordedSweep(join(RESULTS, 'churn-rollout', 'churn-rollout.meta.json'));
    const [early] = replaySweep(sweep, 2, [0.002]);
    expect(early.at).toBeLessThan(2);
    expect(Math.abs(early.error!)).toBeLessThan(TOLERANCE);
  });

  // The limit, and proof the check bites: benchmark-replica's first 15 points take 3–12 s a run
  // and the other 15 about 0.2 s; with no meta nothing foretells the drop, so the ETA is far too long.
  it('with no meta, benchmark-replica is far off: the cheap points at the end cannot be foreseen', () => {
    const sweep = readRecordedSweep(join(RESULTS, 'benchmark-replica', 'benchmark-replica.meta.json'));
    const checks = replaySweep(sweep, sweep.workers, CHECKPOINTS);
    expect(checks.every((check) => check.error !== undefined && check.error > 0.9)).toBe(true);
  });
});
