import type { Simulation } from '../../src/engine/index.js';
import type { Cluster } from '../cluster/cluster.js';
import type { ProgrammedViews } from '../cluster/programmed-views.js';
import { OUTSIDE_CLUSTER, type NetworkPaths } from '../network/network-paths.js';
import {
  HOLDS_CONNTRACK_CLIENT_NODE,
  HOLDS_CONNTRACK_ENDPOINT_NODE,
  HOLDS_SCHEDULER_SLOT,
  type Connection,
} from '../core/connection.js';
import type { FailureReason } from '../core/failure-reason.js';
import type { ConntrackTables } from './conntrack-tables.js';
import { PLACED, type ConnectOutcome, type DataPlane, type Dropped, type EndpointSource, type Rejected } from './data-plane.js';
import type { ProxyMetrics } from './proxy-metrics.js';
import type { LookupCost, ProxyMode } from './proxy-mode.js';

declare module '../core/failure-reason.js' {
  interface FailureReasons {
    conntrack_full: true;
    not_in_ebpf_map: true;
    no_endpoints: true;
  }
}

/** A Service with no endpoint on the node's rules is refused at once (its REJECT rule). */
const NO_ENDPOINTS: Rejected = Object.freeze({ kind: 'rejected', reason: 'no_endpoints' });

/** One frozen outcome per reason: a drop allocates nothing. */
const DROPPED = new Map<FailureReason, Dropped>();
function dropped(reason: FailureReason): Dropped {
  let outcome = DROPPED.get(reason);
  if (outcome === undefined) DROPPED.set(reason, (outcome = Object.freeze({ kind: 'dropped', reason })));
  return outcome;
}

/**
 * The data plane around one proxy mode: conntrack on every node a connection crosses (the
 * client's, and the endpoint's when it is remote, where the DNATed SYN is new too), the
 * endpoint as the client node last programmed its Service, and the facts for the proxy
 * metrics. The mode decides endpoint and lookup cost. What a connection takes is recorded in
 * `connection.holds`, and `release` gives back exactly that.
 */
export class ProxyDataPlane implements DataPlane {
  private readonly cost: LookupCost = { rules: 0, clientNodeNs: 0, serverNodeNs: 0 };
  /** The Services' endpoints as each node programmed them. */
  private readonly serviceEndpoints: EndpointSource;

  constructor(
    private readonly sim: Simulation,
    private readonly cluster: Cluster,
    private readonly views: ProgrammedViews,
    private readonly network: NetworkPaths,
    private readonly mode: ProxyMode,
    private readonly conntrack: ConntrackTables | undefined,
    private readonly metrics: ProxyMetrics,
    /** proxy.lookupJitter is `roundTrip`: the lookups slow down as much as the packet's round trip. */
    private readonly lookupsFollowRoundTrip: boolean,
  ) {
    this.serviceEndpoints = {
      count: (node, service) => views.endpointCount(node, service),
      pod: (node, service, index) => views.endpointPod(node, service, index),
      nodeOfPod: (pod) => cluster.nodeOfBackendPod(pod),
    };
  }

  connect(connection: Connection): ConnectOutcome {
    if (connection.external >= 0) return this.connectDirect(connection, OUTSIDE_CLUSTER);
    if (connection.resolvedPod >= 0) return this.connectDirect(connection, this.cluster.nodeOfBackendPod(connection.resolvedPod));
    return this.connectVia(connection, this.serviceEndpoints);
  }

  connectVia(connection: Connection, endpointsOf: EndpointSource): ConnectOutcome {
    const tracked = this.mode.usesConntrack ? this.conntrack : undefined;
    const now = this.sim.now;
    if (tracked !== undefined && !tracked.hasRoom(connection.clientNode, now)) return this.conntrackFull(connection);
    const { clientNode, service } = connection;
    const endpoints = endpointsOf.count(clientNode, service);
    if (endpoints === 0) return NO_ENDPOINTS;
    const index = this.mode.chooseEndpoint(connection, endpoints);
    if (index === undefined) return dropped(this.unprogrammedReason());
    connection.endpointIndex = index;
    connection.endpointsChosenFrom = endpoints;
    connection.endpointPod = endpointsOf.pod(clientNode, service, index);
    connection.endpointNode = endpointsOf.nodeOfPod(connection.endpointPod);
    const crossNode = connection.endpointNode !== connection.clientNode;
    if (tracked !== undefined && crossNode && !tracked.hasRoom(connection.endpointNode, now)) {
      this.release(connection); // the scheduler slot it took
      return this.conntrackFull(connection);
    }
    if (tracked !== undefined) this.track(tracked, connection, crossNode);
    this.mode.lookupCost(connection, crossNode, this.cost);
    this.charge(connection, endpointsOf.paths ?? this.network);
    return PLACED;
  }

