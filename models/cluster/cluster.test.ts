import { describe, expect, it } from 'vitest';
import { Cluster } from './cluster.js';

const cluster = new Cluster({ nodes: 7, namespaces: 3, services: 20, endpointsPerService: 5, nodeCores: 16 });

describe('Cluster', () => {
  it('numbers backend pods service by service', () => {
    expect(cluster.backendPod(0, 0)).toBe(0);
    expect(cluster.backendPod(3, 4)).toBe(19);
    expect(cluster.backendPods).toBe(100);
  });

  it('spreads backend and client pods evenly over the nodes', () => {
    const perNode = new Array(7).fill(0);
    for (let pod = 0; pod < cluster.backendPods; pod++) perNode[cluster.nodeOfBackendPod(pod)]++;
    for (let client = 0; client < 40; client++) perNode[cluster.nodeOfClient(client)]++;
    // 140 pods over 7 nodes: exactly 20 each.
    expect(perNode).toEqual([20, 20, 20, 20, 20, 20, 20]);
  });

  it('puts Service i and client pod i in namespace i mod namespaces', () => {
    expect(cluster.namespaceOfService(7)).toBe(1);
    expect(cluster.namespaceOfClient(9)).toBe(0);
  });
});
