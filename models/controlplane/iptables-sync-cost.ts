import { ns, type Nanoseconds } from '../../src/engine/index.js';
import { fullRestoreLines, natTableRules, partialRestoreLines, type PartialRestore } from './iptables-restore-lines.js';

/** What one sync of one node has to write: the table as it will be, and what changed since the last sync. */
export interface IptablesSync extends PartialRestore {
  /** Endpoints of all Services (the rules kube-proxy computes, changed or not). */
  readonly endpoints: number;
  /** A full restore (the first sync, a failed partial one, the periodic full sync). */
  readonly full: boolean;
}

export interface IptablesSyncCostOptions {
  /** Compute before the restore, per endpoint of every Service (kube-proxy computes all rules, then skips unchanged ones). */
  readonly computeCostPerEndpoint: Nanoseconds;
  /** Wall time per line fed to iptables-restore. */
  readonly restoreCostPerLine: Nanoseconds;
  /** Legacy iptables replaces the whole table in the kernel at every commit: time per rule in the table. */
  readonly tableCostPerRule: Nanoseconds;
}


/** Lines the sync writes: all of them in a full sync, KUBE-SERVICES and the changes in a partial one. */
export function iptablesSyncLines(sync: IptablesSync): number {
  return sync.full ? fullRestoreLines(sync.services, sync.endpoints) : partialRestoreLines(sync);
}

/** How long one iptables sync takes on its node: compute, then the restore, then the kernel's table swap. */
export function iptablesSyncDuration(sync: IptablesSync, cost: IptablesSyncCostOptions): Nanoseconds {
  return ns(
    sync.endpoints * cost.computeCostPerEndpoint +
      iptablesSyncLines(sync) * cost.restoreCostPerLine +
      natTableRules(sync.services, sync.endpoints) * cost.tableCostPerRule,
  );
}
