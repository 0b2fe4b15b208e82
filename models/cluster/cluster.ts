import { mix32 } from '../../src/random/index.js';

/** The cluster's shape, as the scenario resolved it. */
export interface ClusterShape {
  readonly nodes: number;
  readonly namespaces: number;
  readonly services: number;
  readonly endpointsPerService: number;
  readonly nodeCores: number;
  readonly headlessServiceRatio: number;
}

/**
 * Where pods are, computed rather than stored so memory stays O(1) in pods and nodes
 * (docs/design.md, Scale). Pods are numbered globally and spread round-robin over the nodes, as
 * a scheduler balancing pod counts would: the initial backend pod `service × endpointsPerService
 * + rank` and client pod `client` both sit on node `pod mod nodes` (clients offset by the
 * backend count so the two populations interleave). Service i and client pod i are in
 * namespace i mod namespaces. Which pods back a Service is the EndpointSlices' business
 * (endpoint-slices.ts), not arithmetic here.
 */
export class Cluster {
  readonly nodes: number;
  readonly namespaces: number;
  readonly services: number;
  readonly endpointsPerService: number;
  readonly nodeCores: number;
  /** Backend pods that exist at the start (the churn model adds more, numbered after these). */
  readonly initialBackendPods: number;
  /** Services whose hash falls below this are headless (a fixed, keyless choice: the same Services at every point). */
  private readonly headlessBelow: number;

  constructor(shape: ClusterShape) {
    this.nodes = shape.nodes;
    this.namespaces = shape.namespaces;
    this.services = shape.services;
    this.endpointsPerService = shape.endpointsPerService;
    this.nodeCores = shape.nodeCores;
    this.initialBackendPods = shape.services * shape.endpointsPerService;
    this.headlessBelow = shape.headlessServiceRatio * 2 ** 32;
  }

  namespaceOfService(service: number): number {
    return service % this.namespaces;
  }

  namespaceOfClient(client: number): number {
    return client % this.namespaces;
  }

  /** Services in `namespace`: those numbered namespace, namespace + k, namespace + 2k, ... */
  servicesInNamespace(namespace: number): number {
    return Math.floor((this.services - 1 - namespace) / this.namespaces) + 1;
  }

  /** Whether `service` is headless (clusterIP: None). */
  isHeadless(service: number): boolean {
    return this.headlessBelow > 0 && mix32(service ^ 0x2545f491) < this.headlessBelow;
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
