import { describe, expect, it } from 'vitest';
import { toSeconds } from '../../src/engine/index.js';
import { proxyConfigWith } from '../proxy/testing/proxy-config-with.js';
import { iptablesSyncDuration, iptablesSyncLines, type IptablesSync } from './iptables-sync-cost.js';

/** The defaults of proxy.iptables.syncComputeCost, restoreLineCost and tableRuleCost. */
const { iptables } = proxyConfigWith();
const duration = (sync: IptablesSync) =>
  iptablesSyncDuration(sync, { computeCostPerEndpoint: iptables.syncComputeCost, restoreCostPerLine: iptables.restoreLineCost, tableCostPerRule: iptables.tableRuleCost });

describe('iptables sync cost (docs/calibration.md, iptables sync cost)', () => {
  // Issue 138073's partial sync: 3,595 Services, 138,792 endpoints; its log counts 50,941 lines
  // written. ~440 Services with ~11.6k endpoints changed gives that count (see the calibration doc).
  const reported = { services: 3_595, endpoints: 138_792, changedServices: 440, changedServiceEndpoints: 11_600, deletedChains: 0, full: false };

  it('reproduces the sync it was fitted to (2.84 s) within 5 %, the structure giving its line count', () => {
    expect(Math.abs(iptablesSyncLines(reported) - 50_941) / 50_941).toBeLessThan(0.02);
    expect(toSeconds(duration(reported))).toBeCloseTo(2.84, 1);
  });

  it('a full sync at 10k Services x 10 endpoints takes seconds; a one-Service partial one well under', () => {
    const base = { services: 10_000, endpoints: 100_000, changedServices: 1, changedServiceEndpoints: 10, deletedChains: 0 };
    const full = toSeconds(duration({ ...base, full: true }));
    const partial = toSeconds(duration({ ...base, full: false }));
    expect(full).toBeGreaterThan(8);
    expect(partial).toBeLessThan(full / 4);
    // Grows with the table even when one Service changes: compute and the kernel's table swap.
    const bigger = toSeconds(duration({ ...base, services: 20_000, endpoints: 200_000, full: false }));
    expect(bigger / partial).toBeGreaterThan(1.9);
  });
});
