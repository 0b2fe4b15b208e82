import type { Nanoseconds } from '../../src/engine/index.js';
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
  /** Per endpoint: ready (1) or not (0). */
  readonly ready: Uint8Array;
  /** Per endpoint: serving — ready, or terminating and still answering its readiness probe (KEP-1672). */
  readonly serving: Uint8Array;
  /** Per endpoint: terminating (its pod is being deleted). */
  readonly terminating: Uint8Array;
}

/** A Service's endpoints as a change leaves them: pods in slice order and their conditions, one byte each. */
export interface EndpointState {
  readonly pods: Int32Array;
  readonly ready: Uint8Array;
  readonly serving: Uint8Array;
  readonly terminating: Uint8Array;
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
  /** Every endpoint, ready or not, in slice order, with its conditions (the slices joined). */
  readonly endpoints: EndpointState;
  readonly readyPods: Int32Array;
  /**
   * Serving terminating pods, which kube-proxy routes to only when no endpoint is ready
   * (KEP-1669); empty in the initial state.
   */
  readonly fallbackPods: Int32Array;
  /** When the change that wrote this version happened (the `last-change-trigger-time` annotation); 0 initially. */
  readonly triggerTime: Nanoseconds;
  /** EndpointSlice writes this version took (slices whose contents differ from the version before). */
  readonly changedSlices: number;
  /** The version this one replaced, kept while a consumer may still route with it. */
  previous: ServiceEndpoints | undefined;
  /** This write created or deleted its Service (the churn's Service creation), or only changed endpoints. */
  readonly serviceEvent: ServiceEvent | undefined;
  /** Services that exist once this version is written (what a node programs with it). */
  readonly servicesAfter: number;
}

/** A write that creates or deletes its Service rather than changing its endpoints only. */
export type ServiceEvent = 'created' | 'deleted';

/**
 * Every Service's EndpointSlices (the API server's state), shared by all consumers. A Service
 * that no change has touched still has its initial endpoints — its class's count of ready
 * pods, numbered by Cluster — and those are computed, not stored, so the hot path reads
 * no per-Service object and a 30,000-Service cluster costs nothing until something changes;
 * `latest` builds the slices of such a Service when a reader wants them as objects. Versions
 * written by changes (the churn model) are kept per Service, so memory is O(Services changed ×
 * endpoints + changes in flight).
 */
export class EndpointSlices {
  private readonly written: Array<ServiceEndpoints | undefined>;
  /** Versions in change order: log[i] has version logStart + i + 1. */
  private log: ServiceEndpoints[] = [];
  private logStart = 0;
  private sequence = 0;
  /** Services created by churn (numbered from cluster.services) and not yet deleted. */
  private readonly created = new Set<number>();

  constructor(private readonly cluster: Cluster) {
    this.written = new Array(cluster.services);
  }

  /** The change sequence of the newest write (0: nothing written yet). */
  get lastVersion(): number {
    return this.sequence;
  }

  /**
   * Writes a new version of `service`'s endpoints (the EndpointSlice controller's write of the
   * slices that changed) and returns it. The version it replaces is kept for the consumers
   * that still route with it, until `forgetBefore` says none does.
   */
  write(service: number, state: EndpointState, triggerTime: Nanoseconds, serviceEvent?: ServiceEvent): ServiceEndpoints {
    const before = this.latest(service);
    if (serviceEvent === 'created') this.created.add(service);
    if (serviceEvent === 'deleted') this.created.delete(service);
    const slices = slicesOf(service, state, before.slices);
    const changedSlices = slices.reduce((count, slice, i) => count + (slice === before.slices[i] ? 0 : 1), 0) +
      Math.max(0, before.slices.length - slices.length);
    const version: ServiceEndpoints = {
      service,
      version: ++this.sequence,
      slices,
      endpoints: state,
      readyPods: podsWhere(state, (i) => state.ready[i] === 1),
      fallbackPods: podsWhere(state, (i) => state.ready[i] === 0 && state.serving[i] === 1 && state.terminating[i] === 1),
      triggerTime,
      changedSlices,
      previous: this.written[service],
      serviceEvent,
      servicesAfter: this.serviceCount,
    };
    this.written[service] = version;
    this.log.push(version);
    return version;
  }

  /** Versions written after change `after`, up to and including `upTo`, in change order. */
  *versionsBetween(after: number, upTo: number): Generator<ServiceEndpoints> {
    if (after < this.logStart) throw new RangeError(`versions after ${after} were forgotten (oldest kept: ${this.logStart + 1})`);
    for (let v = after + 1; v <= upTo; v++) yield this.log[v - this.logStart - 1];
  }

