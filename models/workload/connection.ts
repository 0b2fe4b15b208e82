import type { EventHandle } from '../../src/engine/simulation.js';
import type { Nanoseconds } from '../../src/engine/time.js';

/**
 * One TCP connection from a client pod to a Service, pinned to the endpoint the proxy chose
 * when it was dialled (kube-proxy balances connections, not requests). States are explicit
 * so a stale idle timer can tell that the connection was reused or closed meanwhile.
 */
export interface Connection {
  /** Pool key: client × services + service. */
  readonly poolKey: number;
  readonly client: number;
  readonly service: number;
  readonly clientNode: number;
  /** Endpoint rank within the Service and its pod and node, set by the data plane. */
  endpointRank: number;
  endpointPod: number;
  endpointNode: number;
  /** Requests sent on it so far; it closes at `workload.requestsPerConnection`. */
  requestsCarried: number;
  state: 'dialling' | 'busy' | 'idle' | 'closed';
  /** When it last became idle (meaningful in state `idle`). */
  idleSince: Nanoseconds;
  /** The pending idle-timeout check, if any: at most one per connection. */
  idleTimer: EventHandle | undefined;
  /** Whether it holds conntrack entries (on the client's node, and the endpoint's if remote). */
  holdsConntrack: boolean;
  /** Why its first packet was dropped, if it was (a full conntrack table, an unprogrammed Service). */
  failure: string | undefined;
}

export function newConnection(poolKey: number, client: number, service: number, clientNode: number): Connection {
  return {
    poolKey,
    client,
    service,
    clientNode,
    endpointRank: -1,
    endpointPod: -1,
    endpointNode: -1,
    requestsCarried: 0,
    state: 'dialling',
    idleSince: 0,
    idleTimer: undefined,
    holdsConntrack: false,
    failure: undefined,
  };
}
