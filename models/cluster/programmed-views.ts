import type { EndpointSlices, ServiceEndpoints } from './endpoint-slices.js';

/**
 * What each of many consumers (every node's kube-proxy; later CoreDNS) last programmed: one
 * change-sequence number per consumer, and the shared, versioned EndpointSlices. A consumer's
 * view of a Service is the newest written version no later than its own number — found by
 * walking back from the newest (a step per change still in flight) — or the initial state when
 * there is none, so memory is O(consumers) on top of the shared state, never a copy per node.
 * Static for now: everyone has programmed the initial state (0); the churn model writes
 * versions and advances consumers as their syncs complete.
 */
export class ProgrammedViews {
  private readonly programmed: Float64Array;

  constructor(
    private readonly slices: EndpointSlices,
    consumers: number,
  ) {
    this.programmed = new Float64Array(consumers);
  }

  /** Ready endpoints of `service` as `consumer` last programmed them. */
  endpointCount(consumer: number, service: number): number {
    const version = this.visibleVersion(consumer, service);
    return version === undefined ? this.slices.initialCount() : version.readyPods.length;
  }

  /** Pod of endpoint `index` of `service` as `consumer` last programmed it. */
  endpointPod(consumer: number, service: number, index: number): number {
    const version = this.visibleVersion(consumer, service);
    return version === undefined ? this.slices.initialPod(service, index) : version.readyPods[index];
  }

  /** The change sequence `consumer` has programmed up to. */
  versionOf(consumer: number): number {
    return this.programmed[consumer];
  }

  /** The written version `consumer` sees, or undefined for the initial state. */
  private visibleVersion(consumer: number, service: number): ServiceEndpoints | undefined {
    const seen = this.programmed[consumer];
    let version = this.slices.writtenVersion(service);
    while (version !== undefined && version.version > seen) version = version.previous;
    return version;
  }
}
