import { mix32 } from '../../src/random/index.js';

/**
 * The order of a Service's destinations in one node's IPVS virtual server. kube-proxy adds real
 * servers in Go map order (`newEndpoints.UnsortedList()` in pkg/proxy/ipvs/proxier.go since
 * kubernetes PR 121744) and the kernel inserts each at the head of `svc->destinations`
 * (`list_add_rcu` in ip_vs_ctl.c), so every node holds its own order, unrelated to endpoint
 * numbering. The model stands for it with an affine permutation keyed by (node, Service):
 * position p holds endpoint (start + stride·p) mod n, with start uniform and stride a unit mod
 * n. That keeps what the schedulers depend on — which endpoint comes first on a node, and
 * every endpoint exactly once around the list — at O(1) time and no memory per node.
 */
export class DestinationOrders {
  constructor(private readonly key: number) {}

  /** First endpoint index in the node's list (position 0). */
  start(node: number, service: number, endpoints: number): number {
    return this.seed(node, service) % endpoints;
  }

  /** The step between positions: a unit mod `endpoints`, so the list holds every endpoint once. */
  stride(node: number, service: number, endpoints: number): number {
    return strideOf(this.seed(node, service), endpoints);
  }

  /** Endpoint index at `position` of the node's list. */
  endpointAt(node: number, service: number, endpoints: number, position: number): number {
    const seed = this.seed(node, service);
    return ((seed % endpoints) + strideOf(seed, endpoints) * position) % endpoints;
  }

  /** Position of `endpoint` in the node's list (the inverse of endpointAt). */
  positionOf(node: number, service: number, endpoints: number, endpoint: number): number {
    const seed = this.seed(node, service);
    const offset = (endpoint - (seed % endpoints) + endpoints) % endpoints;
    return (offset * modularInverse(strideOf(seed, endpoints), endpoints)) % endpoints;
  }

  private seed(node: number, service: number): number {
    return mix32(mix32(this.key ^ mix32(node + 0x3c6ef372)) + service);
  }
}

/** The affine order of one (node, Service), with its inverse, for a scheduler that keeps state per position. */
export class AffineOrder {
  private readonly strideInverse: number;

  constructor(
    readonly start: number,
    readonly stride: number,
    readonly endpoints: number,
  ) {
    this.strideInverse = modularInverse(stride, endpoints);
  }

  endpointAt(position: number): number {
    return (this.start + this.stride * position) % this.endpoints;
  }

  positionOf(endpoint: number): number {
    return (((endpoint - this.start + this.endpoints) % this.endpoints) * this.strideInverse) % this.endpoints;
  }
}

/** A unit mod `endpoints` drawn from `seed`: the first one at or after a hashed start. */
function strideOf(seed: number, endpoints: number): number {
  if (endpoints <= 2) return 1;
  let stride = 1 + (mix32(seed ^ 0x68e31da4) % (endpoints - 1));
  while (greatestCommonDivisor(stride, endpoints) !== 1) stride = stride === endpoints - 1 ? 1 : stride + 1;
  return stride;
}

export function greatestCommonDivisor(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** x with a·x ≡ 1 (mod m), for a unit a (extended Euclid); 0 when m is 1. */
export function modularInverse(a: number, m: number): number {
  if (m === 1) return 0;
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const q = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}
