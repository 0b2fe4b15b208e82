import type { EndpointSlices, ServiceEndpoints } from './endpoint-slices.js';

/**
 * What each of many consumers (every node's kube-proxy; later CoreDNS) last programmed: one
 * change-sequence number per consumer, and the shared, versioned EndpointSlices. A consumer's
 * view of a Service is the newest written version no later than its own number — found by
 * walking back from the newest (a step per change still in flight) — or the initial state when
 * there is none, so memory is O(consumers) on top of the shared state, never a copy per node.
 * Everyone starts with the initial state (0); syncs advance their consumer as they complete.
 * A Service with no ready endpoint is routed to its serving terminating ones (KEP-1669).
 */
export class ProgrammedViews {
  private readonly programmed: Float64Array;
  /** Per consumer: the Services it programmed (KUBE-SERVICES' length on a node). */
  private readonly services: Float64Array;

  constructor(
    private readonly slices: EndpointSlices,
    consumers: number,
  ) {
    this.programmed = new Float64Array(consumers);
    this.services = new Float64Array(consumers).fill(slices.serviceCount);
  }

  /** The Services `consumer` last programmed. */
  serviceCount(consumer: number): number {
    return this.services[consumer];
  }

  /** Ready endpoints of `service` as `consumer` last programmed them. */
  endpointCount(consumer: number, service: number): number {
    const version = this.visibleVersion(consumer, service);
    return version === undefined ? this.slices.initialCount(service) : routable(version).length;
  }

  /** Pod of endpoint `index` of `service` as `consumer` last programmed it. */
  endpointPod(consumer: number, service: number, index: number): number {
    const version = this.visibleVersion(consumer, service);
    return version === undefined ? this.slices.initialPod(service, index) : routable(version)[index];
  }

  /** The change sequence `consumer` has programmed up to. */
  versionOf(consumer: number): number {
    return this.programmed[consumer];
  }

  /** `consumer` finished programming every change up to `version`, which left `services` Services. */
  advance(consumer: number, version: number, services = this.services[consumer]): void {
    if (version < this.programmed[consumer]) {
      throw new RangeError(`consumer ${consumer} cannot go back from change ${this.programmed[consumer]} to ${version}`);
    }
    this.programmed[consumer] = version;
    this.services[consumer] = services;
  }

  /** The oldest change any consumer still routes with (what the shared state must keep). O(consumers). */
  oldestProgrammed(): number {
    let oldest = Number.POSITIVE_INFINITY;
    for (const version of this.programmed) if (version < oldest) oldest = version;
    return oldest === Number.POSITIVE_INFINITY ? this.slices.lastVersion : oldest;
  }

  /** The written version `consumer` sees, or undefined for the initial state. */
  private visibleVersion(consumer: number, service: number): ServiceEndpoints | undefined {
    const seen = this.programmed[consumer];
    let version = this.slices.writtenVersion(service);
    while (version !== undefined && version.version > seen) version = version.previous;
    return version;
  }
}

/** The pods a data plane sends new connections to: the ready ones, or the serving terminating ones if none is ready. */
function routable(version: ServiceEndpoints): Int32Array {
  return version.readyPods.length > 0 ? version.readyPods : version.fallbackPods;
}
