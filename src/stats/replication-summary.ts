import { tCritical95 } from './student-t.js';
import { Welford } from './welford.js';

/**
 * One metric of one point over its replications: what `X.summary.csv` prints as `<metric>_mean`
 * and `<metric>_ci95` (docs/design.md, Contracts). Fields a sample cannot support are undefined, printed empty.
 */
export interface ReplicationSummary {
  /** Replications that had a value. */
  n: number;
  /** Mean over those replications; undefined when none had a value. */
  mean: number | undefined;
  /** Half-width of the two-sided 95 % Student t interval, t_{0.975, n−1} · s / √n; undefined if n < 2. */
  ci95: number | undefined;
}

/**
 * Summarizes per-replication values of one metric. `undefined` marks a run with no samples of it
 * (a hit ratio with the cache off) and is skipped, never counted as 0.
 */
export function summarize(values: ReadonlyArray<number | undefined>): ReplicationSummary {
  const moments = new Welford();
  for (const value of values) {
    if (value !== undefined) moments.add(value);
  }
  const n = moments.count;
  const stddev = moments.stddev;
  const ci95 = stddev === undefined ? undefined : (tCritical95(n - 1) * stddev) / Math.sqrt(n);
  return { n, mean: moments.mean, ci95 };
}
