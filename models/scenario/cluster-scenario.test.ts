import { describe, expect, it } from 'vitest';
import type { RunSettings } from '../../src/contract/scenario-model.js';
import { mmcMeanWait, NS_PER_MS, s, us, type Nanoseconds } from '../../src/engine/index.js';
import { summarize } from '../../src/stats/index.js';
import type { Request } from '../core/request.js';
import type { RequestProbe } from '../core/request-probe.js';
import { scenarioValues } from '../../src/contract/scenario-values.js';
import { clusterModel } from '../cluster/cluster-model.js';
import { FIXED_LOOKUP_LATENCY, fixedResolverModel } from '../dns/testing/fixed-latency-resolver.js';
import { networkModel } from '../network/network-model.js';
import { proxyModel } from '../proxy/proxy-model.js';
import { workloadModel } from '../workload/workload-model.js';
import { composeScenario } from './compose-scenario.js';
import { constant, runScenario, SHORT_RUN } from './testing/run-scenario.js';

const SETTINGS: RunSettings = SHORT_RUN;

function run(overrides: Record<string, unknown>, settings: RunSettings = SETTINGS, observer?: RequestProbe) {
  return runScenario(overrides, settings, observer);
}

interface TracedRequest {
  startedAt: Nanoseconds;
  client: number;
  service: number;
}

/** Runs a scenario and returns every request it started, in order of start. */
function requestTrace(overrides: Record<string, unknown>): TracedRequest[] {
  const trace: TracedRequest[] = [];
  const record = (request: Request) =>
    trace.push({ startedAt: request.startedAt, client: request.client, service: request.service });
  run(overrides, SETTINGS, { completed: record, failed: record });
  return trace.sort((a, b) => a.startedAt - b.startedAt);
}

/** The DNS model's default CPU per answered query (dns.coredns.answerCost). */
const COREDNS_ANSWER_COST = us(60);
/** The shipped models with a resolver that always takes FIXED_LOOKUP_LATENCY: the request path without DNS's variability. */
const WITH_FIXED_DNS = composeScenario([clusterModel, workloadModel, networkModel, proxyModel, fixedResolverModel()]);

function runWithFixedDns(overrides: Record<string, unknown>, settings: RunSettings, observer: RequestProbe) {
  return WITH_FIXED_DNS.build(scenarioValues(WITH_FIXED_DNS.parameters, overrides), settings, observer).run();
}

/** nftables mode's default lookup cost (proxy.nftables.lookupCost): the same for every connection. */
const NFTABLES_LOOKUP = us(1);

