import type { Nanoseconds } from '../../src/engine/index.js';
import type { EndpointDraws } from './endpoint-draws.js';
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
    private readonly endpoints: EndpointDraws,
    private readonly lookupCostNs: Nanoseconds,
  ) {}

  chooseEndpoint(connection: Connection, endpoints: number): number {
    return this.endpoints.index(connection, endpoints);
  }

  lookupCost(_connection: Connection, _crossNode: boolean, cost: LookupCost): void {
    cost.rules = NFTABLES_LOOKUPS;
    cost.clientNodeNs = this.lookupCostNs;
    cost.serverNodeNs = 0;
  }

  /** The services map misses at once: the same handful of lookups. */
  directLookupCost(connection: Connection, crossNode: boolean, cost: LookupCost): void {
    this.lookupCost(connection, crossNode, cost);
  }

  releaseSlot(): void {}

  warnings(): string[] {
    return [];
  }
}
