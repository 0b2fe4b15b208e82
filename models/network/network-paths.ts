import type { Nanoseconds } from '../../src/engine/index.js';
import type { Sampler } from '../../src/random/index.js';

/** The "node" of a host outside the cluster (an external name's server). */
export const OUTSIDE_CLUSTER = -1;

/** One kind of path: its round trips and their median. */
export interface PathTimes {
  readonly sampler: Sampler;
  readonly median: Nanoseconds;
}

/**
 * Round trips between pods (same node or not) and to hosts outside the cluster, each from its
 * own stream. Another model's packets (DNS queries) draw from paths of their own (`forTraffic`),
 * so how many queries a lookup sends never shifts the draws of the requests' connections, and
 * points of a sweep keep their common random numbers.
 */
export class NetworkPaths {
  constructor(
    private readonly sameNode: PathTimes,
    private readonly crossNode: PathTimes,
    private readonly external: PathTimes,
    private readonly pathsFor: (traffic: string) => NetworkPaths = () => this,
  ) {}

  /** The same distributions, drawn from streams of `traffic`'s own (`network/<traffic>/...`). */
  forTraffic(traffic: string): NetworkPaths {
    return this.pathsFor(traffic);
  }

  /** One round trip between a pod on `fromNode` and one on `toNode` (or OUTSIDE_CLUSTER), without proxy lookups. */
  roundTrip(fromNode: number, toNode: number): Nanoseconds {
    return Math.round(this.path(fromNode, toNode).sampler.sample());
  }

  /** The typical (median) round trip of that path: a draw over it says how slow that packet was. */
  medianRoundTrip(fromNode: number, toNode: number): Nanoseconds {
    return this.path(fromNode, toNode).median;
  }

  private path(fromNode: number, toNode: number): PathTimes {
    if (toNode === OUTSIDE_CLUSTER) return this.external;
    return fromNode === toNode ? this.sameNode : this.crossNode;
  }
}
