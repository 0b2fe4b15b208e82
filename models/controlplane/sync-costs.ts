import { ns, type Nanoseconds } from '../../src/engine/index.js';
import type { ProxyModeName } from '../proxy/proxy-config.js';
import { IPTABLES_SYNC_COST_DEFAULTS, iptablesSyncDuration, type IptablesSyncCostOptions } from './iptables-sync-cost.js';
import type { SyncCostModel, SyncWorkload } from './sync-workload.js';

/**
 * nftables (docs/calibration.md, kube-proxy control plane): the proxier still walks every
 * Service at each sync, then sends only changed elements in one transaction. 14.1 µs per
 * Service is PR 126013's 141 ms to add one Service with 10k present (calibrated, one point);
 * 2 µs per element changed is an assumption.
 */
export const NFTABLES_SYNC_COST = { perService: ns(14_100), perEndpointOperation: ns(2_000) };
/**
 * IPVS: one netlink operation per real-server change, no batching (0.05–0.5 ms each [S/A]:
 * 0.2 ms taken), after the same per-endpoint compute as iptables (the proxier builds the same
 * endpoint maps) [A].
 */
export const IPVS_SYNC_COST = { perEndpoint: IPTABLES_SYNC_COST_DEFAULTS.computeCostPerEndpoint, perNetlinkOperation: ns(200_000) };
/** eBPF (Cilium): the agent updates its service and backend maps per change, with no whole-table pass; 10 µs per map update [A]. */
export const EBPF_SYNC_COST = { perMapUpdate: ns(10_000) };

/** The sync cost model of `mode`. */
export function syncCostModel(mode: ProxyModeName, iptables: IptablesSyncCostOptions = IPTABLES_SYNC_COST_DEFAULTS): SyncCostModel {
  switch (mode) {
    case 'iptables':
      return {
        duration: (sync: SyncWorkload): Nanoseconds =>
          iptablesSyncDuration({
            services: sync.services, endpoints: sync.endpoints, changedServices: sync.changedServices,
            changedServiceEndpoints: sync.changedServiceEndpoints, deletedChains: sync.removedEndpoints, full: sync.full,
          }, iptables),
      };
    case 'nftables':
      return { duration: (sync) => ns(sync.services * NFTABLES_SYNC_COST.perService + sync.endpointOperations * NFTABLES_SYNC_COST.perEndpointOperation) };
    case 'ipvs':
      return { duration: (sync) => ns(sync.endpoints * IPVS_SYNC_COST.perEndpoint + sync.endpointOperations * IPVS_SYNC_COST.perNetlinkOperation) };
    case 'ebpf':
      return { duration: (sync) => ns(sync.endpointOperations * EBPF_SYNC_COST.perMapUpdate) };
  }
}
