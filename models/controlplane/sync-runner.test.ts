import { describe, expect, it } from 'vitest';
import { Simulation, ms, s, type Nanoseconds } from '../../src/engine/index.js';
import { SyncRunner } from './sync-runner.js';

/** Most sync starts in any half-open window [t, t + width) that begins at a start. */
function mostStartsInAnyWindow(starts: readonly Nanoseconds[], width: Nanoseconds): number {
  let most = 0;
  for (let i = 0; i < starts.length; i++) {
    let j = i;
    while (j < starts.length && starts[j] < starts[i] + width) j++;
    most = Math.max(most, j - i);
  }
  return most;
}

function runner(options: { minSyncPeriod: Nanoseconds; duration: Nanoseconds; maxInterval?: Nanoseconds }) {
  const sim = new Simulation();
  const starts: Nanoseconds[] = [];
  const sync = new SyncRunner(
    sim,
    { minSyncPeriod: options.minSyncPeriod, maxInterval: options.maxInterval ?? s(3600), burst: 2 },
    (start) => {
      starts.push(start);
      return options.duration;
    },
  );
  sync.start();
  return { sim, sync, starts };
}

describe('SyncRunner (kube-proxy BoundedFrequencyRunner, burst 2)', () => {
  it('100 changes within one minSyncPeriod: at most 2 syncs in any window, the rest coalesced', () => {
    const { sim, sync, starts } = runner({ minSyncPeriod: s(1), duration: ms(40) });
    const changes: Nanoseconds[] = [];
    for (let i = 0; i < 100; i++) {
      const at = ms(3) + i * ms(9.5); // 100 changes spread over 0.95 s
      changes.push(at);
      sim.scheduleAt(at, () => sync.request());
    }
    sim.run(s(20));
    expect(mostStartsInAnyWindow(starts, s(1))).toBeLessThanOrEqual(2);
    // Two at once (the burst), one more when a token comes back; 97 changes coalesced.
    expect(starts).toEqual([ms(3), ms(43), ms(1003)]);
    // Coalesced, not lost: the last change is followed by a sync that starts after it.
    expect(starts[starts.length - 1]).toBeGreaterThan(changes[changes.length - 1]);
  });

  it('keeps the burst rule under a steady stream of changes, at 1 s and at 10 s', () => {
    for (const period of [s(1), s(10)]) {
      const { sim, sync, starts } = runner({ minSyncPeriod: period, duration: ms(250) });
      for (let i = 0; i < 2_000; i++) sim.scheduleAt(i * ms(37), () => sync.request());
      sim.run(s(80));
      expect(mostStartsInAnyWindow(starts, period)).toBe(2);
      // Long-run rate: one sync per period after the burst.
      expect(starts.length).toBeLessThanOrEqual(2 + Math.ceil(s(74) / period));
      expect(starts.length).toBeGreaterThanOrEqual(Math.floor(s(74) / period));
    }
  });

  it('measures the period start to start: a sync longer than it is followed at once', () => {
    const { sim, sync, starts } = runner({ minSyncPeriod: s(1), duration: s(1.5) });
    for (let i = 0; i < 40; i++) sim.scheduleAt(i * ms(100), () => sync.request());
    sim.run(s(10));
    // Never overlapping, and the next starts as the last ends: the gap is eaten.
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBe(s(1.5));
  });

  it('syncs every maxInterval when nothing changes, and not before', () => {
    const { sim, starts } = runner({ minSyncPeriod: s(1), duration: ms(10), maxInterval: s(30) });
    sim.run(s(100));
    expect(starts).toEqual([s(30), s(60) + ms(10), s(90) + ms(20)]);
  });

  it('rejects a burst that is not a whole number of syncs', () => {
    const sim = new Simulation();
    expect(() => new SyncRunner(sim, { minSyncPeriod: s(1), maxInterval: s(30), burst: 0 }, () => 0)).toThrow(/burst/);
  });
});
