import type { Nanoseconds } from '../../src/engine/index.js';
import type { Request } from './request.js';

/**
 * Where a connection is in its life:
 * - `resolving`: dialled, the client's resolver is looking the name up;
 * - `connecting`: the SYN is out (placed on an endpoint, or dropped and waiting out the
 *   client's connect timeout);
 * - `busy`: carrying a request (HTTP/2: at least one stream); `idle`: in its client's pool,
 *   carrying none; `closed`: the record is spare.
 */
export type ConnectionState = 'resolving' | 'connecting' | 'busy' | 'idle' | 'closed';

/**
 * What a connection holds in the data plane, as bits, so closing it releases exactly what it
 * acquired and nothing else (a connection whose dial failed before the data plane holds 0).
 */
export const HOLDS_CONNTRACK_CLIENT_NODE = 1;
export const HOLDS_CONNTRACK_ENDPOINT_NODE = 2;
export const HOLDS_SCHEDULER_SLOT = 4;

/**
 * One TCP connection from a client pod to a Service, pinned to the endpoint the proxy chose
 * when it was dialled (kube-proxy balances connections, not requests): HTTP/1.1 carries one
 * request at a time, HTTP/2 many concurrent streams. Records are reused
 * after a connection closes (ConnectionPools keeps the spares).
 */
export interface Connection {
  state: ConnectionState;
  /** Pool key: client × services + service. */
  poolKey: number;
  client: number;
  /** The Service, or -1 for an external name. */
  service: number;
  /** The external name, or -1 for a Service. */
  external: number;
  /** How the dialling request wrote the name (the DNS model's name form index). */
  nameForm: number;
  /** The pod a headless Service's DNS answer named (the client connects to it directly), or -1. */
  resolvedPod: number;
  clientNode: number;
  /** Dialled by a request of the measured window (its lookups count in the proxy metrics). */
  measured: boolean;
  /** The request waiting for this dial, until it is served by this or another connection. */
  dialler: Request | undefined;
  /** Endpoint index in the Service's endpoint list as the client node's data plane sees it, its pod and node. */
  endpointIndex: number;
  /** How many endpoints the data plane chose among (the node's view of the Service then). */
  endpointsChosenFrom: number;
  endpointPod: number;
  endpointNode: number;
  /** How long its name resolution took (ns). */
  resolveNs: Nanoseconds;
  /** Proxy lookup time its first packet paid (ns), on every node it crossed. */
  lookupNs: Nanoseconds;
  /** The part of `lookupNs` paid on the endpoint's node (the DNATed packet's walk there; 0 on the same node). */
  serverLookupNs: Nanoseconds;
  /** Which node's softirq work is queued or running: 0 the client's, 1 the endpoint's. */
  softirqStage: number;
  /**
   * The first packet's latency: the handshake's round trip plus the lookups (ns), and, once its
   * softirq work has been served, the time that work waited for a core of the client node.
   */
  firstPacketNs: Nanoseconds;
  /** How long its first packet's softirq work waited for cores, on the client's and the endpoint's node (ns; models/cluster/node-cpu.ts). */
  softirqWaitNs: Nanoseconds;
  /**
   * The handshake's round trip for each kind of path, drawn when the dial starts (in start order,
   * for common random numbers), or -1 for the data plane to draw (a DNS flow).
   */
  sameNodeRtt: Nanoseconds;
  crossNodeRtt: Nanoseconds;
  externalRtt: Nanoseconds;
  /** HOLDS_* bits: data-plane state taken for it, released when it closes. */
  holds: number;
  /** Requests sent on it so far; an HTTP/1.1 connection closes at `workload.requestsPerConnection`. */
  requestsCarried: number;
  /** Requests on it now, sent and not settled (HTTP/2 streams; 0 or 1 on HTTP/1.1). */
  streams: number;
  /** HTTP/2: its server sent GOAWAY or it broke: it takes no new stream and closes when its last one ends. */
  goingAway: boolean;
  /** When it last became idle (meaningful in state `idle`). */
  idleSince: Nanoseconds;
  /** Neighbours among all idle connections of the run, oldest first (idle timeout). */
  olderIdle: Connection | undefined;
  newerIdle: Connection | undefined;
  /** Neighbours among its client pod's idle connections, oldest first (MaxIdleConns). */
  olderOfClient: Connection | undefined;
  newerOfClient: Connection | undefined;
  /**
   * Neighbours in its pool: HTTP/2, among the pool's established connections, oldest first (the
   * order Go's ClientConnPool tries them); HTTP/1.1, among the pool's idle ones (ConnectionPools).
   */
  olderInPool: Connection | undefined;
  newerInPool: Connection | undefined;
}

export function newConnection(): Connection {
  return {
    state: 'closed',
    poolKey: -1,
    client: -1,
    service: -1,
    external: -1,
    nameForm: 0,
    resolvedPod: -1,
    clientNode: -1,
    measured: false,
    dialler: undefined,
    endpointIndex: -1,
    endpointsChosenFrom: 0,
    endpointPod: -1,
    endpointNode: -1,
    resolveNs: 0,
    lookupNs: 0,
    serverLookupNs: 0,
    softirqStage: 0,
    firstPacketNs: 0,
    softirqWaitNs: 0,
    sameNodeRtt: -1,
    crossNodeRtt: -1,
    externalRtt: -1,
    holds: 0,
    requestsCarried: 0,
    streams: 0,
    goingAway: false,
    idleSince: 0,
    olderIdle: undefined,
    newerIdle: undefined,
    olderOfClient: undefined,
    newerOfClient: undefined,
    olderInPool: undefined,
    newerInPool: undefined,
  };
}

/** Makes `connection` a new dial for `dialler` (a reused record gets every field reset). */
export function resetConnection(connection: Connection, poolKey: number, dialler: Request): Connection {
  connection.state = 'resolving';
  connection.poolKey = poolKey;
  connection.client = dialler.client;
  connection.service = dialler.service;
  connection.external = dialler.external;
  connection.nameForm = dialler.nameForm;
  connection.resolvedPod = -1;
  connection.clientNode = dialler.clientNode;
  connection.measured = dialler.measured;
  connection.dialler = dialler;
  connection.endpointIndex = -1;
  connection.endpointsChosenFrom = 0;
  connection.endpointPod = -1;
  connection.endpointNode = -1;
  connection.resolveNs = 0;
  connection.lookupNs = 0;
  connection.serverLookupNs = 0;
  connection.softirqStage = 0;
  connection.firstPacketNs = 0;
  connection.softirqWaitNs = 0;
  connection.sameNodeRtt = -1;
  connection.crossNodeRtt = -1;
  connection.externalRtt = -1;
  connection.holds = 0;
  connection.requestsCarried = 0;
  connection.streams = 0;
  connection.goingAway = false;
  connection.idleSince = 0;
  connection.olderIdle = undefined;
  connection.newerIdle = undefined;
  connection.olderOfClient = undefined;
  connection.newerOfClient = undefined;
  connection.olderInPool = undefined;
  connection.newerInPool = undefined;
  return connection;
}
