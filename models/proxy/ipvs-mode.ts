import type { Nanoseconds } from '../../src/engine/index.js';
import { mix32 } from '../../src/random/index.js';
import type { Connection } from '../core/connection.js';
import type { IpvsScheduler } from './ipvs-schedulers.js';
import type { LookupCost, ProxyMode } from './proxy-mode.js';

/** Buckets of the IPVS virtual-service table (IP_VS_SVC_TAB_BITS = 8 in ip_vs_ctl.c). */
export const IPVS_SERVICE_BUCKETS = 256;

export interface IpvsOptions {
  readonly services: number;
  readonly scheduler: IpvsScheduler;
  readonly connectionCost: Nanoseconds;
  readonly entryCost: Nanoseconds;
}

/**
 * Entries a lookup of each Service walks in its hash bucket: ip_vs_svc_hash adds a virtual
 * service at the head of its bucket's chain, so a Service is preceded by the ones created
 * after it in the same bucket; on average (S/256 + 1)/2 ≈ S/512 entries. Computed once, O(S).
 */
export function ipvsChainLengths(services: number): Int32Array {
  const walked = new Int32Array(services);
  const bucketSize = new Int32Array(IPVS_SERVICE_BUCKETS);
  for (let service = services - 1; service >= 0; service--) {
    const bucket = ipvsBucket(service);
    walked[service] = ++bucketSize[bucket];
  }
  return walked;
}

/** Bucket of a Service's virtual server (a stand-in for ip_vs_svc_hashkey over IP and port). */
export function ipvsBucket(service: number): number {
  return mix32(service + 0x1b873593) & (IPVS_SERVICE_BUCKETS - 1);
}

/**
 * kube-proxy IPVS mode: a hash lookup of the virtual server (walking its bucket's chain), the
 * scheduler's choice over the node's own destination order, and a fixed cost per new
 * connection; iptables is used only with ipsets, a constant number of rules. The endpoint's
 * node has nothing to look up (the DNATed packet is addressed to a pod). The virtual-service
 * chains are in creation order on every node.
 */
export class IpvsMode implements ProxyMode {
  readonly usesConntrack = true;
  readonly nonServiceCpuPerConnection = 0;
  readonly unprogrammedReason = undefined;
  private readonly walked: Int32Array;

  constructor(private readonly options: IpvsOptions) {
    this.walked = ipvsChainLengths(options.services);
  }

  chooseEndpoint(connection: Connection, endpoints: number): number {
    return this.options.scheduler.choose(connection, endpoints);
  }

  lookupCost(connection: Connection, _crossNode: boolean, cost: LookupCost): void {
    const entries = this.walked[connection.service];
    cost.rules = entries;
    cost.clientNodeNs = this.options.connectionCost + entries * this.options.entryCost;
    cost.serverNodeNs = 0;
  }

  /** No virtual server matches: a walk of one bucket's chain, ≈ S/256 entries, and no scheduling. */
  directLookupCost(_connection: Connection, _crossNode: boolean, cost: LookupCost): void {
    const entries = Math.ceil(this.options.services / IPVS_SERVICE_BUCKETS);
    cost.rules = entries;
    cost.clientNodeNs = entries * this.options.entryCost;
    cost.serverNodeNs = 0;
  }

  releaseSlot(connection: Connection): void {
    this.options.scheduler.release(connection, connection.endpointsChosenFrom);
  }

  warnings(): string[] {
    return [];
  }
}
