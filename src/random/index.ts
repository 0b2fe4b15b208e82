/** src/random: named seeded streams and distributions as functions of a stream. */
export { RandomStreams, streamSeedText } from './random-streams.js';
export { UNIFORM_RESOLUTION, openUnit, type RandomStream } from './random-stream.js';
export type { Sampler } from './sampler.js';

export { ConstantSampler, constantSampler } from './constant.js';
export { uniform, uniformMean, uniformSampler } from './uniform.js';
export { uniformIndex, uniformIndexSampler } from './uniform-index.js';
export { exponential, exponentialSampler } from './exponential.js';
export { inverseNormalCdf } from './inverse-normal-cdf.js';
export { standardNormal } from './normal.js';
export { Z_99, lognormal, lognormalMean, lognormalParameters, lognormalSampler } from './lognormal.js';
export { boundedParetoMean, boundedParetoSampler } from './bounded-pareto.js';
export { zipfSampler } from './zipf.js';
export { empiricalMean, empiricalSampler } from './empirical.js';

export {
  DISTRIBUTION_FIELDS,
  DISTRIBUTION_NAMES,
  parseDistribution,
  type DistributionName,
  type DistributionSpec,
  type DistributionUnit,
} from './distribution-spec.js';
export { makeSampler } from './distribution-sampler.js';
export { describeDistribution, distributionMean, distributionMedian } from './distribution-summary.js';
export { KeyedPermutation, mix32 } from './keyed-permutation.js';
export { WeightedChoice } from './weighted-choice.js';
