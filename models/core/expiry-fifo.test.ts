import { describe, expect, it } from 'vitest';
import { ExpiryFifo } from './expiry-fifo.js';

describe('ExpiryFifo', () => {
  it('gives back payloads in order as their times pass, growing as needed', () => {
    const fifo = new ExpiryFifo();
    for (let i = 0; i < 1_000; i++) fifo.push(i * 10, i);
    expect(fifo.length).toBe(1_000);
    expect(fifo.expire(95)).toBe(10);
    expect(fifo.hasExpired(99)).toBe(false);
    expect(fifo.hasExpired(100)).toBe(true);
    expect(fifo.shift()).toBe(10);
    expect(fifo.length).toBe(989);
  });

  it('wraps around its ring without losing order', () => {
    const fifo = new ExpiryFifo();
    let next = 0;
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 40; i++) fifo.push(round * 100 + i, round * 100 + i);
      for (let i = 0; i < 40; i++) expect(fifo.shift()).toBe(next++ === round * 100 + i ? round * 100 + i : -1);
      next = (round + 1) * 100;
    }
  });

  it('refuses times that go backwards, which would break its order', () => {
    const fifo = new ExpiryFifo();
    fifo.push(10);
    expect(() => fifo.push(5)).toThrow('times must not decrease');
  });
});
