import { describe, expect, it } from 'vitest';
import { scenarioValues } from '../../src/contract/scenario-values.js';
import { s } from '../../src/engine/index.js';
import { clusterModel } from '../cluster/cluster-model.js';
import { failureMetricName } from '../core/failure-reason.js';
import { failingResolverModel } from '../dns/testing/failing-resolver-model.js';
import { networkModel } from '../network/network-model.js';
import { proxyModel } from '../proxy/proxy-model.js';
import { workloadModel } from '../workload/workload-model.js';
import { composeScenario, declaredFailureReasons } from './compose-scenario.js';

/** The shipped models with the DNS model swapped for a resolver that fails one lookup in ten. */
const FAILING_DNS = composeScenario([clusterModel, workloadModel, networkModel, proxyModel, failingResolverModel(10)]);

const MODES: Array<Record<string, unknown>> = [
  { 'proxy.mode': 'iptables' },
  { 'proxy.mode': 'ipvs', 'proxy.ipvs.scheduler': 'rr' },
  { 'proxy.mode': 'ipvs', 'proxy.ipvs.scheduler': 'lc' },
  { 'proxy.mode': 'ipvs', 'proxy.ipvs.scheduler': 'sh' },
  { 'proxy.mode': 'nftables' },
  { 'proxy.mode': 'ebpf', 'proxy.ebpf.lbMapMax': 5_500 },
];

describe('request and connection lifecycles', () => {
  for (const mode of MODES) {
    it(`runs cleanly when one lookup in ten fails, and the failures_* counts add up to the errors (${Object.values(mode).join(' ')})`, () => {
      const values = scenarioValues(FAILING_DNS.parameters, {
        ...mode,
        'workload.requestsPerSecond': 1_000,
        'workload.requestsPerConnection': 1,
        'workload.connectTimeout': '1s',
        // A small conntrack table, so connections are also dropped after they took state.
        'cluster.nodes': 4,
        'proxy.conntrack.maxPerCore': 0,
        'proxy.conntrack.min': 1_500,
      });
      const { metrics } = FAILING_DNS.build(values, { seed: 1, replication: 0, warmup: s(1), duration: s(5) }).run();
      const started = (metrics.requests_completed as number) / (1 - (metrics.request_error_ratio as number));
      const failed = Math.round(started - (metrics.requests_completed as number));
      const byReason = declaredFailureReasons(FAILING_DNS.models).map((reason) => metrics[failureMetricName(reason)] as number);
      expect(byReason.reduce((sum, count) => sum + count, 0)).toBe(failed);
      // One lookup in ten fails; every request dials, so about a tenth of them fail that way.
      const resolverFailures = metrics.failures_test_resolver_failure as number;
      expect(resolverFailures / started).toBeGreaterThan(0.08);
      expect(resolverFailures / started).toBeLessThan(0.12);
    });
  }
});
