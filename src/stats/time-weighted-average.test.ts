import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { s } from '../engine/time.js';
import { TimeWeightedAverage } from './time-weighted-average.js';

describe('TimeWeightedAverage', () => {
  it('weights each value by how long it held', () => {
    // 0 for 10 ns, 2 for 20 ns, 5 for 10 ns: (0 + 40 + 50) / 40 = 2.25.
    const average = new TimeWeightedAverage(0);
    average.set(10, 2);
    average.set(30, 5);
    expect(average.mean(40)).toBe(2.25);
    expect(average.value).toBe(5);
  });

  it('gives a server busy 3 s of 10 s a utilization of 0.3', () => {
    const busy = new TimeWeightedAverage(0);
    busy.set(s(1), 1);
    busy.set(s(3), 0);
    busy.set(s(4), 1);
    busy.set(s(5), 0);
    expect(busy.mean(s(10))).toBeCloseTo(0.3, 15);
  });

  it('measures from a reset at warmup and keeps the value in force', () => {
    const queue = new TimeWeightedAverage(s(0), 7);
    queue.set(s(2), 5);
    queue.reset(s(10));
    expect(queue.mean(s(12))).toBe(5);
    queue.set(s(14), 1);
    // 5 for 4 s, then 1 for 4 s, measured from 10 s: (20 + 4) / 8 = 3.
    expect(queue.mean(s(18))).toBe(3);
  });

  it('starts from its own start time and initial value', () => {
    const connections = new TimeWeightedAverage(s(100), 4);
    connections.set(s(101), 8);
    expect(connections.mean(s(102))).toBe(6);
  });

  it('has no mean over an empty window', () => {
    const average = new TimeWeightedAverage(s(5), 3);
    expect(average.mean(s(5))).toBeUndefined();
    average.reset(s(9));
    expect(average.mean(s(9))).toBeUndefined();
  });

  it('lets several changes share one instant, keeping the last', () => {
    const average = new TimeWeightedAverage(0);
    average.set(10, 100);
    average.set(10, 1);
    expect(average.mean(20)).toBe(0.5);
  });

  it('refuses a time before the last change', () => {
    const average = new TimeWeightedAverage(0);
    average.set(50, 1);
    expect(() => average.set(49, 2)).toThrow('Expected a time >= 50 ns (the last change), got `49`');
    expect(() => average.mean(10)).toThrow(RangeError);
    expect(() => average.reset(10)).toThrow(RangeError);
  });

  it('stays between the smallest and largest value held in the window (property)', () => {
    const level = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    const steps = fc.array(fc.tuple(fc.integer({ min: 0, max: 1e12 }), level), { minLength: 1, maxLength: 50 });
    fc.assert(
      fc.property(level, steps, fc.integer({ min: 1, max: 1e12 }), (initial, changes, tail) => {
        const average = new TimeWeightedAverage(0, initial);
        let now = 0;
        for (const [elapsed, value] of changes) average.set((now += elapsed), value);
        const held = [initial, ...changes.map(([, value]) => value)];
        const mean = average.mean(now + tail) ?? Number.NaN;
        const slack = 1e-9 * Math.max(...held.map(Math.abs));
        expect(mean).toBeGreaterThanOrEqual(Math.min(...held) - slack);
        expect(mean).toBeLessThanOrEqual(Math.max(...held) + slack);
      }),
      { seed: 20240506, numRuns: 300 },
    );
  });
});
