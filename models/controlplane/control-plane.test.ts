import { describe, expect, it } from 'vitest';
import { ms, s, toMilliseconds, us } from '../../src/engine/index.js';
import { controlPlane, dialThroughViews } from './testing/control-plane-harness.js';

const base = { nodes: 50, services: 200, endpointsPerService: 10, mode: 'iptables' as const, minSyncPeriod: s(1) };

describe('control plane: churn → EndpointSlices → watch → per-node syncs', () => {
  it('no churn: no sync, no programming-latency sample, every node on the initial state', () => {
    const run = controlPlane({ ...base, podReplacementsPerSecond: 0 });
    run.sim.run(s(120));
    expect(run.syncs.syncDurations.count).toBe(0);
    expect(run.syncs.programmingLatencies.count).toBe(0);
    expect(run.views.oldestProgrammed()).toBe(0);
  });

  it('programs every write on every node, each no sooner than watch delay + its sync', () => {
    const run = controlPlane({ ...base, podReplacementsPerSecond: 2, costPerWatcher: us(2), deliveryDelay: ms(1) });
    run.sim.run(s(60));
    run.sim.run(s(90)); // let the last syncs finish (writes continue; programmed ones are counted)
    expect(run.writes.length).toBeGreaterThan(300);
    // Every slice write reached every node: samples = Σ changed slices × nodes, for the programmed ones.
    const programmedEverywhere = run.writes.filter((w) => w.version <= run.views.oldestProgrammed());
    const slicesWritten = programmedEverywhere.reduce((n, w) => n + w.changedSlices, 0);
    expect(run.syncs.programmingLatencies.count).toBeGreaterThanOrEqual(slicesWritten * base.nodes);
    const fastestSync = run.syncs.syncDurations.min ?? 0;
    expect(fastestSync).toBeGreaterThan(0);
    expect(run.syncs.programmingLatencies.min).toBeGreaterThanOrEqual(ms(1) + us(2) + fastestSync);
  });

  it('raising minSyncPeriod from 1 s to 10 s raises programming latency p50', () => {
    const p50 = (minSyncPeriod: number) => {
      const run = controlPlane({ ...base, podReplacementsPerSecond: 2, minSyncPeriod });
      run.sim.run(s(120));
      return toMilliseconds(run.syncs.programmingLatencies.quantile(0.5) ?? 0);
    };
    const fast = p50(s(1));
    const slow = p50(s(10));
    // At 1 s a sync waits ≈ 0.5 s for its token on average; at 10 s ≈ 5 s.
    expect(fast).toBeLessThan(1_000);
    expect(slow).toBeGreaterThan(2_000);
  });

  it('is deterministic: the same seed gives the same samples', () => {
    const once = () => {
      const run = controlPlane({ ...base, podReplacementsPerSecond: 3, seed: 9 });
      run.sim.run(s(30));
      return [run.syncs.syncDurations.count, run.syncs.programmingLatencies.quantile(0.99), run.writes.length];
    };
    expect(once()).toEqual(once());
  });
});

describe('stale endpoints: what new connections meet while nodes catch up', () => {
  function dialDuringChurn(preStopDelay: number) {
    const run = controlPlane({ nodes: 20, services: 10, endpointsPerService: 10, mode: 'iptables', minSyncPeriod: s(1), podReplacementsPerSecond: 1, preStopDelay });
    const counts = dialThroughViews(run, 500, [...Array(10).keys()]);
    run.sim.run(s(120));
    return { counts, largestLatency: run.syncs.programmingLatencies.max ?? 0 };
  }

  it('a preStop delay longer than the largest programming latency cuts refused connections by at least 99 %', () => {
    const bare = dialDuringChurn(0);
    const covered = dialDuringChurn(s(5));
    expect(covered.largestLatency).toBeLessThan(s(5));
    expect(bare.counts.refused).toBeGreaterThan(100);
    expect(covered.counts.refused).toBeLessThanOrEqual(bare.counts.refused * 0.01);
    // No pod is dialled after it exits: every node drops it long before (5 s + 1 s shutdown).
    expect(covered.counts.gone).toBe(0);
  });
});
