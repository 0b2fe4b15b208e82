import { summarize, type ReplicationSummary } from './replication-summary.js';

/**
 * The mean and 95 % confidence half-width of d_i = x_i − b_i over replications i, where x_i is a
 * metric at a point and b_i the same metric at its baseline point in the same replication — what
 * `X.summary.csv` prints as `<metric>_diff` and `<metric>_diff_ci95` (docs/design.md, Contracts).
 *
 * Replication i of every point sees the same random streams (common random numbers), so x_i and
 * b_i are positively correlated and Var(d) = Var(x) + Var(b) − 2 Cov(x, b) is small: the paired
 * interval is much narrower than one from comparing the two means independently. Pairs where
 * either side is undefined (no samples in that run) are skipped.
 */
export function pairedDifference(
  values: ReadonlyArray<number | undefined>,
  baseline: ReadonlyArray<number | undefined>,
): ReplicationSummary {
  if (values.length !== baseline.length) {
    throw new RangeError(
      `Expected a value and a baseline for every replication, got ${values.length} values and ` +
        `${baseline.length} baselines`,
    );
  }
  const differences = values.map((value, replication) => {
    const base = baseline[replication];
    return value === undefined || base === undefined ? undefined : value - base;
  });
  return summarize(differences);
}
