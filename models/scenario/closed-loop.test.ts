import { describe, expect, it } from 'vitest';
import type { RunSettings } from '../../src/contract/scenario-model.js';
import { scenarioValues } from '../../src/contract/scenario-values.js';
import { ms, NS_PER_S, s, type Nanoseconds } from '../../src/engine/index.js';
import { clusterModel } from '../cluster/cluster-model.js';
import type { Request } from '../core/request.js';
import { fixedResolverModel } from '../dns/testing/fixed-latency-resolver.js';
import { networkModel } from '../network/network-model.js';
import { proxyModel } from '../proxy/proxy-model.js';
import { workloadModel } from '../workload/workload-model.js';
import { composeScenario } from './compose-scenario.js';
import { constant, runScenario } from './testing/run-scenario.js';

const SETTINGS: RunSettings = { seed: 1, replication: 0, warmup: ms(200), duration: s(2) };
const DURATION_S = SETTINGS.duration / NS_PER_S;

/** Every measured request's latency and caller, and the longest latency seen. */
function closedLoopRun(overrides: Record<string, unknown>) {
  const latencies: Nanoseconds[] = [];
  const callers = new Set<number>();
  const observer = {
    completed(request: Request, latency: Nanoseconds) {
      if (!request.measured) return;
      latencies.push(latency);
      callers.add(request.caller);
    },
  };
  const { metrics } = runScenario({ 'workload.arrivals': 'closed', ...overrides }, SETTINGS, observer);
  const meanLatencyS = latencies.reduce((sum, latency) => sum + latency, 0) / latencies.length / NS_PER_S;
  const maxLatencyS = Math.max(...latencies) / NS_PER_S;
  return { metrics, meanLatencyS, maxLatencyS, callers };
}

/**
 * Little's law over a finite window holds up to its edges: each caller is busy the whole window
 * (or busy, then thinking for a known time), but its request running at the window's start is not
 * measured and the one running at its end is measured in full. So Σ(latency + think) over the
 * measured requests differs from callers × duration by at most 2 × callers × the longest cycle,
 * and X·(R + Z) from the number of callers by that ÷ duration. The tolerance is that bound,
 * computed from the run itself, not a guess.
 */
function edgeTolerance(callers: number, longestCycleS: number): number {
  return (2 * callers * longestCycleS) / DURATION_S;
}

describe('closed-loop callers', () => {
  it('with one caller and no think time, completes requests one after another: throughput = 1 / mean latency', () => {
    const { metrics, meanLatencyS, maxLatencyS, callers } = closedLoopRun({
      'workload.clientPods': 1,
      'workload.serviceTime': constant('2ms'),
    });
    const throughput = metrics.throughput_per_s as number;
    expect(callers).toEqual(new Set([0]));
    expect(throughput).toBeGreaterThan(300); // about 2 s ÷ 2.1 ms: the loop ran
    expect(Math.abs(throughput * meanLatencyS - 1)).toBeLessThanOrEqual(edgeTolerance(1, maxLatencyS));
  });

  it("keeps Little's law with several callers and a think time: callers = throughput × (latency + think)", () => {
    const think = 0.001;
    const { metrics, meanLatencyS, maxLatencyS, callers } = closedLoopRun({
      'workload.clientPods': 3,
      'workload.callersPerClientPod': 4,
      'workload.thinkTime': constant('1ms'),
      'workload.serviceTime': { dist: 'exponential', mean: '2ms' },
      'workload.podConcurrency': 2,
      'cluster.services': 2,
      'cluster.endpointsPerService': 1,
    });
    const throughput = metrics.throughput_per_s as number;
    expect(callers.size).toBe(12);
    // Twelve callers share two pods of two slots: they queue, and the latency is well over the 2 ms service time.
    expect(meanLatencyS).toBeGreaterThan(0.004);
    expect(Math.abs(throughput * (meanLatencyS + think) - 12)).toBeLessThanOrEqual(edgeTolerance(12, maxLatencyS + think));
  });

  it('ignores workload.requestsPerSecond', () => {
    const closed = { 'workload.clientPods': 2, 'workload.callersPerClientPod': 2 };
    const slow = closedLoopRun({ ...closed, 'workload.requestsPerSecond': 10 }).metrics;
    const fast = closedLoopRun({ ...closed, 'workload.requestsPerSecond': 100_000 }).metrics;
    expect(fast).toEqual(slow);
    expect(slow.throughput_per_s).toBeGreaterThan(100);
  });

  it('starts no call after the measured window: every measured request started inside it', () => {
    const starts: Nanoseconds[] = [];
    const record = (request: Request) => void starts.push(request.startedAt);
    runScenario({ 'workload.arrivals': 'closed', 'workload.clientPods': 2 }, SETTINGS, { completed: record, failed: record });
    expect(Math.max(...starts)).toBeLessThan(SETTINGS.warmup + SETTINGS.duration);
    expect(Math.max(...starts)).toBeGreaterThan(SETTINGS.warmup + SETTINGS.duration - ms(10));
  });

  it('refuses more callers than a run can hold, naming the field', () => {
    expect(() => runScenario({ 'workload.arrivals': 'closed', 'workload.clientPods': 1_000, 'workload.callersPerClientPod': 100_000 }, SETTINGS)).toThrow(
      /workload\.callersPerClientPod/,
    );
  });
});

