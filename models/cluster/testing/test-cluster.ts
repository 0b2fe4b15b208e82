import { Cluster, type ClusterShape } from '../cluster.js';

/** A cluster for unit tests: one namespace and no headless Services unless a test says otherwise. */
export function testCluster(shape: Pick<ClusterShape, 'nodes' | 'services' | 'endpointsPerService'> & Partial<ClusterShape>): Cluster {
  return new Cluster({ namespaces: 1, nodeCores: 16, headlessServiceRatio: 0, ...shape });
}
