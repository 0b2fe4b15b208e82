import type { RandomStream } from '../../src/random/random-stream.js';
import { uniformIndexSampler, type Sampler } from '../../src/random/index.js';
import { us, type Nanoseconds } from '../../src/engine/time.js';
import type { Connection } from '../workload/connection.js';
import type { DataPlane } from './data-plane.js';

/**
 * The first scenario's data plane: a uniformly random endpoint and the same lookup cost for
 * every new connection. 1 µs is what a Service adds per connection over dialling the pod IP
 * in nftables mode with few Services (netperf TCP_CRR 57.6 vs 56.6 µs, KEP-4963,
 * CALIBRATION.md). The proxy model (iptables, IPVS, nftables, eBPF) replaces this.
 */
export const CONSTANT_LOOKUP_COST: Nanoseconds = us(1);

export class ConstantCostDataPlane implements DataPlane {
  private readonly endpointChoice: Sampler;

  constructor(
    stream: RandomStream,
    endpointsPerService: number,
    private readonly cost: Nanoseconds = CONSTANT_LOOKUP_COST,
  ) {
    this.endpointChoice = uniformIndexSampler(stream, endpointsPerService);
  }

  connect(connection: Connection): number {
    connection.endpointRank = this.endpointChoice.sample();
    return this.cost;
  }
}
