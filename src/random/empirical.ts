import type { RandomStream } from './random-stream.js';
import type { Sampler } from './sampler.js';

class EmpiricalSampler implements Sampler {
  private readonly values: Float64Array;

  constructor(
    private readonly stream: RandomStream,
    values: readonly number[],
  ) {
    // A private typed copy: the caller's array may change, and reads stay monomorphic.
    this.values = Float64Array.from(values);
  }

  sample(): number {
    return this.values[Math.floor(this.stream.next() * this.values.length)];
  }
}

/** One of `values`, each position equally likely (repeat a value to weight it): one draw. */
export function empiricalSampler(stream: RandomStream, values: readonly number[]): Sampler {
  if (values.length === 0) throw new RangeError('empirical needs at least one value');
  if (!values.every(Number.isFinite)) {
    throw new RangeError(`empirical needs finite values, got ${values.join(', ')}`);
  }
  return new EmpiricalSampler(stream, values);
}

export function empiricalMean(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total / values.length;
}
