import type { Connection } from '../core/connection.js';
import type { FailureReason } from '../core/failure-reason.js';

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
  /** Extra CPU (ns) per Service connection spent on the node's non-Service connections. */
  readonly nonServiceCpuPerConnection: number;
  /**
   * Index among the Service's `endpoints` ready endpoints (as the client node programmed them)
   * for a new connection, or `undefined` when the Service is
   * not programmed here (then `unprogrammedReason` says why). A mode that keeps per-endpoint
   * state (IPVS lc) marks `connection.holds` with HOLDS_SCHEDULER_SLOT.
   */
  chooseEndpoint(connection: Connection, endpoints: number): number | undefined;
  readonly unprogrammedReason: FailureReason | undefined;
  /** Fills `cost` for the first packet; `crossNode` when the endpoint is on another node. */
  lookupCost(connection: Connection, crossNode: boolean, cost: LookupCost): void;
  /**
   * Fills `cost` for the first packet of a connection to an address that is no ClusterIP (a pod
   * IP from a headless Service, a host outside the cluster): the lookups that find no match.
   */
  directLookupCost(connection: Connection, crossNode: boolean, cost: LookupCost): void;
  /** Releases the scheduler slot of a connection that holds one (only called then). */
  releaseSlot(connection: Connection): void;
  warnings(): string[];
}
