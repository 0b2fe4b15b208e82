import { CollapsingLowestBins } from './collapsing-bins.js';

export interface QuantileSketchOptions {
  /** Relative accuracy α of every quantile (0 < α < 1). */
  relativeAccuracy?: number;
  /** Cap on the bins kept; past it the lowest bins collapse. */
  maxBins?: number;
}

/**
 * α = 0.05 %: bins (γ^(k−1), γ^k] with γ = (1 + α)/(1 − α), so a value placed anywhere in its
 * bin is within γ − 1 ≈ 0.1 % of the truth (`errorBound`), well inside the 1 % budget. Values
 * are placed within their bin by rank (below), not at one representative: with a single
 * representative, replications of a p50 landed in the same bin and the summary showed a
 * confidence interval of exactly 0 — the sketch, not the model, set the spread.
 */
export const DEFAULT_RELATIVE_ACCURACY = 0.0005;

/**
 * 32,768 bins (256 KiB at most) cover a dynamic range of γ^32768 ≈ 10^14 at α = 0.05 %: 1 ns to
 * a day in one sketch. Bins are allocated as the range widens, so a latency spread over four
 * decades holds about 9,200 bins.
 */
export const DEFAULT_MAX_BINS = 32_768;

/**
 * A streaming quantile sketch of non-negative values with bounded memory, mergeable: DDSketch
 * (Masson, Rim and Lee, "DDSketch: a fast and fully-mergeable quantile sketch with relative-error
 * guarantees", VLDB 2019). Value v > 0 goes to bin ⌈log_γ v⌉ with γ = (1 + α)/(1 − α); a bin's
 * representative is within α of every value in it. The key and value formulas are those of
 * @datadog/sketches-js's LogarithmicMapping, so bins line up with its sketches (tested).
 */
export class QuantileSketch {
  readonly relativeAccuracy: number;
  private readonly gamma: number;
  /** log2 v × multiplier = log_γ v. */
  private readonly multiplier: number;
  private readonly bins: CollapsingLowestBins;
  private zeroCount = 0;
  private total = 0;
  private minimum = Number.POSITIVE_INFINITY;
  private maximum = Number.NEGATIVE_INFINITY;

  constructor(options: QuantileSketchOptions = {}) {
    const relativeAccuracy = options.relativeAccuracy ?? DEFAULT_RELATIVE_ACCURACY;
    if (!(relativeAccuracy > 0 && relativeAccuracy < 1)) {
      throw new RangeError(
        `Expected \`relativeAccuracy\` to be a number > 0 and < 1, got \`${relativeAccuracy}\``,
      );
    }
    this.relativeAccuracy = relativeAccuracy;
    const gammaMantissa = (2 * relativeAccuracy) / (1 - relativeAccuracy);
    this.gamma = 1 + gammaMantissa;
    this.multiplier = Math.LN2 / Math.log1p(gammaMantissa);
    this.bins = new CollapsingLowestBins(options.maxBins ?? DEFAULT_MAX_BINS);
  }

  /**
   * Largest relative error of a quantile: γ − 1, the width of a bin relative to its lower edge
   * (unless the rank falls among collapsed bins).
   */
  get errorBound(): number {
    return this.gamma - 1;
  }

  /** Number of values added (merged ones included). */
  get count(): number {
    return this.total;
  }

  /** Exact smallest value added; undefined when empty. */
  get min(): number | undefined {
    return this.total === 0 ? undefined : this.minimum;
  }

  /** Exact largest value added; undefined when empty. */
  get max(): number | undefined {
    return this.total === 0 ? undefined : this.maximum;
  }

  /** Bins allocated now (8 bytes each); never more than `maxBins`. */
  get binCount(): number {
    return this.bins.binCount;
  }

  /** Records one value. Hot path: a validation, two comparisons, a log2 and an array increment. */
  add(value: number): void {
    // One comparison pair rejects negatives, NaN and ±Infinity alike.
    if (!(value >= 0 && value <= Number.MAX_VALUE)) {
      throw new RangeError(`Expected a sketch value to be a finite number >= 0, got \`${value}\``);
    }
    this.total += 1;
    if (value < this.minimum) this.minimum = value;
    if (value > this.maximum) this.maximum = value;
    if (value === 0) this.zeroCount += 1;
    else this.bins.add(Math.ceil(Math.log2(value) * this.multiplier));
  }

  /**
   * The q-quantile with linear interpolation between order statistics (R's type 7, the default of
   * numpy, pandas and spreadsheets' PERCENTILE.INC), within `errorBound` of the exact one
   * unless its rank falls among collapsed bins. Undefined when empty.
   */
  quantile(q: number): number | undefined {
    if (!(q >= 0 && q <= 1)) {
      throw new RangeError(`Expected a quantile between 0 and 1, got \`${q}\``);
    }
    if (this.total === 0) return undefined;
    const rank = q * (this.total - 1);
    const lowerRank = Math.floor(rank);
    const fraction = rank - lowerRank;
    const lower = this.valueAtRank(lowerRank);
    // A convex combination of two values each within the bound of its order statistic is too.
    const estimate =
      fraction === 0 ? lower : lower + fraction * (this.valueAtRank(lowerRank + 1) - lower);
    // The exact quantile lies in [min, max], so clamping can only reduce the error.
    return Math.min(this.maximum, Math.max(this.minimum, estimate));
  }

  /** Adds every value of `other` to this sketch; `other` is left unchanged. */
  merge(other: QuantileSketch): void {
    if (other.relativeAccuracy !== this.relativeAccuracy) {
      throw new RangeError(
        `Expected sketches with the same relativeAccuracy to merge, got ${this.relativeAccuracy} and ` +
          `${other.relativeAccuracy}`,
      );
    }
    this.bins.merge(other.bins);
    this.zeroCount += other.zeroCount;
    this.total += other.total;
    this.minimum = Math.min(this.minimum, other.minimum);
    this.maximum = Math.max(this.maximum, other.maximum);
  }

  private valueAtRank(rank: number): number {
    // The extreme order statistics are known exactly.
    if (rank === 0) return this.minimum;
    if (rank === this.total - 1) return this.maximum;
    if (rank < this.zeroCount) return 0;
    const { key, before, count } = this.bins.locateRank(rank - this.zeroCount);
    // The bin (γ^(key−1), γ^key] holds `count` samples; the one of this rank is placed at its
    // share of the bin, geometrically: the (i + ½)/count point between the edges. Anywhere in
    // the bin is within γ − 1 of the truth, and the estimate now moves with the rank.
    const position = (rank - this.zeroCount - before + 0.5) / count;
    return Math.pow(2, (key - 1 + position) / this.multiplier);
  }
}
