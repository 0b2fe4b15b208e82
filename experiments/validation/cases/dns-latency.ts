/**
 * Lookup latency: the perf-tests dnsperf fixture (2016) and the resolvers' timeouts.
 */
import { s } from '../../../src/engine/index.js';
import { scenarioMetric } from '../model-runs.js';
import type { ValidationCase } from '../validation-case.js';

const GROUP = 'DNS lookup latency';

/** As dnsperf ran: one client keeping its socket, A only, 100 lookups/s, a name with its final dot. */
const DNSPERF = {
  'workload.requestsPerConnection': 1,
  'workload.requestsPerSecond': 100,
  'workload.clientPods': 1,
  'workload.dnsSocketReuse': true,
  'workload.nameForm': 'fqdnDot',
  'dns.queryAAAA': false,
};

const fixture: ValidationCase = {
  id: 'dns-latency.perf-tests-fixture',
  group: GROUP,
  quantity: 'pod → kube-dns ClusterIP exchange at 100 QPS (dnsperf): published mean; model p50 (the model reports percentiles; its p99 is lower than the fixture\'s minimum, 0.402 ms, too)',
  unit: 'ms',
  published: 0.772,
  source: 'perfTestsFixture',
  use: 'independent',
  tolerance: { kind: 'relative', fraction: 0.15, why: 'the fixture\'s mean of 1,000 queries has a 95 % interval of ±1.96 × 0.892/√1000 = ±0.055 ms (±7 %); doubled, since the model\'s figure is a median' },
  full: { scale: '1 client, 3 × 10 s (as dnsperf -l 10)', compute: () => scenarioMetric(DNSPERF, { warmup: s(2), duration: s(10), replications: 3 }, 'dns_latency_p50_ms') },
  ci: { scale: '1 client, 1 × 10 s', compute: () => scenarioMetric(DNSPERF, { warmup: s(2), duration: s(10), replications: 1 }, 'dns_latency_p50_ms') },
  disagreement:
    'The model\'s exchange is ≈ 0.2 ms: a ≈ 40 µs round trip, 60 µs of CoreDNS CPU and ≈ 80 µs of handling, calibrated to CoreDNS today (coredns issue 6937: 0.08–0.23 ms per query). The fixture measured a 2016 kube-dns pod (dnsmasq in front of kubedns: two hops), on 2016 hardware and kernels, timed in dnsperf\'s user space. No modern published CoreDNS latency distribution was found, so nothing was fitted to the fixture (docs/calibration.md, DNS, CoreDNS).',
};

/** Every A/AAAA pair sent together through the kube-dns DNAT loses one packet (the conntrack race). */
const RACED = { 'workload.requestsPerConnection': 1, 'workload.requestsPerSecond': 200, 'dns.conntrackRaceProbability': 1 };

function timeoutCase(resolver: 'glibc' | 'musl', timeoutMs: number): ValidationCase {
  const overrides = { ...RACED, 'dns.resolver': resolver };
  return {
    id: `dns-latency.race-timeout-${resolver}`,
    group: GROUP,
    quantity: `Lookup that loses one packet of its A/AAAA pair, ${resolver}: p50, the resend timeout (${resolver === 'glibc' ? '5 s' : 'timeout ÷ attempts = 2.5 s'}) plus one exchange`,
    unit: 'ms',
    published: timeoutMs,
    source: 'resolverTimeouts',
    use: 'independent',
    tolerance: { kind: 'above', amount: 10, why: 'the lookup waits the whole timeout, then one more exchange (under 1 ms at this load): never less, at most a few ms more' },
    full: { scale: '1 run of 20 s, 200 lookups/s', compute: () => scenarioMetric(overrides, { warmup: s(2), duration: s(20), replications: 1 }, 'dns_latency_p50_ms') },
    ci: { scale: '1 run of 4 s, 200 lookups/s', compute: () => scenarioMetric(overrides, { warmup: s(2), duration: s(4), replications: 1 }, 'dns_latency_p50_ms') },
  };
}

export const DNS_LATENCY_CASES: readonly ValidationCase[] = [fixture, timeoutCase('glibc', 5_000), timeoutCase('musl', 2_500)];
