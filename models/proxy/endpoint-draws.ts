import { uniformIndex, type RandomStream } from '../../src/random/index.js';
import type { Connection } from '../core/connection.js';

/**
 * The random endpoint choices of the modes that pick uniformly (iptables' probability cascade,
 * nftables' numgen, eBPF's backend slot). The workload's connections and the system Services'
 * flows (kube-dns, numbered from `firstSystemService`) draw from separate streams, so how many
 * DNS flows a lookup opens never moves the endpoints the requests' connections get: points of
 * a sweep over DNS settings keep their common random numbers (docs/design.md, Determinism).
 */
export class EndpointDraws {
  constructor(
    private readonly workload: RandomStream,
    private readonly system: RandomStream,
    private readonly firstSystemService: number,
  ) {}

  /** An index among `count` endpoints, each equally likely. */
  index(connection: Connection, count: number): number {
    return uniformIndex(connection.service >= this.firstSystemService ? this.system : this.workload, count);
  }
}

/** Every choice from one stream (for unit tests of a mode). */
export function endpointDrawsFrom(stream: RandomStream): EndpointDraws {
  return new EndpointDraws(stream, stream, Number.POSITIVE_INFINITY);
}
