/**
 * Cache hit ratios against the TTL-cache formula for Poisson lookups of one name: an entry
 * lives T after the miss that stored it, so each miss is followed by Poisson(λT) hits and the
 * hit ratio is λT/(1 + λT) (Jung, Berger and Balakrishnan, INFOCOM 2003). T comes from the
 * Corefile (CoreDNS) and KEP-1024 (NodeLocal: answers 30 s, denials 5 s). Independent.
 */
import { s } from '../../../src/engine/index.js';
import { scenarioMetric } from '../model-runs.js';
import type { ValidationCase } from '../validation-case.js';

const ttlHitRatio = (rate: number, lifetime: number) => (rate * lifetime) / (1 + rate * lifetime);

/**
 * One external name, tried as written (ndots 1): an A and an AAAA per lookup, each a key of its
 * own, both answered upstream. 2 lookups/s over 2 replicas (a flow per name, placed at random):
 * each replica's cache sees each key at λ = 1/s; `cache 5` keeps them T = 5 s. Upstream answers
 * in 1 ms, so misses hardly overlap.
 */
const CORE_DNS_ONE_NAME = {
  'workload.requestsPerConnection': 1,
  'workload.requestsPerSecond': 2,
  'workload.nameForm': 'external',
  'workload.externalNames': 1,
  'dns.ndots': 1,
  'dns.coredns.replicas': 2,
  'dns.coredns.cacheTTL': '5s',
  'dns.upstream.latency': { dist: 'constant', value: '1ms' },
};

const coreDns: ValidationCase = {
  id: 'dns-cache.coredns-one-name',
  group: 'DNS cache hit ratios',
  quantity: 'CoreDNS cache hit ratio, one external name, λ = 1/s per key per replica, `cache 5` (T = 5 s): λT/(1 + λT)',
  unit: 'ratio',
  published: ttlHitRatio(1, 5),
  source: 'jung2003',
  use: 'independent',
  tolerance: { kind: 'absolute', amount: 0.005, why: 'N = 24,000 cache lookups at m = λT = 5: standard error √(m/N)/(1 + m)^1.5 ≈ 0.001; ±0.005 is five of them' },
  full: { scale: '1 run of 6,000 s, 2 replicas', compute: () => scenarioMetric(CORE_DNS_ONE_NAME, { warmup: s(2), duration: s(6_000), replications: 1 }, 'coredns_cache_hit_ratio') },
  ci: {
    scale: '1 run of 1,500 s, 2 replicas',
    tolerance: { kind: 'absolute', amount: 0.01, why: '6,000 cache lookups: standard error ≈ 0.002; ±0.01 is five of them' },
    compute: () => scenarioMetric(CORE_DNS_ONE_NAME, { warmup: s(2), duration: s(1_500), replications: 1 }, 'coredns_cache_hit_ratio'),
  },
};

/**
 * NodeLocal DNSCache: one Service, a short name, one client pod on each of 10 nodes, 1 lookup/s
 * in all, so each node's cache sees each key at λ = 0.1/s. The A record is an answer, kept
 * 30 s (λT = 3, hit ratio 3/4); the AAAA of an IPv4 Service is NODATA, a denial, kept 5 s
 * (λT = 0.5, hit ratio 1/3). Equal numbers of each: the mean, 13/24.
 */
const NODE_LOCAL_ONE_SERVICE = {
  'workload.requestsPerConnection': 1,
  'cluster.nodes': 10,
  'workload.clientPods': 10,
  'cluster.services': 1,
  'workload.requestsPerSecond': 1,
  'dns.nodeLocalCache': true,
};

const nodeLocal: ValidationCase = {
  id: 'dns-cache.nodelocal-answers-and-denials',
  group: 'DNS cache hit ratios',
  quantity: 'NodeLocal DNSCache hit ratio, one Service, λ = 0.1/s per key per node: A kept 30 s (3/4) and AAAA NODATA kept 5 s (1/3), mean 13/24',
  unit: 'ratio',
  published: (ttlHitRatio(0.1, 30) + ttlHitRatio(0.1, 5)) / 2,
  source: 'kep1024',
  use: 'independent',
  tolerance: { kind: 'absolute', amount: 0.01, why: '6,000 lookups of each key: standard errors ≈ 0.003 (A) and 0.005 (AAAA), ≈ 0.003 for their mean; ±0.01 is over three of them' },
  full: { scale: '10 nodes, 1 run of 6,000 s', compute: () => scenarioMetric(NODE_LOCAL_ONE_SERVICE, { warmup: s(2), duration: s(6_000), replications: 1 }, 'nodelocal_cache_hit_ratio') },
  ci: {
    scale: '10 nodes, 1 run of 2,000 s',
    tolerance: { kind: 'absolute', amount: 0.02, why: '2,000 lookups of each key: standard error of the mean ≈ 0.005; ±0.02 is four of them' },
    compute: () => scenarioMetric(NODE_LOCAL_ONE_SERVICE, { warmup: s(2), duration: s(2_000), replications: 1 }, 'nodelocal_cache_hit_ratio'),
  },
};

export const DNS_CACHE_CASES: readonly ValidationCase[] = [coreDns, nodeLocal];
