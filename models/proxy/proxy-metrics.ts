import { NS_PER_US, type Nanoseconds } from '../../src/engine/index.js';
import type { MetricValues } from '../../src/contract/metric-spec.js';
import { QuantileSketch } from '../../src/stats/index.js';
import type { Connection } from '../core/connection.js';
import type { Request } from '../core/request.js';
import type { RequestProbe } from '../core/request-probe.js';

/**
 * Collects the data plane's facts for the measured window: the first packet's latency of each
 * new connection, the rules or lookups it took, the CPU the lookups cost on every node, conntrack
 * drops, and, over completed requests, how much of their latency the lookups were.
 */
export class ProxyMetrics implements RequestProbe {
  private readonly firstPacketNs = new QuantileSketch();
  private newConnections = 0;
  private rulesTotal = 0;
  private cpuNs = 0;
  private drops = 0;
  private latencyTotalNs = 0;
  private lookupTotalNs = 0;

  /** A measured new connection's lookup: rules on all nodes, and CPU time on all nodes. */
  lookup(rules: number, cpuNs: Nanoseconds): void {
    this.newConnections++;
    this.rulesTotal += rules;
    this.cpuNs += cpuNs;
  }

  /** A measured DNS flow's lookup: CPU on its node, not a request connection. */
  flowLookup(cpuNs: Nanoseconds): void {
    this.cpuNs += cpuNs;
  }

  /** Whether a full conntrack table dropped any measured connection. */
  get droppedAny(): boolean {
    return this.drops > 0;
  }

  /** A measured new connection was dropped by a full conntrack table. */
  conntrackDrop(): void {
    this.drops++;
  }

  connected(connection: Connection, firstPacket: Nanoseconds): void {
    if (connection.measured) this.firstPacketNs.add(firstPacket);
  }

  completed(request: Request, latency: Nanoseconds): void {
    if (!request.measured) return;
    this.latencyTotalNs += latency;
    this.lookupTotalNs += request.lookupNs;
  }

  values(duration: Nanoseconds, nodes: number): MetricValues {
    const inMicroseconds = (q: number) => {
      const value = this.firstPacketNs.quantile(q);
      return value === undefined ? undefined : value / NS_PER_US;
    };
    return {
      first_packet_p01_us: inMicroseconds(0.01),
      first_packet_p50_us: inMicroseconds(0.5),
      first_packet_p90_us: inMicroseconds(0.9),
      first_packet_p99_us: inMicroseconds(0.99),
      rules_per_new_connection: this.newConnections > 0 ? this.rulesTotal / this.newConnections : undefined,
      datapath_cpu_cores_per_node: this.cpuNs / (duration * nodes),
      conntrack_drops: this.drops,
      proxy_latency_share_ratio: this.latencyTotalNs > 0 ? this.lookupTotalNs / this.latencyTotalNs : undefined,
    };
  }
}
