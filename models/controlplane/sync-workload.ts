/** What one node's sync has to do, as every mode's cost model reads it. */
export interface SyncWorkload {
  /** Services in the node's table after the sync. */
  readonly services: number;
  /** Endpoints of all Services after the sync. */
  readonly endpoints: number;
  /** Services whose endpoints changed since the node's last sync. */
  readonly changedServices: number;
  /** Endpoints those Services have after the sync. */
  readonly changedServiceEndpoints: number;
  /** Endpoints added or removed (a netlink operation each in IPVS, a map entry in eBPF, an element in nftables). */
  readonly endpointOperations: number;
  /** Endpoints that are gone (their iptables KUBE-SEP chains are deleted). */
  readonly removedEndpoints: number;
  /** A full rewrite rather than the changes only. */
  readonly full: boolean;
}

/** A proxy mode's sync duration for a workload: its control-plane cost model. */
export interface SyncCostModel {
  duration(sync: SyncWorkload): number;
}
