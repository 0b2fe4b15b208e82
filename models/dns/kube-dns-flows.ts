import type { Nanoseconds, Simulation } from '../../src/engine/index.js';
import { newConnection, type Connection } from '../core/connection.js';
import type { DataPlane, EndpointSource } from '../proxy/data-plane.js';

/** How long a UDP flow's conntrack entry lives once a reply was seen (nf_conntrack_udp_timeout_stream). */
export const ASSURED_UDP_TIMEOUT: Nanoseconds = 120e9;

/**
 * UDP flows from client pods to the kube-dns ClusterIP, each placed by the client node's data
 * plane like a connection: kube-proxy picks a CoreDNS replica per conntrack flow, not per query
 * (docs/calibration.md, DNS, Which CoreDNS replica answers). glibc and musl open a socket per
 * query exchange, so each name a lookup tries is a new flow — and may reach another replica; a
 * client that keeps its socket (`workload.dnsSocketReuse`) stays on one flow, and one replica,
 * while the flow's conntrack entry lives. A new flow pays the data plane's lookup and takes a
 * conntrack entry, which lingers after the flow ends and counts against the node's table.
 */
export class KubeDnsFlows {
  private readonly spare: Connection[] = [];
  private readonly kept = new Map<number, { flow: Connection; lastUsed: Nanoseconds }>();
  /** Whether the flow `open` returned last is new (its first packet paid the lookup; a pair sent on it together can race in conntrack). */
  lastWasFresh = false;

  constructor(
    private readonly sim: Simulation,
    private readonly dataPlane: DataPlane,
    private readonly replicas: EndpointSource,
    private readonly kubeDnsService: number,
    private readonly socketReuse: boolean,
  ) {}

  /** A flow for the next query exchange of `client`, or undefined when its first packet was dropped (a full conntrack table). */
  open(client: number, clientNode: number, measured: boolean): Connection | undefined {
    if (this.socketReuse) {
      const kept = this.kept.get(client);
      if (kept !== undefined && this.sim.now - kept.lastUsed <= ASSURED_UDP_TIMEOUT) {
        kept.lastUsed = this.sim.now;
        this.lastWasFresh = false;
        return kept.flow;
      }
      if (kept !== undefined) this.end(kept.flow, true);
    }
    this.lastWasFresh = true;
    const flow = this.place(client, clientNode, measured);
    if (this.socketReuse && flow !== undefined) this.kept.set(client, { flow, lastUsed: this.sim.now });
    return flow;
  }

  /** The exchange is over: a per-exchange socket closes, a kept one stays. */
  close(flow: Connection): void {
    if (!this.socketReuse) this.end(flow, false);
  }

  private place(client: number, clientNode: number, measured: boolean): Connection | undefined {
    const flow = this.spare.pop() ?? newConnection();
    flow.state = 'connecting';
    flow.client = client;
    flow.clientNode = clientNode;
    flow.service = this.kubeDnsService;
    flow.external = -1;
    flow.resolvedPod = -1;
    flow.measured = measured;
    flow.holds = 0;
    flow.sameNodeRtt = -1;
    flow.crossNodeRtt = -1;
    flow.externalRtt = -1;
    const outcome = this.dataPlane.connectVia(flow, this.replicas);
    if (outcome.kind === 'placed') return flow;
    this.spare.push(flow);
    return undefined;
  }

  private end(flow: Connection, replacedKept: boolean): void {
    if (replacedKept) this.kept.delete(flow.client);
    this.dataPlane.release(flow);
    flow.state = 'closed';
    this.spare.push(flow);
  }
}
