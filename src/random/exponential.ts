import type { RandomStream } from './random-stream.js';
import type { Sampler } from './sampler.js';

/**
 * Exponential with the given mean, by inversion: one draw per sample, so common random
 * numbers stay aligned. ln(1 − u) is finite because u < 1; log1p keeps it exact for small u
 * (and +0 rather than −0 at u = 0).
 */
export function exponential(stream: RandomStream, mean: number): number {
  return -mean * Math.log1p(-stream.next());
}

class ExponentialSampler implements Sampler {
  constructor(
    private readonly stream: RandomStream,
    private readonly mean: number,
  ) {}

  sample(): number {
    return -this.mean * Math.log1p(-this.stream.next());
  }
}

export function exponentialSampler(stream: RandomStream, mean: number): Sampler {
  if (!(Number.isFinite(mean) && mean > 0)) {
    throw new RangeError(`exponential needs a finite mean > 0, got ${mean}`);
  }
  return new ExponentialSampler(stream, mean);
}