  /**
   * A connection to an address that is not a ClusterIP: a pod IP from a headless Service's
   * answer, or a host outside the cluster. No endpoint choice; the packet still meets the
   * node's rules (iptables walks all of KUBE-SERVICES without a match) and conntrack.
   */
  private connectDirect(connection: Connection, endpointNode: number): ConnectOutcome {
    const tracked = this.mode.usesConntrack ? this.conntrack : undefined;
    const now = this.sim.now;
    const crossNode = endpointNode !== connection.clientNode && endpointNode !== OUTSIDE_CLUSTER;
    const full = tracked !== undefined && (!tracked.hasRoom(connection.clientNode, now) || (crossNode && !tracked.hasRoom(endpointNode, now)));
    if (full) return this.conntrackFull(connection);
    connection.endpointPod = connection.resolvedPod;
    connection.endpointNode = endpointNode;
    if (tracked !== undefined) this.track(tracked, connection, crossNode);
    this.mode.directLookupCost(connection, crossNode, this.cost);
    this.charge(connection, this.network);
    return PLACED;
  }

  release(connection: Connection): void {
    const holds = connection.holds;
    if (holds === 0) return;
    const now = this.sim.now;
    const conntrack = this.conntrack as ConntrackTables;
    const udp = connection.service >= this.cluster.services; // a kube-dns flow
    if ((holds & HOLDS_CONNTRACK_CLIENT_NODE) !== 0) conntrack.release(connection.clientNode, now, udp);
    if ((holds & HOLDS_CONNTRACK_ENDPOINT_NODE) !== 0) conntrack.release(connection.endpointNode, now, udp);
    if ((holds & HOLDS_SCHEDULER_SLOT) !== 0) this.mode.releaseSlot(connection);
    connection.holds = 0;
  }

  warnings(): string[] {
    return this.mode.warnings();
  }

  /**
   * The first packet's latency: the handshake's round trip plus the lookups on every node it
   * crosses (already in `this.cost`). The walk runs on the same CPUs, in the same softirq, as the
   * rest of the packet's kernel path, so with lookupJitter `roundTrip` a packet whose round trip
   * took k times the path's median pays k times its lookup cost too (docs/calibration.md,
   * kube-proxy data plane: the published first-packet percentiles fit this far better than
   * fixed costs).
   */
  private charge(connection: Connection, paths: NetworkPaths): void {
    const cost = this.cost;
    const { clientNode, endpointNode } = connection;
    const drawn = endpointNode === OUTSIDE_CLUSTER ? connection.externalRtt : endpointNode === clientNode ? connection.sameNodeRtt : connection.crossNodeRtt;
    const roundTrip = drawn >= 0 ? drawn : paths.roundTrip(clientNode, endpointNode);
    const median = paths.medianRoundTrip(clientNode, endpointNode);
    const slowdown = this.lookupsFollowRoundTrip && median > 0 ? roundTrip / median : 1;
    connection.lookupNs = Math.round((cost.clientNodeNs + cost.serverNodeNs) * slowdown);
    connection.serverLookupNs = Math.min(connection.lookupNs, Math.round(cost.serverNodeNs * slowdown));
    connection.firstPacketNs = roundTrip + connection.lookupNs;
    if (!connection.measured) return;
    // A kube-dns flow's lookups are CPU too, but not one of the request connections the
    // first-packet and rules figures describe.
    if (connection.service >= this.cluster.services) this.metrics.flowLookup(connection.lookupNs);
    else this.metrics.lookup(cost.rules, connection.lookupNs + this.mode.nonServiceCpuPerConnection);
  }

  private track(tables: ConntrackTables, connection: Connection, crossNode: boolean): void {
    tables.add(connection.clientNode);
    connection.holds |= HOLDS_CONNTRACK_CLIENT_NODE;
    if (!crossNode) return;
    tables.add(connection.endpointNode);
    connection.holds |= HOLDS_CONNTRACK_ENDPOINT_NODE;
  }

  private unprogrammedReason(): FailureReason {
    const reason = this.mode.unprogrammedReason;
    if (reason === undefined) throw new Error('A proxy mode left a Service unprogrammed without saying why');
    return reason;
  }

  private conntrackFull(connection: Connection): Dropped {
    if (connection.measured) this.metrics.conntrackDrop();
    return dropped('conntrack_full');
  }
}
