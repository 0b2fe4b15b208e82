import { KeyedPermutation, zipfSampler, type RandomStreams, type Sampler } from '../../src/random/index.js';

/**
 * Which Service a call goes to: a popularity rank drawn from Zipf, mapped to a Service number
 * by a keyed random permutation, so popularity has nothing to do with creation order (which
 * decides, e.g., which Services fit in a full eBPF map). Each has its own stream.
 */
export class ServicePopularity implements Sampler {
  private readonly rank: Sampler;
  private readonly serviceOfRank: KeyedPermutation;

  constructor(streams: RandomStreams, services: number, exponent: number) {
    this.rank = zipfSampler(streams.get('workload/services'), services, exponent);
    const key = Math.floor(streams.get('workload/popularity-order').next() * 2 ** 32);
    this.serviceOfRank = new KeyedPermutation(services, key);
  }

  /** A Service number (creation order), drawn by popularity. */
  sample(): number {
    return this.serviceOfRank.at(this.rank.sample());
  }
}