  /**
   * Every consumer has programmed change `oldestInUse` or later: forget what none can read any
   * more (versions older than each Service's newest at or below it), so memory stays
   * O(Services changed × endpoints + changes in flight).
   */
  forgetBefore(oldestInUse: number): void {
    const drop = oldestInUse - this.logStart;
    if (drop <= 0) return;
    for (let i = 0; i < drop; i++) {
      const version = this.log[i];
      // The newest version at or below oldestInUse is still read; the one it replaced is not.
      if (this.newestAtOrBelow(version, oldestInUse)) version.previous = undefined;
    }
    this.log = this.log.slice(drop);
    this.logStart = oldestInUse;
  }

  /** Whether `version` is the newest of its Service at or below change `bound`. */
  private newestAtOrBelow(version: ServiceEndpoints, bound: number): boolean {
    let newer = this.written[version.service];
    while (newer !== undefined && newer.version > bound) newer = newer.previous;
    return newer === version;
  }

  /** The newest version a change wrote, or undefined while `service` has its initial endpoints. */
  writtenVersion(service: number): ServiceEndpoints | undefined {
    return this.written[service];
  }

  /** Ready endpoints of `service` in its initial state (a Service churn creates is read only once written). */
  initialCount(service: number): number {
    return service < this.cluster.services ? this.cluster.endpointsOf(service) : this.cluster.endpointsPerService;
  }

  /** Pod of endpoint `index` of `service` in its initial state. */
  initialPod(service: number, index: number): number {
    return this.cluster.initialBackendPod(service, index);
  }

  /** Number of Services now: the cluster's, plus those churn created and has not deleted. */
  get serviceCount(): number {
    return this.cluster.services + this.created.size;
  }

  /** `service`'s endpoints before any change, built as a version 0. */
  initialVersion(service: number): ServiceEndpoints {
    return this.initial(service);
  }

  /** The newest version of `service`'s endpoints, as slices (built for the initial state). */
  latest(service: number): ServiceEndpoints {
    return this.written[service] ?? this.initial(service);
  }

  private initial(service: number): ServiceEndpoints {
    // A Service churn creates has no endpoints before its first write.
    const count = service < this.cluster.services ? this.cluster.endpointsOf(service) : 0;
    const pods = new Int32Array(count);
    for (let rank = 0; rank < count; rank++) pods[rank] = this.cluster.initialBackendPod(service, rank);
    const ones = new Uint8Array(count).fill(1);
    const state = { pods, ready: ones, serving: ones, terminating: new Uint8Array(count) };
    return {
      service, version: 0, slices: slicesOf(service, state, []), endpoints: state, readyPods: pods, fallbackPods: new Int32Array(0),
      triggerTime: 0, changedSlices: 0, previous: undefined, serviceEvent: undefined, servicesAfter: this.cluster.services,
    };
  }
}

/**
 * Cuts a Service's endpoints into slices of at most 100, in order. A slice whose contents equal
 * the one before at its index is that same object (no write); a changed one gets the next
 * generation. Simplification: endpoints keep no fixed slice, so a removal early in a large
 * Service rewrites the slices after it (the real controller fills gaps in place instead).
 */
function slicesOf(service: number, state: EndpointState, before: readonly EndpointSlice[]): EndpointSlice[] {
  const slices: EndpointSlice[] = [];
  for (let start = 0, index = 0; start < state.pods.length; start += MAX_ENDPOINTS_PER_SLICE, index++) {
    const end = Math.min(start + MAX_ENDPOINTS_PER_SLICE, state.pods.length);
    const slice = {
      service, index, generation: (before[index]?.generation ?? 0) + 1,
      pods: state.pods.slice(start, end), ready: state.ready.slice(start, end),
      serving: state.serving.slice(start, end), terminating: state.terminating.slice(start, end),
    };
    slices.push(before[index] !== undefined && sameContents(before[index], slice) ? before[index] : slice);
  }
  return slices;
}

function sameContents(a: EndpointSlice, b: EndpointSlice): boolean {
  return equalArrays(a.pods, b.pods) && equalArrays(a.ready, b.ready) && equalArrays(a.serving, b.serving) && equalArrays(a.terminating, b.terminating);
}

function equalArrays(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function podsWhere(state: EndpointState, keep: (index: number) => boolean): Int32Array {
  const pods: number[] = [];
  for (let i = 0; i < state.pods.length; i++) if (keep(i)) pods.push(state.pods[i]);
  return Int32Array.from(pods);
}
