import type { Nanoseconds } from '../../src/engine/index.js';
import type { Connection } from './connection.js';
import type { FailureReason } from './failure-reason.js';

/**
 * Where a request is in its life:
 * - `waiting`: it found no idle connection, a dial for it is under way (name lookup, then
 *   handshake), and it takes whichever comes first: its own dial or a connection another
 *   request frees (Go's Transport hands a freed connection to a waiting request);
 * - `sent`: on a connection, crossing the network, queueing or served at the backend pod;
 * - `completed` or `failed`: settled; the record is then reused.
 */
export type RequestState = 'waiting' | 'sent' | 'completed' | 'failed';

/**
 * One application call from a client pod to a Service: the record travels through name
 * resolution, connection set-up, the backend pod's queue and back, so no stage allocates
 * its own per-request state or closure. Records are reused once a request has settled, so
 * collectors must copy what they keep.
 */
export interface Request {
  state: RequestState;
  client: number;
  /**
   * The closed-loop caller that made it (0-based over the run's callers; models/workload,
   * closed-loop-callers.ts), who starts its next call once this one settles; -1 for an open-loop call.
   */
  caller: number;
  /** The Service called, or -1 when the call goes to an external name. */
  service: number;
  /** The external name called (0-based), or -1 when the call goes to a Service. */
  external: number;
  /** How the application wrote the name (an index into the DNS model's name forms). */
  nameForm: number;
  clientNode: number;
  /** When the application made the call: latency runs from here to the response. */
  startedAt: Nanoseconds;
  /** Started inside the measured window [warmup, warmup + duration]. */
  measured: boolean;
  /** It found no idle connection and started a dial (it may still get a freed connection first). */
  dialled: boolean;
  /** The connection it was sent on (set in state `sent`). */
  connection: Connection | undefined;
  /** The dial it started, while it waits (state `waiting`). */
  dial: Connection | undefined;
  /** Neighbours in its pool's queue of waiting requests (a ring: the head's `previousWaiting` is the tail). */
  previousWaiting: Request | undefined;
  nextWaiting: Request | undefined;
  /** Proxy lookup time paid by the first packet of the connection it was sent on, if that was its own new one. */
  lookupNs: Nanoseconds;
  /** Name resolution time of the connection it was sent on, if that was its own new one. */
  resolveNs: Nanoseconds;
  /** One-way network delay of this request's exchange (half its round trip). */
  oneWayDelay: Nanoseconds;
  /**
   * Its draws, made when it starts, in start order: the server's service time, and a round
   * trip for each kind of path it may take. Drawn later, in the order events happen, they would
   * go to other requests whenever a change elsewhere (a rule cost, a DNS setting) reorders
   * events, and points of a sweep would lose their common random numbers.
   */
  serviceTime: Nanoseconds;
  sameNodeRtt: Nanoseconds;
  crossNodeRtt: Nanoseconds;
  externalRtt: Nanoseconds;
  /** Why it failed (state `failed`). */
  failure: FailureReason | undefined;
}

/** A fresh record; RequestFlow reuses settled ones through `resetRequest`. */
export function newRequest(): Request {
  return {
    state: 'waiting',
    client: -1,
    caller: -1,
    service: -1,
    external: -1,
    nameForm: 0,
    clientNode: -1,
    startedAt: 0,
    measured: false,
    dialled: false,
    connection: undefined,
    dial: undefined,
    previousWaiting: undefined,
    nextWaiting: undefined,
    lookupNs: 0,
    resolveNs: 0,
    oneWayDelay: 0,
    serviceTime: 0,
    sameNodeRtt: 0,
    crossNodeRtt: 0,
    externalRtt: 0,
    failure: undefined,
  };
}

/** Makes `request` a new call now (every field reset). */
export function resetRequest(
  request: Request,
  client: number,
  service: number,
  clientNode: number,
  startedAt: Nanoseconds,
  measured: boolean,
): Request {
  request.state = 'waiting';
  request.client = client;
  request.caller = -1;
  request.service = service;
  request.external = -1;
  request.nameForm = 0;
  request.clientNode = clientNode;
  request.startedAt = startedAt;
  request.measured = measured;
  request.dialled = false;
  request.connection = undefined;
  request.dial = undefined;
  request.previousWaiting = undefined;
  request.nextWaiting = undefined;
  request.lookupNs = 0;
  request.resolveNs = 0;
  request.oneWayDelay = 0;
  request.failure = undefined;
  return request;
}
