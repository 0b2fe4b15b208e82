import { KeyedPermutation, makeSampler, type DistributionSpec, type RandomStream } from '../../src/random/index.js';
import type { EndpointCounts, ServiceClassSpec } from './service-classes.js';

/** A Service class as a run uses it: its Services, endpoints and share of the calls. */
export interface ResolvedClass {
  readonly name: string;
  readonly count: number;
  readonly ports: number;
  /** Share of the calls that go to the class (the shares sum to 1). */
  readonly callShare: number;
  /** The class's own service time and pod concurrency, or undefined for the workload's. */
  readonly serviceTime: DistributionSpec | undefined;
  readonly podConcurrency: number | undefined;
  /** Its Services, in Service-number order. */
  readonly members: Int32Array;
  /** Endpoints of its Services at the start, in all. */
  readonly endpoints: number;
}

/**
 * Which class each Service is in, how many endpoints and ports it has, and where its pods and
 * rules are numbered, as per-Service typed arrays (O(Services), at most 100,000; the hot path
 * reads one entry). Classes are interleaved over Service numbers by a fixed keyless
 * permutation, so a class is not a block of creation order (which decides, e.g., which Services
 * fit in a full eBPF map) and the same Services are in the same class at every point.
 */
export class ServiceLayout {
  private readonly classOf: Uint16Array;
  /** firstPod[s]: the number of Service s's first initial pod; firstPod[services] is the pod count. */
  private readonly firstPod: Float64Array;
  /** firstPort[s]: Service s's first (Service, port) entry; firstPort[services] is the entry count. */
  private readonly firstPort: Float64Array;

  private constructor(
    readonly classes: readonly ResolvedClass[],
    classOf: Uint16Array,
    endpointsOf: Int32Array,
  ) {
    const services = classOf.length;
    this.classOf = classOf;
    this.firstPod = new Float64Array(services + 1);
    this.firstPort = new Float64Array(services + 1);
    for (let s = 0; s < services; s++) {
      this.firstPod[s + 1] = this.firstPod[s] + endpointsOf[s];
      this.firstPort[s + 1] = this.firstPort[s] + classes[classOf[s]].ports;
    }
  }

  /** The one-class shorthand: `services` Services of `endpoints` endpoints and one port each. */
  static oneClass(services: number, endpoints: number): ServiceLayout {
    const members = Int32Array.from({ length: services }, (_, s) => s);
    const only: ResolvedClass = { name: 'default', count: services, ports: 1, callShare: 1, serviceTime: undefined, podConcurrency: undefined, members, endpoints: services * endpoints };
    return new ServiceLayout([only], new Uint16Array(services), new Int32Array(services).fill(endpoints));
  }

  /**
   * From `cluster.serviceClasses`: class c takes slots [start_c, start_c + count_c) of a fixed
   * permutation of Service numbers; endpoints come from each class's count, histogram (given out
   * in slot order) or distribution (drawn in slot order from `draws`), `defaultEndpoints` when unset.
   */
  static fromClasses(specs: readonly ServiceClassSpec[], defaultEndpoints: number, draws: RandomStream): ServiceLayout {
    const services = specs.reduce((sum, spec) => sum + spec.count, 0);
    const order = new KeyedPermutation(services, CLASS_ORDER_KEY);
    const classOf = new Uint16Array(services);
    const endpointsOf = new Int32Array(services);
    // An empty class takes no calls whatever its popularity says: it has no Service to call.
    const weights = specs.map((spec) => (spec.count === 0 ? 0 : (spec.popularity ?? spec.count / services)));
    const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
    let slot = 0;
    const classes = specs.map((spec, c): ResolvedClass => {
      const counts = endpointCounts(spec.endpoints ?? { kind: 'fixed', endpoints: defaultEndpoints }, spec.count, draws);
      const mine: number[] = [];
      for (let i = 0; i < spec.count; i++, slot++) {
        const service = order.at(slot);
        classOf[service] = c;
        endpointsOf[service] = counts[i];
        mine.push(service);
      }
      mine.sort((a, b) => a - b);
      const { name, count, ports, serviceTime, podConcurrency } = spec;
      const endpoints = counts.reduce((sum, n) => sum + n, 0);
      return { name, count, ports, callShare: weights[c] / totalWeight, serviceTime, podConcurrency, members: Int32Array.from(mine), endpoints };
    });
    return new ServiceLayout(classes, classOf, endpointsOf);
  }

  get services(): number {
    return this.classOf.length;
  }

  /** Initial backend pods, all classes. */
  get pods(): number {
    return this.firstPod[this.services];
  }

  /** (Service, port) pairs: the rules a per-port data plane holds for the Services. */
  get servicePorts(): number {
    return this.firstPort[this.services];
  }

  /** Class number of `service` (a Service churn created, numbered after these, has none: -1). */
  classOfService(service: number): number {
    return service >= 0 && service < this.classOf.length ? this.classOf[service] : -1;
  }

  endpointsOf(service: number): number {
    return this.firstPod[service + 1] - this.firstPod[service];
  }

  portsOf(service: number): number {
    return this.firstPort[service + 1] - this.firstPort[service];
  }

  firstPodOf(service: number): number {
    return this.firstPod[service];
  }

  /** The entry of `service`'s first port among all (Service, port) pairs: calls use that port. */
  firstPortEntry(service: number): number {
    return this.firstPort[service];
  }

  /** Endpoints per Service, averaged: what a Service that churn creates gets. */
  get meanEndpoints(): number {
    return this.services === 0 ? 0 : Math.round(this.pods / this.services);
  }
}

/** A fixed key: the interleaving of classes is part of the cluster's shape, not of a replication. */
const CLASS_ORDER_KEY = 0x5e7c1a55;

/** Endpoints of each of a class's `count` Services, in slot order. */
function endpointCounts(counts: EndpointCounts, count: number, draws: RandomStream): Int32Array {
  const out = new Int32Array(count);
  switch (counts.kind) {
    case 'fixed':
      return out.fill(counts.endpoints);
    case 'histogram': {
      let i = 0;
      for (const [endpoints, services] of counts.bins) out.fill(endpoints, i, (i += services));
      return out;
    }
    case 'distribution': {
      const sampler = makeSampler(counts.spec, draws);
      for (let i = 0; i < count; i++) out[i] = Math.min(MAX_DRAWN_ENDPOINTS, Math.max(0, Math.round(sampler.sample())));
      return out;
    }
  }
}

/** A drawn count stops where a written one does. */
const MAX_DRAWN_ENDPOINTS = 100_000;
