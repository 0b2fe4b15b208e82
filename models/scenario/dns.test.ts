import { describe, expect, it } from 'vitest';
import { mmcMeanWait, s } from '../../src/engine/index.js';
import { summarize } from '../../src/stats/index.js';
import { runScenario } from './testing/run-scenario.js';

const constant = (value: string) => ({ dist: 'constant', value });
/** Every request dials, so every request resolves its name once. */
const EVERY_REQUEST_RESOLVES = { 'workload.requestsPerConnection': 1 };
const run = (overrides: Record<string, unknown>, seconds = 10, seed = 1) =>
  runScenario({ ...EVERY_REQUEST_RESOLVES, ...overrides }, { seed, replication: 0, warmup: s(2), duration: s(seconds) });

describe('the DNS model end to end', () => {
  it('sends as many queries per lookup as the resolver rules say, for every name form, glibc and musl (docs/calibration.md, DNS, Client resolver)', () => {
    // short 2; svc.ns 4; external with h = 1: 2·(4 + h) = 10 — the calibration's worked examples.
    const cases: Array<[Record<string, unknown>, number]> = [
      [{ 'workload.nameForm': 'short' }, 2],
      [{ 'workload.nameForm': 'namespaced' }, 4],
      [{ 'workload.nameForm': 'external', 'dns.hostSearchDomains': 1 }, 10],
      [{ 'workload.nameForm': 'fqdn', 'dns.hostSearchDomains': 1 }, 10],
      [{ 'workload.nameForm': 'fqdnDot', 'dns.hostSearchDomains': 1 }, 2],
    ];
    for (const resolver of ['glibc', 'musl']) {
      for (const [form, queries] of cases) {
        const { metrics } = run({ ...form, 'dns.resolver': resolver, 'workload.requestsPerSecond': 300 }, 4);
        expect(metrics.dns_queries_per_lookup, `${resolver} ${JSON.stringify(form)}`).toBe(queries);
      }
    }
  });

  it('gives a CoreDNS cache the hit ratio λT/(1 + λT) for the rate one replica\'s cache sees (Jung, Berger and Balakrishnan, INFOCOM 2003)', () => {
    // One external name, tried as is (ndots 1): an A and an AAAA per lookup, each a key of its
    // own. Each name's flow reaches one of 2 replicas at random, so each replica's cache sees
    // each key as a Poisson stream of rate λ = 2/s ÷ 2 = 1/s; records are kept T = 5 s
    // (cache 5). Expected hit ratio 5/6. Upstream answers in 1 ms, so misses hardly overlap.
    const { metrics } = run(
      {
        'workload.requestsPerSecond': 2,
        'workload.nameForm': 'external',
        'workload.externalNames': 1,
        'dns.ndots': 1,
        'dns.coredns.replicas': 2,
        'dns.coredns.cacheTTL': '5s',
        'dns.upstream.latency': constant('1ms'),
      },
      3_000,
    );
    // 12,000 cache lookups: the ratio's standard error is about 0.004.
    expect(Math.abs((metrics.coredns_cache_hit_ratio as number) - 5 / 6)).toBeLessThan(0.015);
  });

  it('queues at one CoreDNS replica as an M/M/c queue predicts (Erlang C), within a 95 % CI over seeds', () => {
    // A queries only (queryAAAA false), short names: every lookup is one query the kubernetes
    // plugin answers with exponential CPU (mean 1 ms) on a replica of 2 cores; lookups are
    // Poisson at 1,500/s, and random network delays keep arrivals Poisson. ρ = 0.75.
    const theoryMs = mmcMeanWait(1_500, 1_000, 2) * 1_000;
    const waits = [1, 2, 3, 4, 5, 6].map(
      (seed) =>
        run(
          {
            'workload.requestsPerSecond': 1_500,
            'dns.queryAAAA': false,
            'dns.coredns.replicas': 1,
            'dns.coredns.cores': 2,
            'dns.coredns.answerCost': { dist: 'exponential', mean: '1ms' },
          },
          20,
          seed,
        ).metrics.coredns_wait_mean_ms as number,
    );
    const wait = summarize(waits);
    expect(Math.abs((wait.mean as number) - theoryMs)).toBeLessThan(wait.ci95 as number);
    expect((wait.ci95 as number) / theoryMs).toBeLessThan(0.1);
  });

  it('warns when a replica is offered more queries than its cores can serve', () => {
    const { warnings } = run({ 'workload.requestsPerSecond': 2_500, 'dns.queryAAAA': false, 'dns.coredns.replicas': 1, 'dns.coredns.answerCost': constant('1ms') }, 2);
    expect(warnings.join('\n')).toContain('CoreDNS replica(s) were offered more work than their 1 core(s) can serve');
  });

  it('makes a glibc lookup that loses a packet 5 s slower, and a musl one 2.5 s, and NodeLocal DNSCache removes the conntrack race', () => {
    // The race drops one of every A/AAAA pair sent together on a new flow through DNAT.
    const raced = { 'workload.requestsPerSecond': 200, 'dns.conntrackRaceProbability': 1 };
    const glibc = run(raced, 4).metrics;
    expect(glibc.dns_latency_p50_ms as number).toBeGreaterThan(5_000);
    expect(glibc.dns_latency_p50_ms as number).toBeLessThan(5_010);
    const musl = run({ ...raced, 'dns.resolver': 'musl' }, 4).metrics;
    expect(musl.dns_latency_p50_ms as number).toBeGreaterThan(2_500);
    expect(musl.dns_latency_p50_ms as number).toBeLessThan(2_510);
    const reopen = run({ ...raced, 'dns.singleRequestReopen': true }, 4).metrics;
    expect(reopen.dns_timeouts).toBe(0);
    const nodeLocal = run({ ...raced, 'dns.nodeLocalCache': true }, 4).metrics;
    expect(nodeLocal.dns_timeouts).toBe(0);
    expect(nodeLocal.dns_latency_p99_ms as number).toBeLessThan(5);
    // Random loss: every lost packet costs a glibc lookup one 5 s timeout.
    const lossy = run({ 'workload.requestsPerSecond': 200, 'dns.packetLossRatio': 0.05 }, 10).metrics;
    expect(lossy.dns_timeouts as number).toBeGreaterThan(100);
    expect(lossy.dns_latency_p99_ms as number).toBeGreaterThan(5_000);
  });

  it('keeps a client that reuses its socket on one CoreDNS replica; a socket per lookup spreads it (docs/calibration.md, DNS, Which CoreDNS replica answers)', () => {
    const oneClient = { 'workload.clientPods': 1, 'workload.requestsPerSecond': 200, 'dns.coredns.replicas': 8 };
    expect(run({ ...oneClient, 'workload.dnsSocketReuse': true }, 10).metrics.coredns_busiest_replica_ratio).toBeGreaterThan(0.99);
    expect(run(oneClient, 10).metrics.coredns_busiest_replica_ratio as number).toBeLessThan(0.2);
  });

  it('resolves each (client pod, target) once per client-cache TTL when the client keeps a cache', () => {
    // 10 clients × 10 Services, 200 dials a second for 10 s: without a cache 2,000 lookups; with
    // a 60 s cache each of the 100 pairs resolves once (the 2 s warm-up resolves most of them).
    const few = { 'workload.clientPods': 10, 'cluster.services': 10, 'workload.requestsPerSecond': 200 };
    expect(run(few, 10).metrics.dns_lookups).toBeGreaterThan(1_900);
    expect(run({ ...few, 'workload.clientDnsCacheTTL': '60s' }, 10).metrics.dns_lookups as number).toBeLessThan(100);
  });

  it('answers a headless Service with pod IPs: its connections bypass the Service translation', () => {
    // An eBPF LB map too small for any Service: ClusterIP calls fail, calls to headless
    // Services go straight to a pod and succeed.
    const tinyMap = { 'proxy.mode': 'ebpf', 'proxy.ebpf.lbMapMax': 1, 'workload.requestsPerSecond': 200, 'workload.connectTimeout': '1s' };
    expect(run(tinyMap, 4).metrics.request_error_ratio).toBe(1);
    const headless = run({ ...tinyMap, 'cluster.headlessServiceRatio': 1 }, 4).metrics;
    expect(headless.request_error_ratio).toBe(0);
    expect(headless.rules_per_new_connection).toBe(1); // the socket-LB hook's one map miss
  });
});
