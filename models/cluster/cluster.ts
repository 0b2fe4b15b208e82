/** The cluster's shape, as the scenario resolved it. */
export interface ClusterConfig {
  readonly nodes: number;
  readonly namespaces: number;
  readonly services: number;
  readonly endpointsPerService: number;
  readonly nodeCores: number;
}

/**
 * Where pods and Services are, computed rather than stored so memory stays O(1) in pods and
 * nodes (DESIGN.md §5). Pods are numbered globally and spread round-robin over the nodes, as
 * a scheduler balancing pod counts would: backend pod `service × endpointsPerService + rank`
 * and client pod `client` both sit on node `pod mod nodes` (clients offset by the backend
 * count so the two populations interleave). Service i and client pod i are in namespace
 * i mod namespaces.
 */
export class Cluster {
  readonly nodes: number;
  readonly services: number;
  readonly endpointsPerService: number;
  readonly namespaces: number;
  readonly nodeCores: number;
  readonly backendPods: number;

  constructor(config: ClusterConfig) {
    this.nodes = config.nodes;
    this.services = config.services;
    this.endpointsPerService = config.endpointsPerService;
    this.namespaces = config.namespaces;
    this.nodeCores = config.nodeCores;
    this.backendPods = config.services * config.endpointsPerService;
  }

  /** Global number of the backend pod holding endpoint `rank` of `service`. */
  backendPod(service: number, rank: number): number {
    return service * this.endpointsPerService + rank;
  }

  nodeOfBackendPod(pod: number): number {
    return pod % this.nodes;
  }

  nodeOfClient(client: number): number {
    return (this.backendPods + client) % this.nodes;
  }

  namespaceOfService(service: number): number {
    return service % this.namespaces;
  }

  namespaceOfClient(client: number): number {
    return client % this.namespaces;
  }
}
