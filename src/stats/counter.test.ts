import { describe, expect, it } from 'vitest';
import { Counter } from './counter.js';

describe('Counter', () => {
  it('starts at zero and adds each increment', () => {
    const counter = new Counter('requests_completed');
    expect(counter.value).toBe(0);
    counter.increment();
    counter.increment(4);
    expect(counter.value).toBe(5);
    expect(counter.name).toBe('requests_completed');
  });

  it('starts again from zero after a reset', () => {
    const counter = new Counter('dns_timeouts');
    counter.increment(3);
    counter.reset();
    counter.increment();
    expect(counter.value).toBe(1);
  });

  it('refuses to go down', () => {
    const counter = new Counter('dns_timeouts');
    expect(() => counter.increment(-1)).toThrow(
      'Expected counter `dns_timeouts` to grow by a number >= 0, got `-1`',
    );
    expect(() => counter.increment(Number.NaN)).toThrow(RangeError);
    expect(counter.value).toBe(0);
  });
});
