import type { RandomStream } from './random-stream.js';
import type { Sampler } from './sampler.js';

/**
 * One of n choices by weight (weights >= 0, some positive): a uniform draw times the total,
 * found in the cumulative weights by binary search (O(log n); classes and name forms are few).
 * With a single choice of positive weight nothing is drawn, so adding the option of a choice
 * that is never taken leaves the stream — and every other draw — as it was.
 */
export class WeightedChoice implements Sampler {
  private readonly cumulative: Float64Array;
  private readonly only: number;

  constructor(
    weights: readonly number[],
    private readonly stream: RandomStream,
  ) {
    let sum = 0;
    this.cumulative = Float64Array.from(weights, (weight) => (sum += weight));
    if (!(sum > 0)) throw new RangeError(`WeightedChoice needs a positive total weight, got ${sum}`);
    const positive = weights.filter((weight) => weight > 0).length;
    this.only = positive === 1 ? weights.findIndex((weight) => weight > 0) : -1;
  }

  /** The index of the choice drawn. */
  sample(): number {
    if (this.only >= 0) return this.only;
    const cumulative = this.cumulative;
    const u = this.stream.next() * cumulative[cumulative.length - 1];
    // The first choice whose cumulative weight exceeds u (zero-weight choices are never it).
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (u >= cumulative[middle]) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
