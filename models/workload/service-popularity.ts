import { KeyedPermutation, zipfSampler, type RandomStreams, type Sampler } from '../../src/random/index.js';
import type { Cluster } from '../cluster/cluster.js';

/**
 * Which Service a call goes to: a popularity rank drawn from Zipf, mapped to a Service number
 * by a keyed random permutation, so popularity has nothing to do with creation order (which
 * decides, e.g., which Services fit in a full eBPF map). Each has its own stream.
 *
 * A call that names a Service by its short name reaches only the client's namespace: there the
 * rank is drawn over that namespace's Services (same exponent) and mapped by a permutation keyed
 * per namespace. With one namespace both draws are the same, so adding the DNS model's name
 * forms changes nothing for a cluster of one namespace.
 */
export class ServicePopularity implements Sampler {
  private readonly rank: Sampler;
  private readonly serviceOfRank: KeyedPermutation;
  /** Per namespace size (at most two sizes: ⌊S/k⌋ and ⌈S/k⌉): its Zipf sampler and permutation. */
  private readonly bySize = new Map<number, { readonly rank: Sampler; readonly order: KeyedPermutation }>();

  constructor(
    private readonly streams: RandomStreams,
    private readonly cluster: Cluster,
    readonly exponent: number,
  ) {
    this.rank = zipfSampler(streams.get('workload/services'), cluster.services, exponent);
    const key = Math.floor(streams.get('workload/popularity-order').next() * 2 ** 32);
    this.serviceOfRank = new KeyedPermutation(cluster.services, key);
  }

  /** A Service number (creation order), drawn by popularity over the whole cluster. */
  sample(): number {
    return this.serviceOfRank.at(this.rank.sample());
  }

  /** The Service of popularity rank `rank` cluster-wide (1: the most called). */
  serviceAtRank(rank: number): number {
    return this.serviceOfRank.at(rank - 1);
  }

  /** A Service of `namespace`, drawn by popularity among its Services. */
  sampleInNamespace(namespace: number): number {
    const { namespaces } = this.cluster;
    if (namespaces === 1) return this.sample();
    const size = this.cluster.servicesInNamespace(namespace);
    const { rank, order } = this.bySize.get(size) ?? this.forSize(size);
    return order.at(rank.sample(), namespace + 1) * namespaces + namespace;
  }

  private forSize(size: number) {
    const key = Math.floor(this.streams.get(`workload/popularity-order-${size}`).next() * 2 ** 32);
    const made = { rank: zipfSampler(this.streams.get('workload/services-in-namespace'), size, this.exponent), order: new KeyedPermutation(size, key) };
    this.bySize.set(size, made);
    return made;
  }
}
