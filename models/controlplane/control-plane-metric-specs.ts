import type { MetricEntry } from '../core/model-definition.js';

const SYNCS = 'kube-proxy syncs (every node) that end in the measured window';
const PROGRAMMED = 'changed EndpointSlices programmed on each node by syncs that end in the measured window, pooled over nodes';

/** The control plane's columns (docs/design.md, Metrics). */
export const CONTROL_PLANE_METRICS: readonly MetricEntry[] = [
  { name: 'sync_duration_p50_ms', unit: 'ms', doc: "Median duration of a node's kube-proxy sync, from its mode's cost model (iptables restore lines and compute, nftables per Service and element, IPVS netlink operations, eBPF map updates); empty with no sync.", window: SYNCS },
  { name: 'sync_duration_p99_ms', unit: 'ms', doc: "99th percentile of a node's kube-proxy sync duration; empty with no sync.", window: SYNCS },
  { name: 'network_programming_latency_p50_ms', unit: 'ms', doc: "Median network programming latency, the Kubernetes SLI: from a change's trigger time (the pod change behind the EndpointSlice write) to the end of the node's sync that programmed it, one sample per changed slice per node; empty with no change.", window: PROGRAMMED, headline: true },
  { name: 'network_programming_latency_p99_ms', unit: 'ms', doc: '99th percentile of network programming latency (the SLI asks p99 ≤ 30 s at 5,000 nodes for changes of Services with few endpoints); empty with no change.', window: PROGRAMMED, headline: true },
  { name: 'kube_proxy_cpu_cores_per_node', unit: 'cores', doc: "CPU of kube-proxy's sync loop (or the eBPF agent's map updates) per node: sync time summed over nodes ÷ window ÷ nodes. The per-packet lookups are `datapath_cpu_cores_per_node`.", window: 'sync time inside syncs that end in the measured window' },
  { name: 'dns_programming_latency_p99_ms', unit: 'ms', doc: "99th percentile of the time from a change to a DNS record — a Service created or deleted (churn.serviceCreatesPerSecond), a headless Service's pods — to CoreDNS answering with it (CoreDNS serves from its informer, so this is the EndpointSlice controller's queue plus the watch fan-out); empty with no such change.", window: 'record changes CoreDNS received in the measured window' },
];

const PROGRAMMED_IN_BUCKET = 'changed EndpointSlices programmed on each node by syncs that end in the bucket, pooled over nodes';

/** The control plane's time-series columns, by the time a sync ends. */
export const CONTROL_PLANE_TIMESERIES: readonly MetricEntry[] = [
  { name: 'network_programming_latency_p50_ms', unit: 'ms', doc: 'Median network programming latency (as the metric of that name); empty with no change programmed.', window: PROGRAMMED_IN_BUCKET },
  { name: 'network_programming_latency_p99_ms', unit: 'ms', doc: '99th percentile network programming latency; empty with no change programmed.', window: PROGRAMMED_IN_BUCKET },
];
