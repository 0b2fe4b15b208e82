import type { Nanoseconds } from '../../src/engine/time.js';
import type { Connection } from './connection.js';

/**
 * One application call from a client pod to a Service: the record travels through name
 * resolution, connection set-up, the backend pod's queue and back, so no stage allocates
 * its own per-request state or closure. Records are reused once a request has settled, so
 * collectors must copy what they keep.
 */
export interface Request {
  client: number;
  service: number;
  clientNode: number;
  /** When the application made the call: latency runs from here to the response. */
  startedAt: Nanoseconds;
  /** Started inside the measured window [warmup, warmup + duration]. */
  measured: boolean;
  /** Set when the request had to dial a new connection. */
  dialled: boolean;
  connection: Connection | undefined;
  /** Proxy lookup time its first packet paid, if it dialled (0 on a reused connection). */
  lookupNs: Nanoseconds;
  /** One-way network delay of this request's exchange (half its round trip). */
  oneWayDelay: Nanoseconds;
  /** Why the request failed, if it did (`connect timeout`, later `DNS timeout`, ...). */
  failure: string | undefined;
}
