import { describe, expect, it } from 'vitest';
import { s } from '../../src/engine/index.js';
import { runScenario } from './testing/run-scenario.js';

/**
 * 500 nodes, 1,000 Services × 10 endpoints, a new connection per request, uniform popularity:
 * each (node, Service) virtual server sees a connection every ~25 s, so how a node's first
 * connections spread decides the balance. When every node started at endpoint 0 (the model
 * before each node had its own destination order), rr sent 63 % of connections to it and lc
 * 100 %; with every node's list in one order, this set-up gives 79 %. With each node's own
 * order (Go map order, kernel head insertion) every endpoint gets its share.
 */
const SPARSE_VIRTUAL_SERVERS = {
  'cluster.nodes': 500,
  'cluster.services': 1_000,
  'cluster.endpointsPerService': 10,
  'workload.clientPods': 15_000,
  'workload.zipfExponent': 0,
  'workload.requestsPerConnection': 1,
  'workload.requestsPerSecond': 20_000,
  // A constant service time, so the busiest pod is the one that got the most connections: with
  // the default lognormal, one 100 ms request decides the maximum over 10,000 pods.
  'workload.serviceTime': { dist: 'constant', value: '2ms' },
};

function balance(mode: Record<string, unknown>) {
  const connectionsByEndpoint = new Array<number>(10).fill(0);
  const { metrics } = runScenario({ ...SPARSE_VIRTUAL_SERVERS, ...mode }, { seed: 1, replication: 0, warmup: s(1), duration: s(10) }, {
    connected: (connection) => void (connection.measured && connectionsByEndpoint[connection.endpointIndex]++),
  });
  const total = connectionsByEndpoint.reduce((sum, count) => sum + count, 0);
  return { shares: connectionsByEndpoint.map((count) => count / total), maxPodUtilization: metrics.max_pod_utilization as number };
}

describe('IPVS balance over sparse virtual servers', () => {
  const nftables = balance({ 'proxy.mode': 'nftables' });

  for (const scheduler of ['rr', 'lc']) {
    it(`${scheduler}: each of a Service's 10 endpoints gets 10 % ± 1.5 % of its connections, and the busiest pod is as busy as with nftables (± 15 %)`, () => {
      const ipvs = balance({ 'proxy.mode': 'ipvs', 'proxy.ipvs.scheduler': scheduler });
      for (const share of ipvs.shares) expect(Math.abs(share - 0.1)).toBeLessThan(0.015);
      expect(Math.abs(ipvs.maxPodUtilization - nftables.maxPodUtilization) / nftables.maxPodUtilization).toBeLessThan(0.15);
    });
  }
});
