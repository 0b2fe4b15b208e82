/**
 * Streaming mean and variance by Welford's algorithm (B. P. Welford, "Note on a method for
 * calculating corrected sums of squares and products", Technometrics 4(3), 1962). It updates the
 * mean and the sum of squared deviations M2 directly, so values far from zero (1e9 ns plus a little
 * noise) keep their precision, where Σx² − (Σx)²/n cancels catastrophically.
 */
export class Welford {
  private n = 0;
  private runningMean = 0;
  /** Σ (x − mean)², kept up to date one value at a time. */
  private m2 = 0;

  get count(): number {
    return this.n;
  }

  /** Arithmetic mean; undefined with no values (never a made-up 0). */
  get mean(): number | undefined {
    return this.n === 0 ? undefined : this.runningMean;
  }

  /** Sample variance, Σ (x − mean)² / (n − 1); undefined with fewer than two values. */
  get variance(): number | undefined {
    return this.n < 2 ? undefined : this.m2 / (this.n - 1);
  }

  /** Sample standard deviation, √variance; undefined with fewer than two values. */
  get stddev(): number | undefined {
    const variance = this.variance;
    return variance === undefined ? undefined : Math.sqrt(variance);
  }

  add(value: number): void {
    if (!Number.isFinite(value)) {
      throw new RangeError(`Expected a finite number, got \`${value}\``);
    }
    this.n += 1;
    const delta = value - this.runningMean;
    this.runningMean += delta / this.n;
    // delta × (value − new mean) is Welford's exact increment of M2.
    this.m2 += delta * (value - this.runningMean);
  }

  /**
   * Adds the values summarized by `other` (Chan, Golub and LeVeque, "Updating formulae and a
   * pairwise algorithm for computing sample variances", 1979), e.g. to combine per-node figures.
   */
  merge(other: Welford): void {
    if (other.n === 0) return;
    const n = this.n + other.n;
    const delta = other.runningMean - this.runningMean;
    this.m2 += other.m2 + (delta * delta * this.n * other.n) / n;
    this.runningMean += (delta * other.n) / n;
    this.n = n;
  }
}
