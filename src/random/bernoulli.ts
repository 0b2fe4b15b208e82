import type { RandomStream } from './random-stream.js';
import type { Sampler } from './sampler.js';

/** True with probability p: one draw. */
export function bernoulli(stream: RandomStream, p: number): boolean {
  return stream.next() < p;
}

class BernoulliSampler implements Sampler {
  constructor(
    private readonly stream: RandomStream,
    private readonly p: number,
  ) {}

  /** 1 with probability p, else 0 (a number, so it fits the Sampler shape). */
  sample(): number {
    return this.stream.next() < this.p ? 1 : 0;
  }
}

export function bernoulliSampler(stream: RandomStream, p: number): Sampler {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`bernoulli needs 0 <= p <= 1, got ${p}`);
  return new BernoulliSampler(stream, p);
}