/** The request path with a fixed 770 µs name lookup, so only the data plane changes with the Service count. */
const WITH_FIXED_DNS = composeScenario([clusterModel, workloadModel, networkModel, proxyModel, fixedResolverModel()]);

/** 32 callers on one node of one core, a new connection per request. */
function oneCoreNode(mode: string, services: number) {
  const overrides = {
    'cluster.nodes': 1,
    'cluster.nodeCores': 1,
    'cluster.services': services,
    'proxy.mode': mode,
    'workload.arrivals': 'closed',
    'workload.clientPods': 4,
    'workload.callersPerClientPod': 8,
    'workload.requestsPerConnection': 1,
    'workload.serviceTime': constant('200us'),
    'workload.podConcurrency': 64,
  };
  const { metrics } = WITH_FIXED_DNS.build(scenarioValues(WITH_FIXED_DNS.parameters, overrides), { ...SETTINGS, duration: s(1) }).run();
  return {
    throughput: metrics.throughput_per_s as number,
    softirq: metrics.node_softirq_max_utilization as number,
    mean: metrics.node_softirq_mean_utilization as number,
  };
}

describe('node CPU (softirq)', () => {
  it("saturates a one-core node's softirq with iptables as Services grow, and throughput falls", () => {
    const [few, some, many] = [100, 5_000, 20_000].map((services) => oneCoreNode('iptables', services));
    // The walk grows with cluster.services: 100 Services cost the core almost nothing.
    expect(few.softirq).toBeLessThan(0.05);
    expect(some.softirq).toBeGreaterThan(few.softirq * 10);
    // At 20,000 Services each first packet walks ≈ 80 µs of rules: the core is the bottleneck.
    expect(many.softirq).toBeGreaterThan(0.97);
    expect(many.softirq).toBeLessThanOrEqual(1);
    expect(some.throughput).toBeLessThan(few.throughput);
    expect(many.throughput).toBeLessThan(few.throughput * 0.6);
    // One node: the busiest is the mean.
    expect(many.mean).toBe(many.softirq);
  });

  it('keeps softirq load and throughput flat with nftables, whose lookups do not grow with Services', () => {
    const [few, many] = [100, 20_000].map((services) => oneCoreNode('nftables', services));
    expect(many.softirq).toBeLessThan(0.2);
    expect(Math.abs(many.softirq - few.softirq)).toBeLessThan(0.01);
    expect(Math.abs(many.throughput / few.throughput - 1)).toBeLessThan(0.01);
  });
});