describe('the cluster scenario', () => {
  it('sees the same arrival times whatever the number of Services (common random numbers)', () => {
    const small = requestTrace({ 'cluster.services': 100, 'workload.requestsPerSecond': 500 });
    const large = requestTrace({ 'cluster.services': 30_000, 'workload.requestsPerSecond': 500 });
    expect(small.length).toBeGreaterThan(5_000);
    expect(large.map((r) => r.startedAt)).toEqual(small.map((r) => r.startedAt));
    expect(large.map((r) => r.client)).toEqual(small.map((r) => r.client));
    expect(large.map((r) => r.service)).not.toEqual(small.map((r) => r.service));
  });

  it('sees the same arrivals, clients and Services whatever the service time', () => {
    const fast = requestTrace({ 'workload.serviceTime': constant('1ms'), 'workload.requestsPerSecond': 500 });
    const slow = requestTrace({
      'workload.serviceTime': { dist: 'lognormal', median: '20ms', p99: '200ms' },
      'workload.requestsPerSecond': 500,
    });
    expect(slow).toEqual(fast);
  });

  it('gives the same metrics for the same seed and different ones for another seed', () => {
    const overrides = { 'workload.requestsPerSecond': 500 };
    expect(run(overrides)).toEqual(run(overrides));
    expect(run(overrides, { ...SETTINGS, seed: 2 }).metrics).not.toEqual(run(overrides).metrics);
  });

  it('reuses connections of a few busy (client, Service) pairs: new_connection_ratio ≈ 1/requestsPerConnection', () => {
    // 2 clients × 2 Services at 1,000 requests/s: 250/s per pair. With room for every
    // concurrent connection in the pool, each connection carries exactly 10 requests.
    const busyPairs = {
      'cluster.services': 2,
      'workload.clientPods': 2,
      'workload.requestsPerSecond': 1_000,
      'workload.requestsPerConnection': 10,
    };
    const roomy = run({ ...busyPairs, 'workload.maxIdlePerService': 100 }).metrics;
    expect(Math.abs((roomy.new_connection_ratio as number) - 0.1)).toBeLessThan(0.002);
    // With Go's default of 2 idle connections per host, a pair that often has 3 requests in
    // flight dials a third connection and closes it on release (~0.8 in flight per pair here,
    // so P(>= 2 busy when a request arrives) ≈ 0.19): reuse drops, as it does in Go clients.
    const goDefault = run(busyPairs).metrics;
    expect(goDefault.new_connection_ratio).toBeGreaterThan(0.15);
  });

  it('opens a new connection nearly every time when pairs are called less often than the idle timeout', () => {
    // 3,000 clients × 1,000 Services at 200 requests/s: a pair is called about every
    // 15,000 s on average, far beyond the 1 s idle timeout.
    const { metrics } = run({ 'workload.requestsPerSecond': 200, 'workload.idleTimeout': '1s' });
    expect(metrics.new_connection_ratio).toBeGreaterThan(0.99);
  });

  it('charges DNS, handshake, proxy lookup, request round trip and service time (known answer)', () => {
    const { metrics } = run({
      'proxy.mode': 'nftables',
      'workload.requestsPerConnection': 1,
      'workload.serviceTime': constant('2ms'),
      'network.sameNodeRtt': constant('50us'),
      'network.crossNodeRtt': constant('50us'),
      'workload.podConcurrency': 1_000,
      'workload.requestsPerSecond': 200,
      'dns.coredns.cores': 2,
      'dns.coredns.handlingDelay': constant('40us'),
    });
    // DNS: a short name is one name, its A and AAAA together on a new kube-dns flow. The A's
    // way out and back each take half the flow's first round trip (50 µs + the 1 µs nftables
    // lookup), with 60 µs of CoreDNS CPU and 40 µs of other handling between; the AAAA, on the
    // same flow, is 1 µs quicker.
    const dns = us(51) + COREDNS_ANSWER_COST + us(40);
    const expected = dns + us(50) + NFTABLES_LOOKUP + us(50) + 2 * NS_PER_MS;
    // Every request takes exactly `expected`; the sketch's relative error is under 1 %.
    expect(metrics.request_latency_p50_ms).toBeCloseTo(expected / NS_PER_MS, 1);
    expect(Math.abs((metrics.request_latency_p99_ms as number) - expected / NS_PER_MS) / (expected / NS_PER_MS)).toBeLessThan(0.01);
    expect(metrics.new_connection_ratio).toBe(1);
    expect(metrics.request_error_ratio).toBe(0);
  });

  it('queues at a backend pod as an M/M/c queue predicts (Erlang C), within a 95 % CI over seeds', () => {
    // One Service with one pod of 2 slots; a new connection per request, so every request is
    // delayed by the same constants before it reaches the pod and pod arrivals stay Poisson.
    // λ = 300/s, mean service 5 ms: sojourn = W_q + 1/μ with W_q = C(2, 1.5)/(2μ − λ)
    // (Kleinrock vol. 1, §3.5) = 6.43 ms + 5 ms.
    const fixedDelay = FIXED_LOOKUP_LATENCY + us(50) + NFTABLES_LOOKUP + us(50);
    const theoryMs = (mmcMeanWait(300, 200, 2) + 1 / 200) * 1000;
    const perSeed = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => {
      let sum = 0;
      let count = 0;
      const observer: RequestProbe = {
        completed: (request, latency) => {
          if (!request.measured) return;
          sum += latency - fixedDelay;
          count++;
        },
      };
      const { metrics } = runWithFixedDns(
        {
          'proxy.mode': 'nftables',
          'cluster.services': 1,
          'cluster.endpointsPerService': 1,
          'workload.podConcurrency': 2,
          'workload.requestsPerConnection': 1,
          'workload.requestsPerSecond': 300,
          'workload.serviceTime': { dist: 'exponential', mean: '5ms' },
          'network.sameNodeRtt': constant('50us'),
          'network.crossNodeRtt': constant('50us'),
        },
        { ...SETTINGS, seed, duration: s(60) },
        observer,
      );
      expect(count).toBe(metrics.requests_completed);
      return { sojournMs: sum / count / NS_PER_MS, utilization: metrics.max_station_utilization as number };
    });
    const sojourn = summarize(perSeed.map((r) => r.sojournMs));
    expect(Math.abs((sojourn.mean as number) - theoryMs)).toBeLessThan(sojourn.ci95 as number);
    expect((sojourn.ci95 as number) / theoryMs).toBeLessThan(0.05);
    // Utilisation of the pod = λ·E[S]/c = 300 × 0.005 / 2 = 0.75.
    const utilization = summarize(perSeed.map((r) => r.utilization));
    expect(Math.abs((utilization.mean as number) - 0.75)).toBeLessThan(utilization.ci95 as number);
  });

  it('warns when a backend pod is offered more work than it can serve', () => {
    const { warnings } = run({
      'cluster.services': 1,
      'cluster.endpointsPerService': 1,
      'workload.podConcurrency': 1,
      'workload.requestsPerSecond': 300,
      'workload.serviceTime': constant('5ms'),
    }, { ...SETTINGS, duration: s(2) });
    // The backlog grows all run, so the warm-up check sees no steady state either.
    expect(warnings.filter((warning) => warning.includes('offered load >= 1'))).toHaveLength(1);
  });
});
