import { ns, type Nanoseconds } from '../../src/engine/index.js';
import type { ProxyConfig } from '../proxy/proxy-config.js';
import { iptablesSyncDuration } from './iptables-sync-cost.js';
import type { SyncCostModel, SyncWorkload } from './sync-workload.js';

/**
 * The sync cost model of the configured mode (docs/calibration.md, iptables sync duration and
 * Other modes' sync cost, and the watch fan-out); the costs are `proxy.<mode>.*` parameters:
 * - iptables: compute per endpoint of every Service, lines restored, the kernel's table copy;
 * - nftables: a pass over every Service, then a cost per element changed, in one transaction;
 * - IPVS: the same compute per endpoint as iptables (the proxier builds the same endpoint maps),
 *   then one netlink operation per real server added or removed, not batched;
 * - eBPF (Cilium): a map update per endpoint added or removed, with no whole-table pass.
 */
export function syncCostModel(proxy: ProxyConfig): SyncCostModel {
  const { iptables, ipvs, nftables, ebpf } = proxy;
  switch (proxy.mode) {
    case 'iptables': {
      const cost = { computeCostPerEndpoint: iptables.syncComputeCost, restoreCostPerLine: iptables.restoreLineCost, tableCostPerRule: iptables.tableRuleCost };
      return {
        duration: (sync: SyncWorkload): Nanoseconds =>
          iptablesSyncDuration({
            services: sync.services, endpoints: sync.endpoints, changedServices: sync.changedServices,
            changedServiceEndpoints: sync.changedServiceEndpoints, deletedChains: sync.removedEndpoints, full: sync.full,
          }, cost),
      };
    }
    case 'nftables':
      return { duration: (sync) => ns(sync.services * nftables.syncServiceCost + sync.endpointOperations * nftables.elementCost) };
    case 'ipvs':
      return { duration: (sync) => ns(sync.endpoints * iptables.syncComputeCost + sync.endpointOperations * ipvs.netlinkOperationCost) };
    case 'ebpf':
      return { duration: (sync) => ns(sync.endpointOperations * ebpf.mapUpdateCost) };
  }
}
