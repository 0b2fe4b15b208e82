/** Where MSER would truncate a series, and whether that is inside the range it may search. */
export interface MserTruncation {
  /** Observations to discard from the start (d*). */
  readonly discard: number;
  /** True when d* sits at the end of the searched range: the transient may run past it, so the series is too short to tell. */
  readonly atLimit: boolean;
}

/**
 * MSER (White 1997, "An effective truncation heuristic for bias reduction in simulation output";
 * MSER-5 when the observations are batch means, White, Cobb & Spratt 2000): discard the d first
 * observations that minimise the marginal standard error of the rest,
 *   MSER(d) = Σ_{i>d} (Y_i − Ȳ_d)² / (n − d)²,
 * searching d in [0, n/2] as the method recommends (a minimum in the second half says the run is
 * too short). O(n) with suffix sums.
 */
export function mserTruncation(series: ArrayLike<number>): MserTruncation {
  const n = series.length;
  if (n < 4) return { discard: 0, atLimit: true };
  const limit = Math.floor(n / 2);
  let sum = 0;
  let sumOfSquares = 0;
  let best = Number.POSITIVE_INFINITY;
  let discard = 0;
  for (let d = n - 1; d >= 0; d--) {
    const y = series[d];
    sum += y;
    sumOfSquares += y * y;
    if (d > limit) continue;
    const kept = n - d;
    const squaredError = Math.max(sumOfSquares - (sum * sum) / kept, 0);
    const statistic = squaredError / (kept * kept);
    if (statistic <= best) {
      best = statistic;
      discard = d;
    }
  }
  return { discard, atLimit: discard >= limit - 1 };
}
