import { describe, expect, it } from 'vitest';
import type { RunSettings } from '../../src/contract/scenario-model.js';
import { s } from '../../src/engine/index.js';
import type { Connection } from '../core/connection.js';
import type { RequestProbe } from '../core/request-probe.js';
import { runScenario } from './testing/run-scenario.js';

/** A small cluster whose most popular Service (20 replicas) takes a large share of 2,000 calls/s. */
const SMALL = {
  'cluster.nodes': 20,
  'cluster.services': 20,
  'cluster.endpointsPerService': 20,
  'workload.requestsPerSecond': 2_000,
  'workload.requestsPerConnection': 1,
};
const ROLLOUT_RUN: RunSettings = { seed: 1, replication: 0, warmup: s(2), duration: s(60) };
const rollout = (extra: Record<string, unknown>) => runScenario({ ...SMALL, 'churn.rollout': true, ...extra }, ROLLOUT_RUN).metrics;

describe('churn and the control plane in a run', () => {
  it('without churn: no stale-endpoint errors, no programming-latency or sync samples, no kube-proxy CPU', () => {
    const { metrics } = runScenario(SMALL);
    expect(metrics.stale_endpoint_errors).toBe(0);
    expect(metrics.network_programming_latency_p50_ms).toBeUndefined();
    expect(metrics.network_programming_latency_p99_ms).toBeUndefined();
    expect(metrics.sync_duration_p50_ms).toBeUndefined();
    expect(metrics.kube_proxy_cpu_cores_per_node).toBe(0);
    expect(metrics.new_version_traffic_ratio).toBeUndefined();
    expect(metrics.request_error_ratio).toBe(0);
  });

  it('a rollout moves the rolled Service to the new version, and minSyncPeriod 10 s raises programming latency', () => {
    const fast = rollout({ 'proxy.minSyncPeriod': '1s' });
    const slow = rollout({ 'proxy.minSyncPeriod': '10s' });
    expect(fast.new_version_traffic_ratio as number).toBeGreaterThan(0.5);
    expect(fast.new_version_traffic_ratio as number).toBeLessThan(1);
    expect(slow.network_programming_latency_p50_ms as number).toBeGreaterThan((fast.network_programming_latency_p50_ms as number) * 2);
    // Programming latency includes the sync that programs it.
    expect(fast.network_programming_latency_p50_ms as number).toBeGreaterThan(fast.sync_duration_p50_ms as number);
  });

  it('a preStop delay longer than the largest programming latency cuts refused and unroutable connections by at least 99 %', () => {
    const without = rollout({ 'churn.preStopDelay': '0s' });
    const covered = rollout({ 'churn.preStopDelay': '20s' });
    expect(covered.network_programming_latency_p99_ms as number).toBeLessThan(20_000);
    const stale = (m: typeof without) => (m.failures_connection_refused as number) + (m.failures_no_route_to_host as number);
    expect(stale(without)).toBeGreaterThanOrEqual(100);
    expect(stale(covered)).toBeLessThanOrEqual(stale(without) * 0.01);
    expect(without.stale_endpoint_errors).toBe(stale(without) + (without.failures_connection_reset as number));
  });

  it('keep-alive connections stay on their pod until it goes, then the traffic follows the new pods', () => {
    const settings: RunSettings = { ...ROLLOUT_RUN, timeseriesBucket: s(10) };
    const { metrics, timeseries } = runScenario(
      { ...SMALL, 'workload.clientPods': 20, 'workload.requestsPerConnection': 1_000, 'churn.rollout': true, 'churn.preStopDelay': '5s' },
      settings,
    );
    expect(metrics.new_connection_ratio as number).toBeLessThan(0.2);
    const rows = timeseries ?? [];
    expect(rows).toHaveLength(6);
    // Before the first new pod is ready no request reaches the new version; once the rollout is
    // over every one does: pooled connections to old pods closed with them.
    expect(rows[0].values.new_version_traffic_ratio as number).toBeLessThan(0.5);
    expect(rows[5].values.new_version_traffic_ratio).toBe(1);
    expect(metrics.stale_endpoint_errors).toBe(0);
  });

  it('the time series adds up to the window and repeats exactly', () => {
    const settings: RunSettings = { ...ROLLOUT_RUN, duration: s(20), timeseriesBucket: s(1) };
    const overrides = { ...SMALL, 'churn.rollout': true, 'churn.podReplacementsPerSecond': 1 };
    const first = runScenario(overrides, settings);
    const again = runScenario(overrides, settings);
    expect(again).toEqual(first);
    const rows = first.timeseries ?? [];
    expect(rows.map((row) => row.bucket)).toEqual(Array.from({ length: 20 }, (_, b) => b));
    const sum = (name: string) => rows.reduce((total, row) => total + (row.values[name] as number), 0);
    const errors = Math.round(((first.metrics.requests_completed as number) / (1 - (first.metrics.request_error_ratio as number))) * (first.metrics.request_error_ratio as number));
    expect(sum('requests')).toBe((first.metrics.requests_completed as number) + errors);
    expect(sum('request_errors')).toBe(errors);
    expect(sum('stale_endpoint_errors')).toBe(first.metrics.stale_endpoint_errors);
    // The same run without a time series gives the same metrics.
    expect(runScenario(overrides, { ...settings, timeseriesBucket: undefined }).metrics).toEqual(first.metrics);
  });

  it('a failed node times out its connections until the node controller marks its endpoints not ready and nodes sync', () => {
    const settings: RunSettings = { seed: 1, replication: 0, warmup: s(2), duration: s(40), timeseriesBucket: s(5) };
    const { metrics, timeseries } = runScenario(
      { ...SMALL, 'churn.failedNodes': 2, 'churn.nodeMonitorGracePeriod': '10s', 'workload.connectTimeout': '2s', 'workload.requestTimeout': '2s' },
      settings,
    );
    expect(metrics.failures_syn_timeout as number).toBeGreaterThan(100);
    expect(metrics.failures_connection_refused).toBe(0);
    expect(metrics.failures_no_route_to_host).toBe(0);
    const stale = (timeseries ?? []).map((row) => row.values.stale_endpoint_errors as number);
    // Two of 20 nodes hold a tenth of every Service's endpoints until NotReady at 10 s is programmed.
    expect(stale[0]).toBeGreaterThan(100);
    expect(stale.slice(3)).toEqual([0, 0, 0, 0, 0]);
    expect(metrics.stale_endpoint_errors).toBe(stale.reduce((sum, count) => sum + count, 0));
  });

  it('scaling a Deployment up spreads its Service over the new pods; scaling down with a preStop loses no request', () => {
    const settings: RunSettings = { seed: 1, replication: 0, warmup: s(2), duration: s(40) };
    const perPodAfter20s = (replicas: number, preStop: string) => {
      const byService = new Map<number, Map<number, number>>();
      const observer: RequestProbe = {
        completed(request) {
          if (request.startedAt < s(22)) return;
          const pods = byService.get(request.service) ?? new Map<number, number>();
          byService.set(request.service, pods);
          const pod = (request.connection as Connection).endpointPod;
          pods.set(pod, (pods.get(pod) ?? 0) + 1);
        },
      };
      const { metrics } = runScenario({ ...SMALL, 'churn.scaleReplicas': replicas, 'churn.preStopDelay': preStop }, settings, observer);
      const total = (pods: Map<number, number>) => [...pods.values()].reduce((sum, count) => sum + count, 0);
      const busiest = [...byService.values()].sort((a, b) => total(b) - total(a))[0];
      return { metrics, shares: [...busiest.values()].map((count) => count / total(busiest)) };
    };
    const up = perPodAfter20s(40, '0s');
    expect(up.shares).toHaveLength(40);
    expect(Math.max(...up.shares)).toBeLessThan(2 / 40);
    const down = perPodAfter20s(5, '5s');
    expect(down.shares).toHaveLength(5);
    expect(Math.min(...down.shares)).toBeGreaterThan(0.5 / 5);
    expect(down.metrics.stale_endpoint_errors).toBe(0);
    expect(perPodAfter20s(5, '0s').metrics.stale_endpoint_errors as number).toBeGreaterThan(0);
  });

  it('Services created and deleted lengthen KUBE-SERVICES and give DNS programming latency its samples', () => {
    const settings: RunSettings = { seed: 1, replication: 0, warmup: s(30), duration: s(20) };
    const base = runScenario(SMALL, settings).metrics;
    // 2 Services/s living 20 s: about 40 more Services than the 20 called, once the first ones are deleted.
    const churned = runScenario({ ...SMALL, 'churn.serviceCreatesPerSecond': 2, 'churn.serviceLifetime': '20s' }, settings).metrics;
    expect(base.dns_programming_latency_p99_ms).toBeUndefined();
    expect(churned.dns_programming_latency_p99_ms as number).toBeGreaterThan(0);
    // The 1 ms watch delay plus the fan-out to 21 watchers, well under the nodes' syncs.
    expect(churned.dns_programming_latency_p99_ms as number).toBeLessThan(churned.network_programming_latency_p50_ms as number);
    const ratio = (churned.rules_per_new_connection as number) / (base.rules_per_new_connection as number);
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(3.5);
    expect(churned.stale_endpoint_errors).toBe(0);
  });

  for (const mode of ['iptables', 'ipvs', 'nftables', 'ebpf']) {
    it(`a Service left with no endpoint is refused at once (${mode})`, () => {
      // One pod per Service: those on the failed node have none once it is NotReady.
      const { metrics } = runScenario(
        {
          'cluster.nodes': 4, 'cluster.services': 10, 'cluster.endpointsPerService': 1, 'workload.requestsPerSecond': 500, 'workload.clientPods': 40,
          'churn.failedNodes': 1, 'churn.nodeMonitorGracePeriod': '1s', 'workload.connectTimeout': '2s', 'workload.requestTimeout': '2s', 'proxy.mode': mode,
        },
        { seed: 1, replication: 0, warmup: s(1), duration: s(10) },
      );
      expect(metrics.failures_no_endpoints as number).toBeGreaterThan(100);
      expect(metrics.failures_conntrack_full).toBe(0);
      expect(metrics.failures_syn_timeout as number).toBeGreaterThan(0);
    });
  }

  it("evicting a failed node's pods brings replacements on live nodes, and the Services answer again", () => {
    const { metrics, timeseries } = runScenario(
      {
        'cluster.nodes': 4, 'cluster.services': 10, 'cluster.endpointsPerService': 1, 'workload.requestsPerSecond': 500, 'workload.clientPods': 40,
        'churn.failedNodes': 1, 'churn.nodeMonitorGracePeriod': '1s', 'churn.podEvictionTimeout': '2s', 'workload.connectTimeout': '2s', 'workload.requestTimeout': '2s',
      },
      { seed: 1, replication: 0, warmup: s(1), duration: s(30), timeseriesBucket: s(5) },
    );
    const errors = (timeseries ?? []).map((row) => row.values.request_errors as number);
    // Failed from the start, NotReady at 1 s, evicted at 3 s, replacements ready by 14 s.
    expect(errors[0]).toBeGreaterThan(50);
    expect(errors.slice(3)).toEqual([0, 0, 0]);
    expect(metrics.failures_no_endpoints as number).toBeGreaterThan(0);
  });

  it('a pooled connection to a pod on a failed node is used as if alive: its request gets no response and times out', () => {
    const { metrics } = runScenario(
      { ...SMALL, 'workload.clientPods': 20, 'workload.requestsPerConnection': 1_000, 'churn.failedNodes': 2, 'workload.requestTimeout': '2s' },
      { seed: 1, replication: 0, warmup: s(2), duration: s(10) },
    );
    expect(metrics.failures_response_timeout as number).toBeGreaterThan(10);
    expect(metrics.failures_connection_refused).toBe(0);
  });
});
