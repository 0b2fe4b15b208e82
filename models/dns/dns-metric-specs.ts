import type { MetricEntry } from '../core/model-definition.js';

const LOOKUPS = 'lookups of connections dialled by requests that start in the measured window';
const COREDNS = 'queries reaching CoreDNS in the measured window [warmup, warmup + duration]';

/** The DNS model's metrics, in CSV column order (docs/design.md, Metrics). */
export const DNS_METRICS: readonly MetricEntry[] = [
  { name: 'dns_lookups', unit: 'count', doc: 'Name lookups (getaddrinfo calls) made to dial new connections; a client-cache hit is not one.', window: LOOKUPS },
  {
    name: 'dns_queries_per_lookup',
    headline: true,
    unit: 'count',
    doc: 'Queries sent per lookup: A and AAAA for every name of the search list tried, and every resend after a timeout.',
    window: LOOKUPS,
  },
  { name: 'dns_latency_p50_ms', headline: true, unit: 'ms', doc: 'Median time from the lookup to the address, for lookups that resolved.', window: `${LOOKUPS}; resolved ones` },
  { name: 'dns_latency_p99_ms', unit: 'ms', doc: '99th percentile of the same lookup latency.', window: `${LOOKUPS}; resolved ones` },
  {
    name: 'dns_latency_share_ratio',
    unit: 'ratio',
    doc: 'Share of request latency spent resolving names: lookup time paid by completed requests ÷ their total latency.',
    window: 'requests that start in the measured window and complete',
  },
  { name: 'dns_timeouts', unit: 'count', doc: 'Queries whose answer did not come within the resolver timeout (lost packets, the conntrack race), each resent or failing its lookup.', window: LOOKUPS },
  { name: 'dns_nxdomain_ratio', unit: 'ratio', doc: 'NXDOMAIN answers ÷ all answers the clients got (the search list\'s misses).', window: LOOKUPS },
  {
    name: 'coredns_cache_hit_ratio',
    unit: 'ratio',
    doc: 'Queries CoreDNS answered from its cache ÷ queries that reached its cache plugin; empty with the cache off.',
    window: COREDNS,
  },
  {
    name: 'nodelocal_cache_hit_ratio',
    unit: 'ratio',
    doc: 'Queries NodeLocal DNSCache answered from its cache ÷ queries it got; empty without NodeLocal DNSCache.',
    window: 'queries reaching NodeLocal DNSCache in the measured window',
  },
  { name: 'coredns_utilization', unit: 'utilization', doc: 'Mean busy fraction of the CoreDNS replicas\' cores.', window: 'the measured window; every replica' },
  { name: 'coredns_queries_per_s_per_replica', unit: '1/s', doc: 'Queries reaching CoreDNS per second of the window, per replica.', window: COREDNS },
  {
    name: 'coredns_busiest_replica_ratio',
    unit: 'ratio',
    doc: 'The busiest replica\'s share of all CoreDNS queries (1 ÷ replicas when the load is even; 1 when one replica gets it all).',
    window: COREDNS,
  },
  { name: 'coredns_wait_mean_ms', unit: 'ms', doc: 'Mean time a query waits for a CoreDNS core before it is served.', window: COREDNS },
  {
    name: 'upstream_queries_per_s',
    unit: '1/s',
    doc: 'Queries forwarded to the upstream resolvers (by CoreDNS, or by NodeLocal DNSCache for external names) per second.',
    window: 'the measured window',
  },
];
