import { InputError } from '../../src/input-error.js';
import { mix32 } from '../../src/random/index.js';
import { ServiceLayout, type ResolvedClass } from './service-layout.js';

/** Where client pods run: spread over every node (node -1), or all on one node (a benchmark's client). */
export interface ClientPlacement {
  readonly node: number;
}

export const SPREAD: ClientPlacement = { node: -1 };

/** The cluster's shape, as the scenario resolved it. */
export interface ClusterShape {
  readonly nodes: number;
  readonly namespaces: number;
  readonly services: number;
  readonly endpointsPerService: number;
  readonly nodeCores: number;
  readonly headlessServiceRatio: number;
  /** The Service classes (`cluster.serviceClasses`); absent: one class of `services` × `endpointsPerService`. */
  readonly layout?: ServiceLayout;
  /** `workload.clientPlacement`; absent: spread. */
  readonly clientPlacement?: ClientPlacement;
}

/**
 * Where pods are, computed rather than stored so memory stays O(Services), never O(pods or
 * nodes) (docs/design.md, Scale). Backend pods are numbered Service by Service (ServiceLayout)
 * and spread round-robin over the nodes, as a scheduler balancing pod counts would: pod p sits
 * on node p mod nodes. Client pod c sits on node c mod nodes (`spread`), whatever the Services,
 * so a sweep over the Service count moves no client between nodes; or all on one node. Service
 * i and client pod i are in namespace i mod namespaces. Which pods back a Service is the
 * EndpointSlices' business (endpoint-slices.ts), not arithmetic here.
 */
export class Cluster {
  readonly nodes: number;
  readonly namespaces: number;
  readonly services: number;
  /** Endpoints per Service: the shorthand's, or with classes the mean (what a Service churn creates gets). */
  readonly endpointsPerService: number;
  readonly nodeCores: number;
  /** Backend pods that exist at the start (the churn model adds more, numbered after these). */
  readonly initialBackendPods: number;
  readonly layout: ServiceLayout;
  /** The node of every client pod, or -1 when they are spread. */
  private readonly clientNode: number;
  /** Services whose hash falls below this are headless (a fixed, keyless choice: the same Services at every point). */
  private readonly headlessBelow: number;

  constructor(shape: ClusterShape) {
    this.layout = shape.layout ?? ServiceLayout.oneClass(shape.services, shape.endpointsPerService);
    this.nodes = shape.nodes;
    this.namespaces = shape.namespaces;
    this.services = this.layout.services;
    this.endpointsPerService = shape.layout === undefined ? shape.endpointsPerService : this.layout.meanEndpoints;
    this.nodeCores = shape.nodeCores;
    this.initialBackendPods = this.layout.pods;
    this.headlessBelow = shape.headlessServiceRatio * 2 ** 32;
    this.clientNode = (shape.clientPlacement ?? SPREAD).node;
    if (this.clientNode >= this.nodes) {
      throw new InputError('workload.clientPlacement', `spread, or a node number below cluster.nodes (${this.nodes})`, this.clientNode);
    }
  }

  get classes(): readonly ResolvedClass[] {
    return this.layout.classes;
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

  /** Initial endpoints of `service`. */
  endpointsOf(service: number): number {
    return this.layout.endpointsOf(service);
  }

  /** Global number of the initial backend pod holding endpoint `rank` of `service`. */
  initialBackendPod(service: number, rank: number): number {
    return this.layout.firstPodOf(service) + rank;
  }

  nodeOfBackendPod(pod: number): number {
    return pod % this.nodes;
  }

  nodeOfClient(client: number): number {
    return this.clientNode >= 0 ? this.clientNode : client % this.nodes;
  }

  /** Which of the client pods on its node `client` is (0 for the first): spreads per-node choices. */
  clientSlotOnNode(client: number): number {
    return this.clientNode >= 0 ? client : Math.floor(client / this.nodes);
  }
}
