import type { Nanoseconds } from '../../src/engine/index.js';
import type { EndpointDraws } from './endpoint-draws.js';
import type { Connection } from '../core/connection.js';
import type { LookupCost, ProxyMode } from './proxy-mode.js';

/** Lookups at connect(): the Service entry and one backend slot. */
export const EBPF_LOOKUPS = 2;

export interface EbpfOptions {
  readonly services: number;
  /** Map entries Service `s` needs: ports × (1 + endpoints). */
  readonly entriesOf: (service: number) => number;
  readonly lbMapMax: number;
  readonly lookupCost: Nanoseconds;
  readonly endpoints: EndpointDraws;
}

/**
 * How many Services fit in the eBPF LB map, filled in creation order: each takes one entry
 * per port for the Service and one per backend and port (docs/calibration.md: ≈ 1 + endpoints
 * per Service port). The first Service that does not fit ends the filling.
 */
export function programmedServices(services: number, entriesOf: (service: number) => number, lbMapMax: number): number {
  let used = 0;
  for (let service = 0; service < services; service++) {
    used += entriesOf(service);
    if (used > lbMapMax) return service;
  }
  return services;
}

/**
 * eBPF socket-LB (Cilium's kube-proxy replacement): connect() looks the Service up in a BPF
 * map and connects straight to a backend, so there is no per-packet NAT and no nf_conntrack
 * entry for the translation, and the cost does not grow with the Service count. The map has a
 * fixed size; Services that did not fit are not programmed, and a connection to one goes to a
 * ClusterIP nothing translates: its SYNs are lost and the client gives up at its connect timeout.
 */
export class EbpfMode implements ProxyMode {
  readonly usesConntrack = false;
  readonly nonServiceCpuPerConnection = 0;
  readonly unprogrammedReason = 'not_in_ebpf_map' as const;
  private readonly programmed: number;

  constructor(private readonly options: EbpfOptions) {
    this.programmed = programmedServices(options.services, options.entriesOf, options.lbMapMax);
  }

  /**
   * Whether `service` (numbered in creation order) got its map entries. System Services numbered
   * past the workload's (kube-dns) were created with the cluster, first, so they always fit.
   */
  isProgrammed(service: number): boolean {
    return service < this.programmed || service >= this.options.services;
  }

  chooseEndpoint(connection: Connection, endpoints: number): number | undefined {
    if (!this.isProgrammed(connection.service)) return undefined;
    return this.options.endpoints.index(connection, endpoints);
  }

  lookupCost(_connection: Connection, _crossNode: boolean, cost: LookupCost): void {
    cost.rules = EBPF_LOOKUPS;
    cost.clientNodeNs = this.options.lookupCost;
    cost.serverNodeNs = 0;
  }

  /** The connect() hook finds no Service for the address: one map lookup. */
  directLookupCost(connection: Connection, crossNode: boolean, cost: LookupCost): void {
    this.lookupCost(connection, crossNode, cost);
    cost.rules = 1;
  }

  releaseSlot(): void {}

  warnings(): string[] {
    const { services, lbMapMax } = this.options;
    if (this.programmed === services) return [];
    return [
      `${services - this.programmed} of ${services} Services did not fit in the eBPF LB map ` +
        `(proxy.ebpf.lbMapMax ${lbMapMax}; each Service takes (1 + endpoints) entries per port, filled in creation order): ` +
        'connections to them failed after workload.connectTimeout.',
    ];
  }
}
