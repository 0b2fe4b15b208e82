import type { Nanoseconds } from '../../src/engine/time.js';
import type { Request } from './request.js';
import type { RequestProbe } from './request-flow.js';

/** Hands every request fact to several collectors (request metrics, proxy metrics, a trace). */
export class ProbeList implements RequestProbe {
  constructor(private readonly probes: readonly RequestProbe[]) {}

  connected(request: Request, firstPacket: Nanoseconds): void {
    for (const probe of this.probes) probe.connected(request, firstPacket);
  }

  completed(request: Request, latency: Nanoseconds): void {
    for (const probe of this.probes) probe.completed(request, latency);
  }

  failed(request: Request): void {
    for (const probe of this.probes) probe.failed(request);
  }
}
