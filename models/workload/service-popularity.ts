import { KeyedPermutation, WeightedChoice, zipfSampler, type RandomStream, type RandomStreams, type Sampler } from '../../src/random/index.js';
import type { Cluster } from '../cluster/cluster.js';

/** One class's popularity: Zipf over its Services' ranks, mapped to Services by a keyed permutation. */
interface ClassRanks {
  readonly rank: Sampler;
  readonly order: KeyedPermutation;
  /** The class's Services in number order (undefined for the one-class shorthand: every Service, itself). */
  readonly members: Int32Array | undefined;
}

/** A namespace's Services by class, and the classes' weights there (built when a client of it first calls). */
interface NamespaceClasses {
  readonly choice: WeightedChoice;
  readonly members: readonly Int32Array[];
}

/**
 * Which Service a call goes to. A class is drawn by its share of the calls
 * (`cluster.serviceClasses` popularity), then a popularity rank from Zipf over the class's
 * Services, mapped to a Service by a keyed random permutation, so popularity has nothing to do
 * with creation order (which decides, e.g., which Services fit in a full eBPF map). Each draw
 * has its own stream; with one class no class is drawn, so the shorthand's draws are what they were.
 *
 * A call that names a Service by its short name reaches only the client's namespace: there the
 * class is drawn over the namespace's Services (each class weighted by its share of calls times
 * the share of its Services in the namespace), then the rank over the class's Services there
 * (same exponent), mapped by a permutation keyed per namespace. With one namespace both draws
 * are the cluster-wide ones, so DNS name forms change nothing for a cluster of one namespace.
 */
export class ServicePopularity implements Sampler {
  private readonly classes: readonly ClassRanks[];
  private readonly classChoice: WeightedChoice | undefined;
  private readonly classStream: RandomStream;
  /** Per namespace size: its Zipf sampler and permutation (one class: at most two sizes, ⌊S/k⌋ and ⌈S/k⌉). */
  private readonly bySize = new Map<number, { readonly rank: Sampler; readonly order: KeyedPermutation }>();
  private readonly byNamespace = new Map<number, NamespaceClasses>();

  constructor(
    private readonly streams: RandomStreams,
    private readonly cluster: Cluster,
    readonly exponent: number,
  ) {
    const rankStream = streams.get('workload/services');
    const keys = streams.get('workload/popularity-order');
    const single = cluster.classes.length === 1;
    // An empty class is never drawn; it gets a one-element sampler so the arrays stay aligned.
    this.classes = cluster.classes.map((serviceClass) => ({
      rank: zipfSampler(rankStream, Math.max(1, serviceClass.count), exponent),
      order: new KeyedPermutation(Math.max(1, serviceClass.count), Math.floor(keys.next() * 2 ** 32)),
      members: single ? undefined : serviceClass.members,
    }));
    this.classStream = streams.get('workload/service-classes');
    this.classChoice = single ? undefined : new WeightedChoice(cluster.classes.map((serviceClass) => serviceClass.callShare), this.classStream);
  }

  /** A Service number (creation order), drawn by popularity over the whole cluster. */
  sample(): number {
    const ranks = this.classes[this.classChoice?.sample() ?? 0];
    const index = ranks.order.at(ranks.rank.sample());
    return ranks.members === undefined ? index : ranks.members[index];
  }

  /**
   * The Service of popularity rank `rank` (1: the most called) in the class whose Services are
   * called most often each (the one class, for the shorthand); past the class's size, its last.
   */
  serviceAtRank(rank: number): number {
    const hottest = this.hottestClass();
    const ranks = this.classes[hottest];
    const index = ranks.order.at(Math.min(rank, this.cluster.classes[hottest].count) - 1);
    return ranks.members === undefined ? index : ranks.members[index];
  }

  private hottestClass(): number {
    const perService = this.cluster.classes.map((serviceClass) => (serviceClass.count === 0 ? -1 : serviceClass.callShare / serviceClass.count));
    return perService.indexOf(Math.max(...perService));
  }

  /** A Service of `namespace`, drawn by popularity among its Services. */
  sampleInNamespace(namespace: number): number {
    const { namespaces } = this.cluster;
    if (namespaces === 1) return this.sample();
    if (this.classChoice === undefined) {
      const size = this.cluster.servicesInNamespace(namespace);
      return this.rankedIn(size, namespace + 1) * namespaces + namespace;
    }
    const there = this.byNamespace.get(namespace) ?? this.namespaceClasses(namespace);
    const serviceClass = there.choice.sample();
    const members = there.members[serviceClass];
    return members[this.rankedIn(members.length, namespace * this.classes.length + serviceClass + 1)];
  }

  /** An index below `size` drawn by Zipf rank and mapped by the size's permutation under `tweak`. */
  private rankedIn(size: number, tweak: number): number {
    const { rank, order } = this.bySize.get(size) ?? this.forSize(size);
    return order.at(rank.sample(), tweak);
  }

  private forSize(size: number) {
    const key = Math.floor(this.streams.get(`workload/popularity-order-${size}`).next() * 2 ** 32);
    const made = { rank: zipfSampler(this.streams.get('workload/services-in-namespace'), size, this.exponent), order: new KeyedPermutation(size, key) };
    this.bySize.set(size, made);
    return made;
  }

  /** O(Services in the namespace), once per namespace a client calls from by short name. */
  private namespaceClasses(namespace: number): NamespaceClasses {
    const { namespaces, services, layout, classes } = this.cluster;
    const lists: number[][] = classes.map(() => []);
    for (let service = namespace; service < services; service += namespaces) lists[layout.classOfService(service)].push(service);
    const weights = classes.map((serviceClass, c) => (lists[c].length === 0 ? 0 : (serviceClass.callShare * lists[c].length) / serviceClass.count));
    // A namespace whose Services are all in never-called classes still gets calls: by Service count then.
    const called = weights.some((weight) => weight > 0) ? weights : lists.map((list) => list.length);
    const made = { choice: new WeightedChoice(called, this.classStream), members: lists.map((list) => Int32Array.from(list)) };
    this.byNamespace.set(namespace, made);
    return made;
  }
}
