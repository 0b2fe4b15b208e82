import type { Simulation } from '../../src/engine/simulation.js';
import type { Cluster } from '../cluster/cluster.js';
import type { Connection } from '../workload/connection.js';
import type { ConntrackTables } from './conntrack-tables.js';
import type { DataPlane } from './data-plane.js';
import type { ProxyMetrics } from './proxy-metrics.js';
import type { LookupCost, ProxyMode } from './proxy-mode.js';

/**
 * The data plane around one proxy mode: conntrack on every node a connection crosses (the
 * client's, and the endpoint's when it is remote, where the DNATed SYN is new too), endpoint
 * placement, and the facts for the proxy metrics. The mode decides endpoint and lookup cost.
 */
export class ProxyDataPlane implements DataPlane {
  private readonly cost: LookupCost = { rules: 0, clientNodeNs: 0, serverNodeNs: 0 };

  constructor(
    private readonly sim: Simulation,
    private readonly cluster: Cluster,
    private readonly mode: ProxyMode,
    private readonly conntrack: ConntrackTables | undefined,
    private readonly metrics: ProxyMetrics,
  ) {}

  connect(connection: Connection, measured: boolean): number {
    const tracked = this.mode.usesConntrack ? this.conntrack : undefined;
    if (tracked !== undefined && !tracked.hasRoom(connection.clientNode, this.sim.now)) {
      return this.drop(connection, measured, `conntrack table full on node ${connection.clientNode}`);
    }
    const rank = this.mode.chooseEndpoint(connection);
    if (rank < 0) return this.drop(connection, false, this.mode.unprogrammedReason);
    this.place(connection, rank);
    const crossNode = connection.endpointNode !== connection.clientNode;
    if (tracked !== undefined && crossNode && !tracked.hasRoom(connection.endpointNode, this.sim.now)) {
      this.mode.closed(connection);
      return this.drop(connection, measured, `conntrack table full on node ${connection.endpointNode}`);
    }
    if (tracked !== undefined) this.track(tracked, connection, crossNode);
    const cost = this.cost;
    this.mode.lookupCost(connection, crossNode, cost);
    const lookup = cost.clientNodeNs + cost.serverNodeNs;
    if (measured) this.metrics.lookup(cost.rules, lookup + this.mode.nonServiceCpuPerConnection);
    return lookup;
  }

  closed(connection: Connection): void {
    if (connection.failure !== undefined) return; // it never got an endpoint or entries
    if (connection.holdsConntrack && this.conntrack !== undefined) {
      this.conntrack.release(connection.clientNode, this.sim.now);
      if (connection.endpointNode !== connection.clientNode) this.conntrack.release(connection.endpointNode, this.sim.now);
    }
    this.mode.closed(connection);
  }

  warnings(): string[] {
    return this.mode.warnings();
  }

  private place(connection: Connection, rank: number): void {
    connection.endpointRank = rank;
    connection.endpointPod = this.cluster.backendPod(connection.service, rank);
    connection.endpointNode = this.cluster.nodeOfBackendPod(connection.endpointPod);
  }

  private track(tables: ConntrackTables, connection: Connection, crossNode: boolean): void {
    tables.add(connection.clientNode);
    if (crossNode) tables.add(connection.endpointNode);
    connection.holdsConntrack = true;
  }

  private drop(connection: Connection, countAsConntrackDrop: boolean, reason: string): number {
    connection.failure = reason;
    if (countAsConntrackDrop) this.metrics.conntrackDrop();
    return 0;
  }
}
