import type { RandomStream } from './random-stream.js';
import type { Sampler } from './sampler.js';

/**
 * Weighted choice among k items by Walker's alias method in Vose's construction
 * (M. D. Vose, "A linear algorithm for generating random numbers with a given distribution",
 * IEEE TSE 17(9), 972–975, 1991): O(k) to build, O(1) and one draw per sample. The draw's
 * integer part picks a column and its fraction decides between the column and its alias.
 */
class AliasSampler implements Sampler {
  constructor(
    private readonly stream: RandomStream,
    /** Probability of keeping column i rather than taking its alias. */
    private readonly keep: Float64Array,
    private readonly alias: Int32Array,
  ) {}

  sample(): number {
    const scaled = this.stream.next() * this.keep.length;
    const column = Math.floor(scaled);
    return scaled - column < this.keep[column] ? column : this.alias[column];
  }
}

/** Vose's tables: every column holds mass 1/k, split between itself and one alias. */
function buildAliasTables(weights: readonly number[]): { keep: Float64Array; alias: Int32Array } {
  const k = weights.length;
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const scaled = Float64Array.from(weights, (weight) => (weight * k) / total);
  const keep = new Float64Array(k);
  const alias = new Int32Array(k);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((mass, i) => (mass < 1 ? small : large).push(i));
  while (small.length > 0 && large.length > 0) {
    const less = small.pop() as number;
    const more = large.pop() as number;
    keep[less] = scaled[less];
    alias[less] = more;
    scaled[more] = scaled[more] + scaled[less] - 1;
    (scaled[more] < 1 ? small : large).push(more);
  }
  // What is left holds mass 1 up to rounding; rounding must not send draws to an alias.
  for (const i of [...small, ...large]) {
    keep[i] = 1;
    alias[i] = i;
  }
  return { keep, alias };
}

/**
 * Chooses item i (0-based) with probability weights[i] / Σ weights. Weights must be finite
 * and >= 0 with a positive sum; an item of weight 0 is never chosen.
 */
export function weightedChoiceSampler(stream: RandomStream, weights: readonly number[]): Sampler {
  if (weights.length === 0) throw new RangeError('weighted choice needs at least one weight');
  if (!weights.every((weight) => weight >= 0 && Number.isFinite(weight))) {
    throw new RangeError(`weighted choice needs finite weights >= 0, got ${weights.join(', ')}`);
  }
  if (!weights.some((weight) => weight > 0)) {
    throw new RangeError('weighted choice needs at least one weight > 0');
  }
  const { keep, alias } = buildAliasTables(weights);
  return new AliasSampler(stream, keep, alias);
}
