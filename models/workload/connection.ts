import type { Nanoseconds } from '../../src/engine/time.js';

/**
 * One TCP connection from a client pod to a Service, pinned to the endpoint the proxy chose
 * when it was dialled (kube-proxy balances connections, not requests). States are explicit
 * so a stale idle timer can tell that the connection was reused or closed meanwhile. Records
 * are reused after a connection closes (ConnectionPools keeps the spares).
 */
export interface Connection {
  /** Pool key: client × services + service. */
  poolKey: number;
  client: number;
  service: number;
  clientNode: number;
  /** Endpoint rank within the Service and its pod and node, set by the data plane. */
  endpointRank: number;
  endpointPod: number;
  endpointNode: number;
  /** Requests sent on it so far; it closes at `workload.requestsPerConnection`. */
  requestsCarried: number;
  state: 'dialling' | 'busy' | 'idle' | 'closed';
  /** When it last became idle (meaningful in state `idle`). */
  idleSince: Nanoseconds;
  /** Neighbours in the run's list of idle connections by age (IdleAgeList), while idle. */
  olderIdle: Connection | undefined;
  newerIdle: Connection | undefined;
  /** Whether it holds conntrack entries (on the client's node, and the endpoint's if remote). */
  holdsConntrack: boolean;
  /** Why its first packet was dropped, if it was (a full conntrack table, an unprogrammed Service). */
  failure: string | undefined;
}

export function newConnection(poolKey: number, client: number, service: number, clientNode: number): Connection {
  const fresh = {} as Connection;
  return resetConnection(fresh, poolKey, client, service, clientNode);
}

/** Makes `connection` a new connection being dialled (a reused record gets every field reset). */
export function resetConnection(connection: Connection, poolKey: number, client: number, service: number, clientNode: number): Connection {
  connection.poolKey = poolKey;
  connection.client = client;
  connection.service = service;
  connection.clientNode = clientNode;
  connection.endpointRank = -1;
  connection.endpointPod = -1;
  connection.endpointNode = -1;
  connection.requestsCarried = 0;
  connection.state = 'dialling';
  connection.idleSince = 0;
  connection.olderIdle = undefined;
  connection.newerIdle = undefined;
  connection.holdsConntrack = false;
  connection.failure = undefined;
  return connection;
}
