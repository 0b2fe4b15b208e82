import type { MetricValues } from '../../src/contract/metric-spec.js';
import { defineModel } from '../core/model-definition.js';
import { createDataPlane } from './create-data-plane.js';
import type { DataPlane } from './data-plane.js';
import { PROXY_METRICS } from './proxy-metric-specs.js';
import { ProxyMetrics } from './proxy-metrics.js';
import { PROXY_PARAMETERS } from './proxy-parameters.js';
import type { ProxyConfig } from './proxy-config.js';

declare module '../core/seams.js' {
  interface Seams {
    /** Every node's Service data plane. */
    dataPlane: DataPlane;
    /** kube-proxy's configuration (`proxy.*`), as the control plane programs every node with it. */
    proxyConfig: ProxyConfig;
  }
}

/** kube-proxy (iptables, IPVS, nftables) or eBPF socket-LB on every node, with conntrack. */
export const proxyModel = defineModel({
  name: 'proxy',
  parameters: PROXY_PARAMETERS,
  metrics: PROXY_METRICS,
  failureReasons: {
    conntrack_full: 'a full conntrack table on a node the SYN crossed dropped it; the client gave up at workload.connectTimeout',
    not_in_ebpf_map: 'the Service did not fit in the eBPF LB map (proxy.ebpf.lbMapMax), so nothing translated its ClusterIP; the client gave up at workload.connectTimeout',
    no_endpoints: "the Service had no ready (or serving terminating) endpoint as the client's node last programmed it, or CoreDNS had no pod for a headless one: refused at once (kube-proxy's REJECT rule)",
  },
  wire(config, { sim, streams, seams, probes, settings }) {
    const cluster = seams.get('cluster', 'proxy');
    const metrics = new ProxyMetrics();
    const views = seams.get('nodeViews', 'proxy');
    const nodeCpu = seams.get('nodeCpu', 'proxy');
    const dataPlane = createDataPlane(config.proxy, { sim, cluster, views, network: seams.get('network', 'proxy'), streams, metrics });
    probes.add(metrics);
    seams.provide('dataPlane', dataPlane, 'proxy');
    seams.provide('proxyConfig', config.proxy, 'proxy');
    const { mode, ipvs, conntrack } = config.proxy;
    return {
      metrics: () => {
        const softirq = nodeCpu.softirqUtilization();
        const values: MetricValues = { ...metrics.values(settings.duration, cluster.nodes), node_softirq_max_utilization: softirq.max, node_softirq_mean_utilization: softirq.mean };
        // In the declared (column) order.
        return Object.fromEntries(PROXY_METRICS.map(({ name }) => [name, values[name]]));
      },
      warnings: () => dataPlane.warnings(),
      // lc weighs connections closed within the FIN timeout; conntrack counts matter once a table fills.
      timeConstants: () => [
        ...(mode === 'ipvs' && ipvs.scheduler === 'lc' ? [{ parameter: 'proxy.ipvs.tcpFinTimeout', duration: ipvs.tcpFinTimeout }] : []),
        ...(metrics.droppedAny ? [{ parameter: 'proxy.conntrack.timeWaitTimeout', duration: conntrack.timeWaitTimeout }] : []),
      ],
    };
  },
});
