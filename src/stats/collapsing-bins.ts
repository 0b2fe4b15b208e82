/**
 * Counts per integer bin key, in a contiguous window of at most `maxBins` bins.
 *
 * When a key would widen the span past the cap, the lowest bins are folded into the lowest kept
 * bin (DDSketch's "collapsing lowest dense store"; Masson, Rim and Lee, VLDB 2019). Memory
 * stays bounded whatever the input, and only the lowest quantiles lose accuracy: for latencies the
 * tail is what matters. After a collapse every key below the floor counts as the floor.
 *
 * Written here rather than taken from @datadog/sketches-js 2.1.1: that package's collapsing stores
 * sum the bins to fold with an inclusive end and then add the end bin again, so a collapse or a
 * merge inflates the bin counts (2,000 adds over a range wider than the cap left bins summing to
 * 3,575) and so shifts every rank.
 */
export class CollapsingLowestBins {
  private counts = new Float64Array(0);
  /** Key of counts[0]. */
  private offset = 0;
  /** Whether counts[0] also stands for every key below `offset` (the floor only rises then). */
  private collapsed = false;
  /** Sum of all counts (a float, so merged weights never overflow). */
  total = 0;

  constructor(readonly maxBins: number) {
    if (!Number.isInteger(maxBins) || maxBins < 1) {
      throw new RangeError(`Expected \`maxBins\` to be an integer >= 1, got \`${maxBins}\``);
    }
  }

  /** Bins allocated now; memory is 8 bytes per bin. Never more than `maxBins`. */
  get binCount(): number {
    return this.counts.length;
  }

  /** Adds `weight` to the bin of `key`. The in-window case is the hot path: one bounds check. */
  add(key: number, weight = 1): void {
    const index = key - this.offset;
    if (index >= 0 && index < this.counts.length) this.counts[index] += weight;
    else this.addOutsideWindow(key, weight);
    this.total += weight;
  }

  /** The key holding the sample of 0-based `rank` in key order (rank < total). */
  keyAtRank(rank: number): number {
    return this.locateRank(rank).key;
  }

  /**
   * Where the sample of 0-based `rank` sits: its bin's key, how many samples come before that
   * bin, and how many the bin holds (so a quantile can be placed within the bin).
   */
  locateRank(rank: number): { key: number; before: number; count: number } {
    let cumulative = 0;
    for (let index = 0; index < this.counts.length; index += 1) {
      const count = this.counts[index];
      if (cumulative + count > rank) return { key: this.offset + index, before: cumulative, count };
      cumulative += count;
    }
    throw new RangeError(`Expected a rank below ${this.total}, got \`${rank}\``);
  }

  /** Adds every bin of `other`, highest key first so the window settles on the top at once. */
  merge(other: CollapsingLowestBins): void {
    for (let index = other.counts.length - 1; index >= 0; index -= 1) {
      const count = other.counts[index];
      if (count > 0) this.add(other.offset + index, count);
    }
  }

  private addOutsideWindow(key: number, weight: number): void {
    if (key < this.offset && this.collapsed) {
      this.counts[0] += weight;
      return;
    }
    this.reframe(key);
    // After a collapse the key may lie below the new floor: it counts as the floor.
    this.counts[Math.max(0, key - this.offset)] += weight;
  }

  /** Moves or grows the window so that it holds `key`, collapsing the lowest bins if it must. */
  private reframe(key: number): void {
    const occupied = this.occupiedKeys();
    const lowKey = Math.min(occupied?.low ?? key, key);
    const highKey = Math.max(occupied?.high ?? key, key);
    const span = highKey - lowKey + 1;
    if (span > this.maxBins) {
      this.relocate(highKey - this.maxBins + 1, this.maxBins);
      this.collapsed = true;
      return;
    }
    // Grow geometrically so a slowly widening range costs O(log) reallocations, not O(range).
    const capacity = Math.min(this.maxBins, Math.max(span, 2 * this.counts.length, MIN_CAPACITY));
    this.relocate(lowKey - Math.floor((capacity - span) / 2), capacity);
  }

  /** Copies the counts into a window starting at key `offset`, folding keys below it into bin 0. */
  private relocate(offset: number, capacity: number): void {
    const next = new Float64Array(capacity);
    for (let index = 0; index < this.counts.length; index += 1) {
      const count = this.counts[index];
      if (count !== 0) next[Math.max(0, this.offset + index - offset)] += count;
    }
    this.counts = next;
    this.offset = offset;
  }

  private occupiedKeys(): { low: number; high: number } | undefined {
    let low = -1;
    let high = -1;
    for (let index = 0; index < this.counts.length; index += 1) {
      if (this.counts[index] === 0) continue;
      if (low < 0) low = index;
      high = index;
    }
    return low < 0 ? undefined : { low: this.offset + low, high: this.offset + high };
  }
}

/** Smallest window allocated: a latency distribution spans a few hundred bins at 0.5 % accuracy. */
const MIN_CAPACITY = 128;
