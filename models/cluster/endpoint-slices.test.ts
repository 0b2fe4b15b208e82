import { describe, expect, it } from 'vitest';
import { Cluster } from './cluster.js';
import { EndpointSlices, MAX_ENDPOINTS_PER_SLICE } from './endpoint-slices.js';
import { ProgrammedViews } from './programmed-views.js';

describe('Cluster placement', () => {
  const cluster = new Cluster({ nodes: 7, services: 20, endpointsPerService: 5, nodeCores: 16 });

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
});

describe('EndpointSlices', () => {
  it('holds a Service\'s endpoints in slices of at most 100, all ready at the start', () => {
    const slices = new EndpointSlices(new Cluster({ nodes: 10, services: 3, endpointsPerService: 250, nodeCores: 16 }));
    const endpoints = slices.latest(2);
    expect(endpoints.slices.map((slice) => slice.pods.length)).toEqual([MAX_ENDPOINTS_PER_SLICE, MAX_ENDPOINTS_PER_SLICE, 50]);
    expect(endpoints.slices.every((slice) => slice.ready.every((ready) => ready === 1))).toBe(true);
    expect([...endpoints.readyPods]).toEqual(Array.from({ length: 250 }, (_, rank) => 500 + rank));
    expect(endpoints.version).toBe(0);
  });

  it('computes an untouched Service\'s initial endpoints for every node, with no per-node copy and no per-Service object', () => {
    const cluster = new Cluster({ nodes: 5_000, services: 30_000, endpointsPerService: 10, nodeCores: 16 });
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
