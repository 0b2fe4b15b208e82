import { describe, expect, it } from 'vitest';
import type { RunSettings } from '../../src/contract/scenario-model.js';
import { s } from '../../src/engine/index.js';
import { RandomStreams, uniformIndex } from '../../src/random/index.js';
import type { Connection } from '../core/connection.js';
import type { Request } from '../core/request.js';
import type { RequestProbe } from '../core/request-probe.js';
import { runScenario } from './testing/run-scenario.js';

/**
 * 100 client pods call 20 Services of 20 replicas each; the most popular Service takes about a
 * quarter of 2,000 calls/s, so every client pod has called it before the window starts.
 */
const SMALL = {
  'cluster.nodes': 20,
  'cluster.services': 20,
  'cluster.endpointsPerService': 20,
  'workload.requestsPerSecond': 2_000,
  'workload.clientPods': 100,
};
const INITIAL_PODS = 20 * 20;
const RUN: RunSettings = { seed: 1, replication: 0, warmup: s(5), duration: s(30) };
const FRESH_CONNECTIONS = { 'workload.protocol': 'http1', 'workload.requestsPerConnection': 1 };
const HTTP2 = { 'workload.protocol': 'http2' };

/** Completed measured requests per Service and pod, as an observer outside the model counts them. */
function countsByPod() {
  const byService = new Map<number, Map<number, number>>();
  const observer: RequestProbe = {
    completed(request: Request) {
      if (!request.measured || request.service < 0) return;
      const pods = byService.get(request.service) ?? new Map<number, number>();
      byService.set(request.service, pods);
      const pod = (request.connection as Connection).endpointPod;
      pods.set(pod, (pods.get(pod) ?? 0) + 1);
    },
  };
  return { byService, observer };
}

const total = (pods: Map<number, number>) => [...pods.values()].reduce((sum, n) => sum + n, 0);

/** The request-weighted mean over Services of busiest ÷ mean, for `endpoints` endpoints each. */
function weightedImbalance(counts: ReadonlyArray<readonly number[]>, endpoints: number): number {
  let weighted = 0;
  let requests = 0;
  for (const perPod of counts) {
    weighted += Math.max(...perPod) * endpoints;
    requests += perPod.reduce((sum, n) => sum + n, 0);
  }
  return weighted / requests;
}

describe('HTTP/2: long-lived multiplexed connections (workload.protocol http2)', () => {
  it('opens about one connection per (client pod, Service) pair called, where HTTP/1.1 with one request per connection dials every time', () => {
    const pairs = new Set<number>();
    let dials = 0;
    const observer: RequestProbe = {
      connected: () => void dials++,
      completed: (request) => void pairs.add(request.client * 1_000 + request.service),
    };
    const http2 = runScenario({ ...SMALL, ...HTTP2 }, RUN, observer).metrics;
    expect(dials).toBeGreaterThanOrEqual(pairs.size);
    expect(dials).toBeLessThanOrEqual(pairs.size * 1.01);
    const http1 = runScenario({ ...SMALL, ...FRESH_CONNECTIONS }, RUN).metrics;
    expect(http1.new_connection_ratio).toBe(1);
    expect(http2.new_connection_ratio as number).toBeLessThan(0.01);
    expect(http2.request_error_ratio).toBe(0);
  });

  it('dials another connection when one is at maxConcurrentStreams, instead of queueing', () => {
    // 50 ms per request and one stream per connection: busy pairs often have two requests in flight.
    const slow = { ...SMALL, ...HTTP2, 'workload.serviceTime': { dist: 'constant', value: '50ms' } };
    const one = runScenario({ ...slow, 'workload.maxConcurrentStreams': 1 }, RUN).metrics;
    const many = runScenario(slow, RUN).metrics;
    expect(one.new_connection_ratio as number).toBeGreaterThan((many.new_connection_ratio as number) * 3);
    // No request waits for a stream: the latency p50 stays at one exchange.
    expect(one.request_latency_p50_ms as number).toBeLessThan((many.request_latency_p50_ms as number) * 1.05);
  });

  it('leaves the pods of a scale-up nearly idle, so the load imbalance rises far above fresh connections per request', () => {
    const scaleUp = { 'churn.scaleReplicas': 40, 'churn.scaleStart': '0s' };
    const newPodShare = (protocol: Record<string, unknown>) => {
      const { byService, observer } = countsByPod();
      const { metrics } = runScenario({ ...SMALL, ...protocol, ...scaleUp }, RUN, observer);
      const target = [...byService.values()].sort((a, b) => total(b) - total(a))[0];
      const onNewPods = [...target].filter(([pod]) => pod >= INITIAL_PODS).reduce((sum, [, n]) => sum + n, 0);
      return { metrics, share: onNewPods / total(target) };
    };
    const http2 = newPodShare(HTTP2);
    const http1 = newPodShare(FRESH_CONNECTIONS);
    // Fresh connections give the 20 new pods about half of the traffic once they are ready.
    expect(http1.share).toBeGreaterThan(0.25);
    expect(http2.share).toBeLessThan(0.02);
    expect(http2.metrics.endpoint_load_imbalance_ratio as number).toBeGreaterThan((http1.metrics.endpoint_load_imbalance_ratio as number) * 1.5);
    expect(http2.metrics.stale_endpoint_errors).toBe(0);
  });

  it('keeps the stale-endpoint handling: with a preStop, a rollout loses no request and moves every stream to the new pods', () => {
    const settings: RunSettings = { seed: 1, replication: 0, warmup: s(2), duration: s(60), timeseriesBucket: s(10) };
    const { metrics, timeseries } = runScenario({ ...SMALL, ...HTTP2, 'churn.rollout': true, 'churn.preStopDelay': '5s' }, settings);
    expect(metrics.stale_endpoint_errors).toBe(0);
    const newVersion = (timeseries ?? []).map((row) => row.values.new_version_traffic_ratio as number);
    expect(newVersion[0]).toBeLessThan(0.5);
    // GOAWAY from each old pod sent its clients to new connections, which reach new pods only.
    expect(newVersion[5]).toBe(1);
  });
});

describe('endpoint_load_imbalance_ratio', () => {
  it('with a fresh connection per request sits at the multinomial noise floor of uniform endpoint choice', () => {
    const { byService, observer } = countsByPod();
    const { metrics } = runScenario({ ...SMALL, ...FRESH_CONNECTIONS }, RUN, observer);
    const endpoints = 20;
    const counts = [...byService.values()].map((pods) => [...pods.values(), ...Array(endpoints - pods.size).fill(0)]);
    const observed = weightedImbalance(counts, endpoints);
    expect(metrics.endpoint_load_imbalance_ratio as number).toBeCloseTo(observed, 9);
    // The floor: the same Services' request counts spread uniformly at random over their endpoints.
    const stream = new RandomStreams(7, 0).get('test/multinomial');
    const floors = Array.from({ length: 200 }, () =>
      weightedImbalance(
        counts.map((perPod) => {
          const spread: number[] = Array(endpoints).fill(0);
          for (let r = perPod.reduce((sum, n) => sum + n, 0); r > 0; r--) spread[uniformIndex(stream, endpoints)]++;
          return spread;
        }),
        endpoints,
      ),
    );
    const mean = floors.reduce((sum, x) => sum + x, 0) / floors.length;
    const sd = Math.sqrt(floors.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (floors.length - 1));
    expect(mean).toBeGreaterThan(1);
    expect(Math.abs(observed - mean)).toBeLessThan(4 * sd);
  });
});
