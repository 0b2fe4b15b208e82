import type { Cluster } from './cluster.js';

/** Endpoints per EndpointSlice: the EndpointSlice controller's default --max-endpoints-per-slice. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

/** One EndpointSlice: up to 100 endpoints of one Service, with its own generation. */
export interface EndpointSlice {
  readonly service: number;
  /** Index among the Service's slices. */
  readonly index: number;
  /** Bumped at every write of this slice (the object's metadata.generation). */
  readonly generation: number;
  /** The endpoints' pods. */
  readonly pods: Int32Array;
  /** Per endpoint: whether it is ready (the churn model adds serving and terminating). */
  readonly ready: Uint8Array;
}

/**
 * One version of a Service's endpoints, as a set of EndpointSlices, with the flat list of
 * ready pods a data plane routes to (in slice order). Versions are numbered by the cluster-wide
 * change sequence that wrote them (0: the initial state), and a version keeps the one it
 * replaced while some consumer may still have that one programmed, so a node's view is found
 * by walking back from the newest version, never by copying.
 */
export interface ServiceEndpoints {
  readonly service: number;
  readonly version: number;
  readonly slices: readonly EndpointSlice[];
  readonly readyPods: Int32Array;
  readonly previous: ServiceEndpoints | undefined;
}

/**
 * Every Service's EndpointSlices (the API server's state), shared by all consumers. A Service
 * that no change has touched still has its initial endpoints — `cluster.endpointsPerService`
 * ready pods, numbered by Cluster — and those are computed, not stored, so the hot path reads
 * no per-Service object and a 30,000-Service cluster costs nothing until something changes;
 * `latest` builds the slices of such a Service when a reader wants them as objects. Versions
 * written by changes (the churn model) are kept per Service, so memory is O(Services changed ×
 * endpoints + changes in flight).
 */
export class EndpointSlices {
  private readonly written: Array<ServiceEndpoints | undefined>;

  constructor(private readonly cluster: Cluster) {
    this.written = new Array(cluster.services);
  }

  /** The newest version a change wrote, or undefined while `service` has its initial endpoints. */
  writtenVersion(service: number): ServiceEndpoints | undefined {
    return this.written[service];
  }

  /** Ready endpoints of `service` in its initial state. */
  initialCount(): number {
    return this.cluster.endpointsPerService;
  }

  /** Pod of endpoint `index` of `service` in its initial state. */
  initialPod(service: number, index: number): number {
    return this.cluster.initialBackendPod(service, index);
  }

  /** The newest version of `service`'s endpoints, as slices (built for the initial state). */
  latest(service: number): ServiceEndpoints {
    return this.written[service] ?? this.initial(service);
  }

  private initial(service: number): ServiceEndpoints {
    const count = this.cluster.endpointsPerService;
    const pods = new Int32Array(count);
    for (let rank = 0; rank < count; rank++) pods[rank] = this.cluster.initialBackendPod(service, rank);
    return { service, version: 0, slices: slicesOf(service, pods), readyPods: pods, previous: undefined };
  }
}

/** Cuts a Service's pods into slices of at most 100, all ready, generation 1. */
function slicesOf(service: number, pods: Int32Array): EndpointSlice[] {
  const slices: EndpointSlice[] = [];
  for (let start = 0, index = 0; start < pods.length; start += MAX_ENDPOINTS_PER_SLICE, index++) {
    const slicePods = pods.subarray(start, Math.min(start + MAX_ENDPOINTS_PER_SLICE, pods.length));
    slices.push({ service, index, generation: 1, pods: slicePods, ready: new Uint8Array(slicePods.length).fill(1) });
  }
  return slices;
}
