import type { MetricEntry } from '../core/model-definition.js';

const NEW_CONNECTIONS = 'new connections dialled by requests that start in the measured window';

/** The proxy model's metrics, in CSV column order (docs/design.md, Metrics). */
export const PROXY_METRICS: readonly MetricEntry[] = [
  {
    name: 'first_packet_p01_us',
    unit: 'us',
    doc: '1st percentile of the first-packet latency (the fastest first packets: Services near the head of KUBE-SERVICES).',
    window: `${NEW_CONNECTIONS} that got through`,
  },
  {
    name: 'first_packet_p50_us',
    unit: 'us',
    headline: true,
    doc: "Median first-packet latency of a new connection: the handshake's network round trip plus the proxy lookups on every node it crosses, and the time the lookups waited for a core of the client node (cluster.nodeCores).",
    window: `${NEW_CONNECTIONS} that got through`,
  },
  {
    name: 'first_packet_p90_us',
    unit: 'us',
    doc: '90th percentile of the same first-packet latency.',
    window: `${NEW_CONNECTIONS} that got through`,
  },
  {
    name: 'first_packet_p99_us',
    unit: 'us',
    doc: '99th percentile of the same first-packet latency.',
    window: `${NEW_CONNECTIONS} that got through`,
  },
  {
    name: 'rules_per_new_connection',
    unit: 'count',
    doc: 'Mean rules evaluated (iptables) or lookups made (IPVS hash-chain entries, nftables map lookups, eBPF map lookups) by a first packet, summed over all nodes it crosses.',
    window: `${NEW_CONNECTIONS} that got through`,
  },
  {
    name: 'datapath_cpu_cores_per_node',
    unit: 'cores',
    doc: 'CPU the Service lookups cost, as cores per node: lookup time on every node, for connections and kube-dns flows (plus iptables walks of non-Service connections) ÷ (duration × nodes). Packet forwarding itself is not counted.',
    window: NEW_CONNECTIONS,
  },
  {
    name: 'node_softirq_max_utilization',
    unit: 'utilization',
    doc: "The busiest node's softirq busy fraction: time its cores spent on new connections' first-packet lookups ÷ (cluster.nodeCores × duration). Near 1, new connections queue for a core (kube-proxy syncs hold cores too, but are not counted here).",
    window: 'the measured window [warmup, warmup + duration]; all nodes, the part of each lookup that falls inside the window',
  },
  {
    name: 'node_softirq_mean_utilization',
    unit: 'utilization',
    doc: 'The same softirq busy fraction, averaged over all nodes.',
    window: 'the measured window [warmup, warmup + duration]; all nodes, the part of each lookup that falls inside the window',
  },
  {
    name: 'conntrack_drops',
    unit: 'count',
    doc: 'New connections and kube-dns flows dropped because the conntrack table of a node they cross was full; a request whose connection is dropped fails after workload.connectTimeout, a DNS query waits out the resolver timeout.',
    window: NEW_CONNECTIONS,
  },
  {
    name: 'proxy_latency_share_ratio',
    unit: 'ratio',
    headline: true,
    doc: 'Share of request latency spent in proxy lookups: total lookup time paid by completed requests ÷ their total latency (mean lookup cost over mean latency).',
    window: 'requests that start in the measured window and complete',
  },
];
