import { describe, expect, it } from 'vitest';
import { formatDuration, ms, parseDuration, s, us } from './time.js';

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
});
