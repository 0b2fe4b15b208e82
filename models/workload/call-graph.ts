import { uniformIndex, type RandomStream, type Sampler } from '../../src/random/index.js';
import type { Cluster } from '../cluster/cluster.js';
import type { ServiceChoice } from './service-choice.js';
import type { ServicePopularity } from './service-popularity.js';

/** Draws a dependency set gives up after: enough to find 5 distinct Services among thousands under Zipf 1. */
function drawBudget(fanOut: number): number {
  return 20 * fanOut + 100;
}

/**
 * A call graph (`workload.callGraph: services`): client pods are the replicas of calling
 * Services, and a pod calls only its Service's dependencies, a few Services fixed for the run.
 *
 * Client pod c belongs to a Service of its own namespace n = c mod namespaces: the
 * (⌊c / namespaces⌋ mod S_n)-th of the namespace's S_n Services, so with one namespace Service
 * c mod services, and a Deployment's replicas are spread over the nodes as the client pods are.
 * A namespace with no Service has no calling Service: its clients call as without a call graph.
 *
 * A Service's dependencies are drawn the first time one of its pods calls (memory O(fan-out)
 * per Service that calls, never O(Services²)): a fan-out k from `workload.callFanOut` (rounded,
 * at least 1), then k distinct Services other than itself by popularity (ServicePopularity, so
 * Service classes and Zipf decide who is depended on; a popularity-0 class never is). A short
 * name reaches only the caller's namespace, so a Service has a second set for calls by short
 * name, drawn by popularity within its namespace with the same k; with one namespace the two
 * are one. Each call then goes to one of the set, uniformly: popularity already chose who is a
 * dependency, and a popular Service is a dependency of many callers, so it still gets most calls.
 * Fewer than k Services may be callable (a small namespace, classes of popularity 0): a set
 * holds what `drawBudget` draws found, and at least one Service (itself, if nothing else).
 */
export class CallGraph implements ServiceChoice {
  private readonly anywhereSets = new Map<number, Int32Array>();
  private readonly localSets: Map<number, Int32Array>;
  private readonly fanOuts = new Map<number, number>();

  constructor(
    private readonly cluster: Cluster,
    private readonly popularity: ServicePopularity,
    /** `workload.callFanOut`, on stream `workload/call-fan-out`. */
    private readonly fanOut: Sampler,
    /** Which dependency each call goes to: stream `workload/dependency-calls`. */
    private readonly pick: RandomStream,
  ) {
    this.localSets = cluster.namespaces === 1 ? this.anywhereSets : new Map();
  }

  /** The Service client pod `client` is a replica of, or -1 when its namespace has no Service. */
  callingService(client: number): number {
    const { namespaces } = this.cluster;
    const namespace = client % namespaces;
    const inNamespace = this.cluster.servicesInNamespace(namespace);
    if (inNamespace < 1) return -1;
    return namespace + (Math.floor(client / namespaces) % inNamespace) * namespaces;
  }

  anywhere(client: number): number {
    const caller = this.callingService(client);
    if (caller < 0) return this.popularity.sample();
    return this.pickFrom(this.dependenciesOf(caller));
  }

  inClientNamespace(client: number): number {
    const caller = this.callingService(client);
    if (caller < 0) return this.popularity.sampleInNamespace(this.cluster.namespaceOfClient(client));
    return this.pickFrom(this.localDependenciesOf(caller));
  }

  /** `service`'s dependencies for names written `svc.ns` or fully qualified (drawn now if not yet). */
  dependenciesOf(service: number): Int32Array {
    return this.anywhereSets.get(service) ?? this.drawSet(service, this.anywhereSets, () => this.popularity.sample());
  }

  /** `service`'s dependencies within its namespace, for calls by short name (drawn now if not yet). */
  localDependenciesOf(service: number): Int32Array {
    const namespace = this.cluster.namespaceOfService(service);
    return this.localSets.get(service) ?? this.drawSet(service, this.localSets, () => this.popularity.sampleInNamespace(namespace));
  }

  private pickFrom(dependencies: Int32Array): number {
    return dependencies.length === 1 ? dependencies[0] : dependencies[uniformIndex(this.pick, dependencies.length)];
  }

  /** Up to k distinct Services other than `service`, by `draw`, kept in `sets`. */
  private drawSet(service: number, sets: Map<number, Int32Array>, draw: () => number): Int32Array {
    const fanOut = this.fanOutOf(service);
    const found: number[] = [];
    let first = -1;
    for (let tries = drawBudget(fanOut); tries > 0 && found.length < fanOut; tries--) {
      const candidate = draw();
      if (first < 0) first = candidate;
      if (candidate !== service && !found.includes(candidate)) found.push(candidate);
    }
    // Nothing but itself is callable: a Service calling its own pods is better than no call at all.
    if (found.length === 0) found.push(first);
    const set = Int32Array.from(found);
    sets.set(service, set);
    return set;
  }

  /** `service`'s fan-out, drawn once and shared by its two sets. */
  private fanOutOf(service: number): number {
    let fanOut = this.fanOuts.get(service);
    if (fanOut === undefined) {
      fanOut = Math.min(this.cluster.services, Math.max(1, Math.round(this.fanOut.sample())));
      this.fanOuts.set(service, fanOut);
    }
    return fanOut;
  }
}
