import type { RandomStream } from './random-stream.js';
import type { Sampler } from './sampler.js';

/** An integer in 0..count−1, all equally likely: one draw. */
export function uniformIndex(stream: RandomStream, count: number): number {
  return Math.floor(stream.next() * count);
}

class UniformIndexSampler implements Sampler {
  constructor(
    private readonly stream: RandomStream,
    private readonly count: number,
  ) {}

  sample(): number {
    return Math.floor(this.stream.next() * this.count);
  }
}

/**
 * Uniform over 0..count−1. Draws carry 32 bits, so counts up to millions stay within a
 * relative bias of count/2^32 between items; the models' counts (Services, pods) are far below.
 */
export function uniformIndexSampler(stream: RandomStream, count: number): Sampler {
  requireCount(count, 'uniform index');
  return new UniformIndexSampler(stream, count);
}

/** Checks an item count: an integer >= 1. */
export function requireCount(count: number, what: string): void {
  if (!(Number.isSafeInteger(count) && count >= 1)) {
    throw new RangeError(`${what} needs an integer count >= 1, got ${count}`);
  }
}
