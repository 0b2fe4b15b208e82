import type { Connection } from '../core/connection.js';
import type { Request } from '../core/request.js';
import type { RequestProbe } from '../core/request-probe.js';

/** Which Services an aggregate covers: a predicate on the Service number, or a list of them. */
export type ServiceSelection = ((service: number) => boolean) | readonly number[];

/** One Service's load over its endpoints in the measured window. */
export interface ServiceLoad {
  readonly service: number;
  /** Completed measured requests its endpoints served. */
  readonly requests: number;
  /** Endpoints it had: pods that served one of them, and pods ready at the window's end. */
  readonly endpoints: number;
  /** Requests the busiest endpoint served. */
  readonly busiest: number;
}

/** The load imbalance of a set of Services: the request-weighted mean of busiest ÷ mean. */
export interface LoadImbalance {
  /** Undefined when the Services selected served no measured request. */
  readonly ratio: number | undefined;
  readonly requests: number;
  /** Services with at least one request among those selected. */
  readonly services: number;
}

/**
 * Counts the measured window's completed requests per backend pod and turns them into each
 * Service's load imbalance: requests of its busiest endpoint ÷ the mean over the endpoints it
 * had (1 = perfectly even). Pinned connections (HTTP/2, long keep-alive) leave new pods idle
 * and raise it; a fresh connection per request keeps it near the multinomial noise floor.
 * A pod belongs to one Service, so the hot path is one typed-array increment per request.
 */
export class EndpointLoad implements RequestProbe {
  private served: Float64Array;
  /** The Service each pod served, -1 for pods that served no measured request. */
  private serviceOfPod: Int32Array;
  /** Each Service's ready pods as the window ended (taken at `endWindow`, else when aggregated). */
  private readonly readyAtEnd = new Map<number, ArrayLike<number>>();

  constructor(
    /** A Service's ready endpoints now (the newest EndpointSlices). */
    private readonly readyPods: (service: number) => ArrayLike<number>,
    /** Pods numbered at the start (the cluster's initial backend pods); later ones grow the arrays. */
    initialPods: number,
  ) {
    this.served = new Float64Array(Math.max(1, initialPods));
    this.serviceOfPod = new Int32Array(Math.max(1, initialPods)).fill(-1);
  }

  completed(request: Request): void {
    if (!request.measured || request.service < 0) return;
    const pod = (request.connection as Connection).endpointPod;
    if (pod >= this.served.length) this.grow(pod);
    this.served[pod]++;
    this.serviceOfPod[pod] = request.service;
  }

  /** The window ended: the Services called so far keep the endpoints they have now. */
  endWindow(): void {
    for (const service of this.calledServices()) this.readyAtEnd.set(service, this.readyPods(service));
  }

  /** Each called Service's load, in Service order. */
  serviceLoads(): ServiceLoad[] {
    const loads = new Map<number, { requests: number; endpoints: number; busiest: number }>();
    for (let pod = 0; pod < this.served.length; pod++) {
      const service = this.serviceOfPod[pod];
      if (service < 0) continue;
      const load = loads.get(service) ?? { requests: 0, endpoints: 0, busiest: 0 };
      loads.set(service, load);
      load.requests += this.served[pod];
      load.endpoints++;
      load.busiest = Math.max(load.busiest, this.served[pod]);
    }
    for (const [service, load] of loads) load.endpoints += this.idleReadyPods(service);
    return [...loads].sort(([a], [b]) => a - b).map(([service, load]) => ({ service, ...load }));
  }

  /** The imbalance over the selected Services (all called Services without a selection). */
  imbalance(selection?: ServiceSelection): LoadImbalance {
    const selected = selectionTest(selection);
    let requests = 0;
    let weighted = 0;
    let services = 0;
    for (const load of this.serviceLoads()) {
      if (!selected(load.service)) continue;
      // busiest ÷ (requests ÷ endpoints), weighted by requests: the requests cancel.
      weighted += load.busiest * load.endpoints;
      requests += load.requests;
      services++;
    }
    return { ratio: requests > 0 ? weighted / requests : undefined, requests, services };
  }

  /**
   * The imbalance of each group of Services at once (`groupOf` a Service's group, -1 for none):
   * one pass over the loads, where `imbalance` per group would make one per group.
   */
  imbalanceByGroup(groupOf: (service: number) => number, groups: number): LoadImbalance[] {
    const sums = Array.from({ length: groups }, () => ({ requests: 0, weighted: 0, services: 0 }));
    for (const load of this.serviceLoads()) {
      const sum = sums[groupOf(load.service)];
      if (sum === undefined) continue;
      sum.weighted += load.busiest * load.endpoints;
      sum.requests += load.requests;
      sum.services++;
    }
    return sums.map(({ requests, weighted, services }) => ({ ratio: requests > 0 ? weighted / requests : undefined, requests, services }));
  }

  /** Pods ready at the window's end that served none of the Service's measured requests. */
  private idleReadyPods(service: number): number {
    let ready = this.readyAtEnd.get(service);
    if (ready === undefined) this.readyAtEnd.set(service, (ready = this.readyPods(service)));
    let idle = 0;
    for (let i = 0; i < ready.length; i++) {
      const pod = ready[i];
      if (pod >= this.serviceOfPod.length || this.serviceOfPod[pod] !== service) idle++;
    }
    return idle;
  }

  private calledServices(): Set<number> {
    const services = new Set<number>();
    for (const service of this.serviceOfPod) if (service >= 0) services.add(service);
    return services;
  }

  /** Room for pod numbers up to `pod` (pods churn creates are numbered after the initial ones). */
  private grow(pod: number): void {
    let size = this.served.length;
    while (size <= pod) size *= 2;
    const served = new Float64Array(size);
    served.set(this.served);
    const serviceOfPod = new Int32Array(size).fill(-1);
    serviceOfPod.set(this.serviceOfPod);
    this.served = served;
    this.serviceOfPod = serviceOfPod;
  }
}

declare module '../core/seams.js' {
  interface Seams {
    /** Requests per backend pod in the measured window, for load-imbalance figures over any set of Services. */
    endpointLoad: EndpointLoad;
  }
}

function selectionTest(selection: ServiceSelection | undefined): (service: number) => boolean {
  if (selection === undefined) return () => true;
  if (typeof selection === 'function') return selection;
  const listed = new Set(selection);
  return (service) => listed.has(service);
}
