import type { Nanoseconds } from '../../src/engine/index.js';
import type { Connection } from './connection.js';
import type { Request } from './request.js';

/**
 * Facts the request path emits (ns-3's probes); collectors in each model turn them into
 * statistics (docs/design.md, House style). A collector implements the facts it needs.
 */
export interface RequestProbe {
  /** A new connection's first packet got through: its handshake takes `firstPacket` from now. */
  connected?(connection: Connection, firstPacket: Nanoseconds): void;
  /** A request got its response, `latency` after the application's call. */
  completed?(request: Request, latency: Nanoseconds): void;
  /** A request failed; `request.failure` says why. */
  failed?(request: Request): void;
}

/** Hands every fact to the collectors that take it (request metrics, proxy metrics, a trace). */
export class ProbeList implements Required<RequestProbe> {
  private readonly onConnected: Array<(connection: Connection, firstPacket: Nanoseconds) => void> = [];
  private readonly onCompleted: Array<(request: Request, latency: Nanoseconds) => void> = [];
  private readonly onFailed: Array<(request: Request) => void> = [];

  add(probe: RequestProbe): void {
    if (probe.connected) this.onConnected.push(probe.connected.bind(probe));
    if (probe.completed) this.onCompleted.push(probe.completed.bind(probe));
    if (probe.failed) this.onFailed.push(probe.failed.bind(probe));
  }

  connected(connection: Connection, firstPacket: Nanoseconds): void {
    for (const collect of this.onConnected) collect(connection, firstPacket);
  }

  completed(request: Request, latency: Nanoseconds): void {
    for (const collect of this.onCompleted) collect(request, latency);
  }

  failed(request: Request): void {
    for (const collect of this.onFailed) collect(request);
  }
}
