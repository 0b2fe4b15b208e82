import type { Connection } from '../core/connection.js';
import type { FailureReason } from '../core/failure-reason.js';
import type { NetworkPaths } from '../network/network-paths.js';

/**
 * The first packet got an endpoint: `connection.endpoint*`, `lookupNs` and `firstPacketNs` (the
 * handshake's round trip plus the lookups) are set, and `holds` says what it took.
 */
export interface Placed {
  readonly kind: 'placed';
}

/** The first packet was dropped silently (a full conntrack table, a Service missing from the eBPF map): the client waits out its connect timeout. */
export interface Dropped {
  readonly kind: 'dropped';
  readonly reason: FailureReason;
}

/**
 * The Service has no endpoint the node could send to: kube-proxy's REJECT rule (or the eBPF
 * agent) refuses the connection on the client's own node, at once.
 */
export interface Rejected {
  readonly kind: 'rejected';
  readonly reason: FailureReason;
}

export type ConnectOutcome = Placed | Dropped | Rejected;

export const PLACED: Placed = Object.freeze({ kind: 'placed' });

/**
 * A cluster's Service data plane, one instance for all nodes (per-node state lives inside,
 * keyed by node): the first packet of a new connection gets its endpoint, from the endpoints as
 * the client node last programmed them, and pays a lookup on each node it crosses; packets of
 * an established connection match conntrack and never come here (docs/design.md, The path of
 * a request).
 */
/** Where a Service's endpoints are, as a node's data plane sees them. */
export interface EndpointSource {
  count(node: number, service: number): number;
  /** The pod of endpoint `index` (an index below `count`). */
  pod(node: number, service: number, index: number): number;
  nodeOfPod(pod: number): number;
  /** The round trips this traffic draws its first packets' from (its own streams, for common random numbers). */
  readonly paths?: NetworkPaths;
}

export interface DataPlane {
  /**
   * Places a new connection's first packet — to a Service's ClusterIP, a headless Service's pod
   * (`connection.resolvedPod`) or a host outside the cluster (`connection.external`) — or says
   * why it was dropped; allocates nothing.
   */
  connect(connection: Connection): ConnectOutcome;
  /** Places the first packet of a flow to a ClusterIP whose endpoints are not a workload Service's (kube-dns). */
  connectVia(connection: Connection, endpoints: EndpointSource): ConnectOutcome;
  /** The connection closed: release exactly what `connection.holds` says it took. */
  release(connection: Connection): void;
  /** Things the user should know at the end of a run (Services left out of a full map). */
  warnings(): string[];
}
