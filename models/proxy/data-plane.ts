import type { Connection } from '../workload/connection.js';

/**
 * A cluster's Service data plane, one instance for all nodes (per-node state lives inside,
 * keyed by node): the first packet of a new connection gets its endpoint and pays a lookup
 * on each node it crosses; packets of an established connection match conntrack and never
 * come here (DESIGN.md §1 step 3).
 */
export interface DataPlane {
  /**
   * Chooses the endpoint of a new connection (sets `endpointRank`, `endpointPod`,
   * `endpointNode`) and returns the lookup time in nanoseconds its first packet pays on all
   * nodes it crosses; or sets `connection.failure` when the packet is dropped (a full
   * conntrack table, a Service missing from the eBPF map). `measured` says whether the
   * connection's request is in the measured window.
   */
  connect(connection: Connection, measured: boolean): number;
  /** The connection closed: release what it held (conntrack entries, lc counts). */
  closed(connection: Connection): void;
  /** Things the user should know at the end of a run (Services left out of a full map). */
  warnings(): string[];
}
