import type { Nanoseconds } from '../../src/engine/index.js';
import { uniformIndex, type RandomStream } from '../../src/random/index.js';
import type { Connection } from '../core/connection.js';
import type { LookupCost, ProxyMode } from './proxy-mode.js';

/**
 * Lookups kube-proxy's nftables mode does for a first packet: the `services` verdict map,
 * the Service chain's numgen vmap for the endpoint, and the endpoint chain's masquerade check
 * and DNAT (kube-proxy pkg/proxy/nftables). Constant in the number of Services.
 */
export const NFTABLES_LOOKUPS = 4;

/**
 * nftables: verdict-map lookups, so the cost is the same at 100 or 30,000 Services; the
 * endpoint is a uniformly random one (numgen random mod n). On a remote endpoint's node the
 * DNATed packet misses the services map at once, a cost folded into `lookupCost`.
 */
export class NftablesMode implements ProxyMode {
  readonly usesConntrack = true;
  readonly nonServiceCpuPerConnection = 0;
  readonly unprogrammedReason = undefined;

  constructor(
    private readonly endpointStream: RandomStream,
    private readonly lookupCostNs: Nanoseconds,
  ) {}

  chooseEndpoint(_connection: Connection, endpoints: number): number {
    return uniformIndex(this.endpointStream, endpoints);
  }

  lookupCost(_connection: Connection, _crossNode: boolean, cost: LookupCost): void {
    cost.rules = NFTABLES_LOOKUPS;
    cost.clientNodeNs = this.lookupCostNs;
    cost.serverNodeNs = 0;
  }

  releaseSlot(): void {}

  warnings(): string[] {
    return [];
  }
}
