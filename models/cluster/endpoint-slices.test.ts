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
    const backends = new Array(7).fill(0);
    const clients = new Array(7).fill(0);
    for (let pod = 0; pod < cluster.initialBackendPods; pod++) backends[cluster.nodeOfBackendPod(pod)]++;
    for (let client = 0; client < 40; client++) clients[cluster.nodeOfClient(client)]++;
    // 100 backend pods over 7 nodes: 15 on the first two, 14 on the rest; 40 clients: 6 on the first five, 5 on two.
    expect(backends).toEqual([15, 15, 14, 14, 14, 14, 14]);
    expect(clients).toEqual([6, 6, 6, 6, 6, 5, 5]);
  });

  it('keeps every client pod on its node whatever the Services (a sweep over N changes only N)', () => {
    const larger = testCluster({ nodes: 7, services: 2_000, endpointsPerService: 3 });
    for (let client = 0; client < 40; client++) expect(larger.nodeOfClient(client)).toBe(cluster.nodeOfClient(client));
  });

  it('puts every client pod on one node when told to', () => {
    const benchmark = testCluster({ nodes: 7, services: 20, endpointsPerService: 5, clientPlacement: { node: 3 } });
    expect(new Set(Array.from({ length: 40 }, (_, client) => benchmark.nodeOfClient(client)))).toEqual(new Set([3]));
    expect(() => testCluster({ nodes: 7, services: 20, endpointsPerService: 5, clientPlacement: { node: 7 } })).toThrow(/workload.clientPlacement/);
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

describe('EndpointSlices under change: versions, views and forgetting', () => {
  const state = (pods: number[], flags: { ready?: number[]; serving?: number[]; terminating?: number[] } = {}) => ({
    pods: Int32Array.from(pods),
    ready: Uint8Array.from(flags.ready ?? pods.map(() => 1)),
    serving: Uint8Array.from(flags.serving ?? pods.map(() => 1)),
    terminating: Uint8Array.from(flags.terminating ?? pods.map(() => 0)),
  });

  it('each node routes with the version of its last sync; a terminating pod only when none is ready', () => {
    const cluster = testCluster({ nodes: 3, services: 4, endpointsPerService: 2 });
    const slices = new EndpointSlices(cluster);
    const views = new ProgrammedViews(slices, cluster.nodes);
    // Service 1 (pods 2, 3): pod 2 terminates, then pod 3 too, with no replacement.
    const first = slices.write(1, state([2, 3], { ready: [0, 1], terminating: [1, 0] }), 5);
    const second = slices.write(1, state([2, 3], { ready: [0, 0], terminating: [1, 1] }), 9);
    expect([first.version, second.version, first.changedSlices]).toEqual([1, 2, 1]);
    views.advance(1, 1);
    views.advance(2, 2);
    const podsSeenBy = (node: number) => Array.from({ length: views.endpointCount(node, 1) }, (_, i) => views.endpointPod(node, 1, i));
    expect(podsSeenBy(0)).toEqual([2, 3]); // still the initial state
    expect(podsSeenBy(1)).toEqual([3]);
    expect(podsSeenBy(2)).toEqual([2, 3]); // none ready: the serving terminating ones (KEP-1669)
    expect([...slices.versionsBetween(0, 2)].map((v) => v.triggerTime)).toEqual([5, 9]);
    expect(() => views.advance(2, 1)).toThrow(/cannot go back/);
  });

  it('counts slice writes: only the slices whose contents changed, and a vanished slice', () => {
    const cluster = testCluster({ nodes: 3, services: 1, endpointsPerService: 250 });
    const slices = new EndpointSlices(cluster);
    const pods = Array.from({ length: 250 }, (_, i) => i);
    const lastPodGone = slices.write(0, state(pods.slice(0, 249)), 1);
    expect(lastPodGone.changedSlices).toBe(1);
    expect(lastPodGone.slices[0]).toBe(slices.latest(0).slices[0]);
    const shrunk = slices.write(0, state(pods.slice(0, 150)), 2);
    expect(shrunk.changedSlices).toBe(2); // the second slice rewritten, the third deleted
    expect(shrunk.slices.map((s) => s.generation)).toEqual([1, 2]);
  });

  it('forgets versions no consumer can read, and keeps the ones a lagging node routes with', () => {
    const cluster = testCluster({ nodes: 2, services: 2, endpointsPerService: 1 });
    const slices = new EndpointSlices(cluster);
    const views = new ProgrammedViews(slices, cluster.nodes);
    for (let i = 1; i <= 6; i++) slices.write(i % 2, state([100 + i]), i);
    views.advance(0, 6);
    views.advance(1, 3); // node 1 lags: Service 1 as of change 3 (pod 103), Service 0 as of 2 (pod 102)
    slices.forgetBefore(views.oldestProgrammed());
    expect(views.endpointPod(1, 1, 0)).toBe(103);
    expect(views.endpointPod(1, 0, 0)).toBe(102);
    expect(slices.latest(1).previous?.version).toBe(3);
    expect(slices.latest(1).previous?.previous).toBeUndefined(); // change 1 is gone
    expect(() => [...slices.versionsBetween(2, 6)]).toThrow(/forgotten/);
    expect([...slices.versionsBetween(3, 6)].map((v) => v.version)).toEqual([4, 5, 6]);
  });
});
