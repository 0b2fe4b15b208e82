/**
 * Where each published figure comes from, cited as docs/calibration.md cites it (that file
 * gives the tag — measured, stated, derived — and the context of each).
 */
export interface Source {
  /** What the table's Source column shows. */
  readonly short: string;
  /** The full citation, listed under the table. */
  readonly full: string;
}

export const SOURCES = {
  kleinrock: {
    short: 'Kleinrock vol. 1',
    full: 'L. Kleinrock, Queueing Systems, vol. 1 (1975): M/M/1 wait ρ/(μ − λ) (eq. 3.25), M/M/c and Erlang C (§3.5); src/engine/queueing-theory.ts',
  },
  erlangTable: {
    short: 'Erlang C table',
    full: 'Erlang C tables (e.g. Gross and Harris, Fundamentals of Queueing Theory): C(10, 8) ≈ 0.4092',
  },
  pollaczekKhinchine: {
    short: 'Pollaczek–Khinchine',
    full: 'Pollaczek–Khinchine formula for M/G/1: W_q = λE[S²] / (2(1 − ρ)); M/D/1: ρd / (2(1 − ρ))',
  },
  resolverRules: {
    short: 'glibc res_query.c, musl lookup_name.c, kubelet dns.go',
    full: 'docs/calibration.md, DNS, Client resolver: kubelet `pkg/kubelet/network/dns/dns.go` (search list, ndots:5); glibc `resolv/res_query.c`; musl `lookup_name.c` [S]; query counts 2, 4, 2·(4 + h) [D]',
  },
  scalingGuide: {
    short: 'CoreDNS Scaling_CoreDNS.md',
    full: 'coredns/deployment `kubernetes/Scaling_CoreDNS.md`, CPU and QPS: one CoreDNS on a GCE n1-standard-2 (2 vCPUs, "pegged ... at ~1900m"): internal 33,669 QPS, external 6,733 client QPS ("5 backend queries" each, 33,667 QPS at the server) [M]; docs/calibration.md, DNS, CoreDNS',
  },
  kep1024: {
    short: 'KEP-1024 (NodeLocal DNSCache)',
    full: 'KEP-1024 NodeLocal DNSCache: answers kept up to 30 s, denials 5 s [S]; node-cache benchmark, 0.05 core served 834 QPS of cache hits and 213 QPS of forwarded unique names [M]; docs/calibration.md, DNS',
  },
  jung2003: {
    short: 'Jung, Berger, Balakrishnan 2003',
    full: 'J. Jung, A. W. Berger, H. Balakrishnan, "Modeling TTL-based Internet caches", IEEE INFOCOM 2003: hit ratio λT / (1 + λT) for Poisson requests to one name whose entry lives T after a miss',
  },
  corefileCache: {
    short: 'coredns plugin/cache',
    full: 'coredns `plugin/cache`: a record kept clamp(TTL, 5 s, cap), `cache N` sets the cap; A and AAAA separate entries [S]; docs/calibration.md, DNS, CoreDNS',
  },
  resolverTimeouts: {
    short: 'glibc res_send.c, musl res_msend.c',
    full: 'glibc `res_send.c` (RES_TIMEOUT 5 s, 2 attempts) and musl `res_msend.c` (resends every timeout ÷ attempts = 2.5 s) [S]; docs/calibration.md, DNS, The conntrack race',
  },
  perfTestsFixture: {
    short: 'kubernetes/perf-tests dns/fixtures/raw.txt',
    full: 'kubernetes/perf-tests `dns/fixtures/raw.txt`: dnsperf, November 2016, 100 QPS to the kube-dns ClusterIP (dnsmasq in front of kubedns): mean 0.772 ms, min 0.402 ms, 956 of 1,000 under 1 ms [M]',
  },
  nftablesBlog: {
    short: 'Kubernetes blog 2025-02-28 (chart)',
    full: 'Kubernetes blog, "NFTables mode for kube-proxy" (2025-02-28), first-packet latency charts, values read from the post\'s SVG files (±1 px: 3.6 µs iptables, 0.18 µs nftables, 0.30 µs IPVS) [M-chart]; set-up: npinaeva/conntrack-metrics `workload/`; docs/calibration.md, kube-proxy data plane',
  },
  kubeProxyRuleTest: {
    short: 'kube-proxy TestNumberIptablesRules',
    full: 'kubernetes `pkg/proxy/iptables/number_generated_rules_test.go` (TestNumberIptablesRules): the nat table holds 5 + S·(2 + 3n) rules for S ClusterIP Services of n endpoints [S]; docs/calibration.md, iptables: the rules kube-proxy writes',
  },
  issue138073: {
    short: 'kubernetes issue 138073',
    full: 'kubernetes issue 138073: a partial iptables sync at 3,595 Services and 138,792 endpoints took 2.84 s (1.293 s compute, 1.521 s restore of ≈ 50.9k lines) [M]; docs/calibration.md, iptables sync duration',
  },
  pr126013: {
    short: 'kubernetes PR 126013',
    full: 'kubernetes PR 126013: nftables, adding one Service with 10k present took 141 ms after the partial-sync work [M]; docs/calibration.md, Other modes\' sync cost',
  },
  programmingSlo: {
    short: 'sig-scalability SLO; clusterloader2 load test',
    full: 'Kubernetes sig-scalability network programming latency SLI/SLO (p99 ≤ 30 s) and kubernetes/perf-tests `clusterloader2/testing/load` at 5,000 nodes: 30 pods per node, ≈ 8.1k Services, ≈ 68k endpoints, pods created at 10/s, NetworkProgrammingLatency reported against 30 s [S]; the 5k-node job met it (kubernetes issue 82364, 2021: "It seems fine now") [M]',
  },
  tke: {
    short: 'Tencent TKE Cilium benchmark',
    full: 'Tencent TKE, Cilium network benchmark (imroc.cc/tke/en/networking/cilium/appendix/network-benchmark): fortio short connections, 5,000–30,000 Services of 4 endpoints; iptables ≈ 2.2 × Cilium at small scale, overtaken at ≈ 20,000 Services, 70–88 % of Cilium at 30,000 [M, from its summary]; docs/calibration.md, Benchmark replicas',
  },
  keepAlive: {
    short: 'Tigera 2019; TKE',
    full: 'Tigera, "Comparing kube-proxy modes: iptables or IPVS?" (2019) and the TKE benchmark: with keep-alive connections the proxy mode changes latency by ≈ 1–2 % [M]; docs/calibration.md, Connection reuse, Service overhead, conntrack',
  },
} as const satisfies Record<string, Source>;

export type SourceKey = keyof typeof SOURCES;
