import type { EndpointSlices, ServiceEndpoints } from './endpoint-slices.js';

/**
 * What each of many consumers (every node's kube-proxy; later CoreDNS) last programmed: one
 * change-sequence number per consumer, and the shared, versioned EndpointSlices. A consumer's
 * view of a Service is the newest version no later than its own number, found by walking back
 * from the latest version (a step per change still in flight), so memory is O(consumers) on top
 * of the shared state, never a copy per node. Static for now: everyone has programmed the
 * initial state (0); the churn model advances consumers as their syncs complete.
 */
export class ProgrammedViews {
  private readonly programmed: Float64Array;

  constructor(
    private readonly slices: EndpointSlices,
    consumers: number,
  ) {
    this.programmed = new Float64Array(consumers);
  }

  /** `service`'s endpoints as `consumer` last programmed them. */
  endpointsAt(consumer: number, service: number): ServiceEndpoints {
    const seen = this.programmed[consumer];
    let endpoints: ServiceEndpoints | undefined = this.slices.latest(service);
    while (endpoints.version > seen) {
      endpoints = endpoints.previous;
      if (endpoints === undefined) throw new Error(`Service ${service} has no version programmed by consumer ${consumer}`);
    }
    return endpoints;
  }

  /** The change sequence `consumer` has programmed up to. */
  versionOf(consumer: number): number {
    return this.programmed[consumer];
  }
}
