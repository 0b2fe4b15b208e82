import { describe, expect, it } from 'vitest';
import { testCluster } from './testing/test-cluster.js';
import { EndpointSlices, MAX_ENDPOINTS_PER_SLICE } from './endpoint-slices.js';
import { ProgrammedViews } from './programmed-views.js';

describe('Cluster placement', () => {
  const cluster = testCluster({ nodes: 7, services: 20, endpointsPerService: 5 });

  it('numbers the initial backend pods Service by Service', () => {
    expect(cluster.initialBackendPod(0, 0)).toBe(0);
    expect(cluster.initialBackendPod(3, 4)).toBe(19);
    expect(cluster.initialBackendPods).toBe(100);
  });

  it('spreads backend and client pods evenly over the nodes', () => {
    const perNode = new Array(7).fill(0);
    for (let pod = 0; pod < cluster.initialBackendPods; pod++) perNode[cluster.nodeOfBackendPod(pod)]++;
    for (let client = 0; client < 40; client++) perNode[cluster.nodeOfClient(client)]++;
    // 140 pods over 7 nodes: exactly 20 each.
    expect(perNode).toEqual([20, 20, 20, 20, 20, 20, 20]);
  });

  it('puts Service i and client pod i in namespace i mod namespaces, and counts each namespace\'s Services', () => {
    const spread = testCluster({ nodes: 7, services: 20, endpointsPerService: 5, namespaces: 3 });
    expect(spread.namespaceOfService(7)).toBe(1);
    expect(spread.namespaceOfClient(9)).toBe(0);
    // 20 Services over 3 namespaces: 0, 3, ..., 18 (7); 1, ..., 19 (7); 2, ..., 17 (6).
    expect([0, 1, 2].map((namespace) => spread.servicesInNamespace(namespace))).toEqual([7, 7, 6]);
  });

  it('makes about the asked share of Services headless, the same ones every time', () => {
    const cluster = testCluster({ nodes: 10, services: 10_000, endpointsPerService: 2, headlessServiceRatio: 0.2 });
    const headless = Array.from({ length: 10_000 }, (_, service) => cluster.isHeadless(service));
    // Binomial(10,000, 0.2): standard deviation 40; ± 5 of them.
    expect(Math.abs(headless.filter(Boolean).length - 2_000)).toBeLessThan(200);
    expect(testCluster({ nodes: 10, services: 10, endpointsPerService: 2 }).isHeadless(3)).toBe(false);
  });
});

describe('EndpointSlices', () => {
  it('holds a Service\'s endpoints in slices of at most 100, all ready at the start', () => {
    const slices = new EndpointSlices(testCluster({ nodes: 10, services: 3, endpointsPerService: 250 }));
    const endpoints = slices.latest(2);
    expect(endpoints.slices.map((slice) => slice.pods.length)).toEqual([MAX_ENDPOINTS_PER_SLICE, MAX_ENDPOINTS_PER_SLICE, 50]);
    expect(endpoints.slices.every((slice) => slice.ready.every((ready) => ready === 1))).toBe(true);
    expect([...endpoints.readyPods]).toEqual(Array.from({ length: 250 }, (_, rank) => 500 + rank));
    expect(endpoints.version).toBe(0);
  });

  it('computes an untouched Service\'s initial endpoints for every node, with no per-node copy and no per-Service object', () => {
    const cluster = testCluster({ nodes: 5_000, services: 30_000, endpointsPerService: 10 });
    const slices = new EndpointSlices(cluster);
    const views = new ProgrammedViews(slices, cluster.nodes);
    for (const node of [0, 1, 4_999]) {
      expect(views.endpointCount(node, 123)).toBe(10);
      expect(Array.from({ length: 10 }, (_, index) => views.endpointPod(node, 123, index))).toEqual([...slices.latest(123).readyPods]);
    }
    expect(slices.writtenVersion(123)).toBeUndefined();
    expect(views.versionOf(17)).toBe(0);
  });
});
