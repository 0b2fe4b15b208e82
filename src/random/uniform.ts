import type { RandomStream } from './random-stream.js';
import type { Sampler } from './sampler.js';

/** Uniform on [min, max): one draw, scaled. */
export function uniform(stream: RandomStream, min: number, max: number): number {
  return min + stream.next() * (max - min);
}

class UniformSampler implements Sampler {
  private readonly width: number;

  constructor(
    private readonly stream: RandomStream,
    private readonly min: number,
    max: number,
  ) {
    this.width = max - min;
  }

  sample(): number {
    return this.min + this.stream.next() * this.width;
  }
}

export function uniformSampler(stream: RandomStream, min: number, max: number): Sampler {
  if (!(Number.isFinite(min) && Number.isFinite(max) && min <= max)) {
    throw new RangeError(`uniform needs finite min <= max, got min ${min}, max ${max}`);
  }
  return new UniformSampler(stream, min, max);
}

export const uniformMean = (min: number, max: number): number => (min + max) / 2;
