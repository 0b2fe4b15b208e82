import type { Nanoseconds } from '../../src/engine/index.js';
import type { Sampler } from '../../src/random/index.js';

/** Round trips between pods: same node or not, each drawn from its own stream. */
export class NetworkPaths {
  constructor(
    private readonly sameNode: Sampler,
    private readonly crossNode: Sampler,
    private readonly sameNodeMedian: Nanoseconds,
    private readonly crossNodeMedian: Nanoseconds,
  ) {}

  /** One round trip between a pod on `fromNode` and one on `toNode`, without proxy lookups. */
  roundTrip(fromNode: number, toNode: number): Nanoseconds {
    return Math.round((fromNode === toNode ? this.sameNode : this.crossNode).sample());
  }

  /** The typical (median) round trip of that path: a draw over it says how slow that packet was. */
  medianRoundTrip(fromNode: number, toNode: number): Nanoseconds {
    return fromNode === toNode ? this.sameNodeMedian : this.crossNodeMedian;
  }
}
