import { boundedParetoSampler } from './bounded-pareto.js';
import { constantSampler } from './constant.js';
import type { DistributionSpec } from './distribution-spec.js';
import { empiricalSampler } from './empirical.js';
import { exponentialSampler } from './exponential.js';
import { lognormalSampler } from './lognormal.js';
import type { RandomStream } from './random-stream.js';
import type { Sampler } from './sampler.js';
import { uniformSampler } from './uniform.js';

/**
 * Binds a parsed distribution to a stream, once, at build time. Draws come out in the spec's
 * unit: for a duration, real-valued nanoseconds, which the caller rounds (`ns()`) before
 * scheduling, since engine time is integral.
 */
export function makeSampler(spec: DistributionSpec, stream: RandomStream): Sampler {
  switch (spec.dist) {
    case 'constant':
      return constantSampler(spec.value);
    case 'exponential':
      return exponentialSampler(stream, spec.mean);
    case 'lognormal':
      return lognormalSampler(stream, spec.median, spec.p99);
    case 'uniform':
      return uniformSampler(stream, spec.min, spec.max);
    case 'boundedPareto':
      return boundedParetoSampler(stream, spec.min, spec.max, spec.alpha);
    case 'empirical':
      return empiricalSampler(stream, spec.values);
  }
}
