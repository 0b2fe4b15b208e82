/** The cluster's shape, as the scenario resolved it. */
export interface ClusterShape {
  readonly nodes: number;
  readonly services: number;
  readonly endpointsPerService: number;
  readonly nodeCores: number;
}

/**
 * Where pods are, computed rather than stored so memory stays O(1) in pods and nodes
 * (docs/design.md, Scale). Pods are numbered globally and spread round-robin over the nodes, as
 * a scheduler balancing pod counts would: the initial backend pod `service × endpointsPerService
 * + rank` and client pod `client` both sit on node `pod mod nodes` (clients offset by the
 * backend count so the two populations interleave). Which pods back a Service is the
 * EndpointSlices' business (endpoint-slices.ts), not arithmetic here.
 */
export class Cluster {
  readonly nodes: number;
  readonly services: number;
  readonly endpointsPerService: number;
  readonly nodeCores: number;
  /** Backend pods that exist at the start (the churn model adds more, numbered after these). */
  readonly initialBackendPods: number;

  constructor(shape: ClusterShape) {
    this.nodes = shape.nodes;
    this.services = shape.services;
    this.endpointsPerService = shape.endpointsPerService;
    this.nodeCores = shape.nodeCores;
    this.initialBackendPods = shape.services * shape.endpointsPerService;
  }

  /** Global number of the initial backend pod holding endpoint `rank` of `service`. */
  initialBackendPod(service: number, rank: number): number {
    return service * this.endpointsPerService + rank;
  }

  nodeOfBackendPod(pod: number): number {
    return pod % this.nodes;
  }

  nodeOfClient(client: number): number {
    return (this.initialBackendPods + client) % this.nodes;
  }
}
