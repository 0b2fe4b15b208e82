import type { Connection } from '../workload/connection.js';

/** What one first packet cost, filled in by a mode (a reused record: no allocation per connection). */
export interface LookupCost {
  /** Rules evaluated or lookups done, on all nodes the packet crosses. */
  rules: number;
  /** Time on the client's node (ns); it is also CPU time there. */
  clientNodeNs: number;
  /** Time on the endpoint's node when it is another node (ns). */
  serverNodeNs: number;
}

/**
 * One proxy mode's data-plane behaviour. The shared ProxyDataPlane does conntrack, placement
 * and metrics around it, so a mode holds only what differs: how it picks the endpoint and
 * what the first packet's lookup costs.
 */
export interface ProxyMode {
  /** Whether the service translation creates nf_conntrack entries (eBPF socket-LB does not). */
  readonly usesConntrack: boolean;
  /** Endpoint rank for a new connection, or -1 when the Service is not programmed here. */
  chooseEndpoint(connection: Connection): number;
  /** Fills `cost` for the first packet; `crossNode` when the endpoint is on another node. */
  lookupCost(connection: Connection, crossNode: boolean, cost: LookupCost): void;
  /** Extra CPU (ns) per Service connection spent on the node's non-Service connections. */
  readonly nonServiceCpuPerConnection: number;
  /** Why a connection to an unprogrammed Service failed, for the request's failure. */
  readonly unprogrammedReason: string;
  closed(connection: Connection): void;
  warnings(): string[];
}
