import type { Sampler } from './sampler.js';

/**
 * Always `value`. It draws nothing from a stream: a stream serves one purpose (docs/design.md, Determinism),
 * so a constant leaves no one else's draws to keep aligned.
 */
export class ConstantSampler implements Sampler {
  constructor(readonly value: number) {
    if (!Number.isFinite(value)) throw new RangeError(`constant needs a finite value, got ${value}`);
  }

  sample(): number {
    return this.value;
  }
}

export function constantSampler(value: number): Sampler {
  return new ConstantSampler(value);
}
