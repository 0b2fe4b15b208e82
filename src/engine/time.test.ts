import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDuration, ms, parseDuration, roundHalfUp, s, us } from './time.js';

describe('time units', () => {
  it('builds integer nanoseconds from unit helpers', () => {
    expect(us(250)).toBe(250_000);
    expect(ms(1.5)).toBe(1_500_000);
    expect(s(2)).toBe(2_000_000_000);
    expect(Number.isInteger(ms(0.0000001))).toBe(true);
  });

  it('parses durations written as in Kubernetes configuration', () => {
    expect(parseDuration('250us')).toBe(250_000);
    expect(parseDuration('250µs')).toBe(250_000);
    expect(parseDuration('1.5ms')).toBe(1_500_000);
    expect(parseDuration('5m')).toBe(300 * 1e9);
    expect(parseDuration('1m30s')).toBe(90 * 1e9);
    expect(parseDuration('2h')).toBe(7200 * 1e9);
    expect(parseDuration('0')).toBe(0);
    expect(parseDuration('.5s')).toBe(500_000_000);
  });

  it('rejects a duration without a unit or with an unknown one', () => {
    for (const bad of ['5', '5 sec', '3d', '', 'ms', '-1s', '1s2']) {
      expect(() => parseDuration(bad)).toThrow(`got \`${bad}\``);
    }
  });

  it('formats nanoseconds as the largest exact unit', () => {
    expect(formatDuration(s(2))).toBe('2s');
    expect(formatDuration(ms(1.5))).toBe('1500us');
    expect(formatDuration(90 * 1e9)).toBe('90s');
    expect(formatDuration(7)).toBe('7ns');
    expect(parseDuration(formatDuration(ms(1.5)))).toBe(ms(1.5));
  });

  describe('roundHalfUp', () => {
    const same = (x: number): void => {
      const [ours, math] = [roundHalfUp(x), Math.round(x)];
      if (!Object.is(ours, math)) expect({ x, ours }).toEqual({ x, ours: math });
    };

    it('is Math.round for every double, ties, zeros, the 2^52 boundary and non-finite values included', () => {
      fc.assert(fc.property(fc.double(), same), { numRuns: 20_000 });
      fc.assert(fc.property(fc.double({ min: 0, max: 2 ** 53 }), same), { numRuns: 20_000 });
      fc.assert(fc.property(fc.integer({ min: -(2 ** 30), max: 2 ** 30 }), (n) => same(n / 2)), { numRuns: 20_000 });
      for (const x of [0, -0, 0.5, 1.5, 2.5, -0.5, -1.5, 0.49999999999999994, 2 ** 52 - 0.5, 2 ** 52 - 1.5, 2 ** 52, 2 ** 52 + 1, 2 ** 53, 5e-324, Number.NaN, Infinity, -Infinity, Number.MAX_VALUE]) {
        same(x);
      }
    });

    it('rounds ties up, as Math.round does, where adding 2^52 alone would round them to even', () => {
      expect([0.5, 1.5, 2.5, 3.5, 1e9 + 0.5].map(roundHalfUp)).toEqual([1, 2, 3, 4, 1e9 + 1]);
    });
  });
});
