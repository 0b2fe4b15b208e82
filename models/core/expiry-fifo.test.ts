import { describe, expect, it } from 'vitest';
import { ExpiryFifo } from './expiry-fifo.js';

describe('ExpiryFifo', () => {
  it('gives back payloads in order as their times pass, growing as needed', () => {
    const fifo = new ExpiryFifo({ payloads: true });
    for (let i = 0; i < 1_000; i++) fifo.push(i * 10, i);
    expect(fifo.length).toBe(1_000);
    expect(fifo.expire(95)).toBe(10);
    expect(fifo.hasExpired(99)).toBe(false);
    expect(fifo.hasExpired(100)).toBe(true);
    expect(fifo.shift()).toBe(10);
    expect(fifo.length).toBe(989);
  });

  it('wraps around its ring without losing order', () => {
    const fifo = new ExpiryFifo({ payloads: true });
    let next = 0;
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 40; i++) fifo.push(round * 100 + i, round * 100 + i);
      for (let i = 0; i < 40; i++) expect(fifo.shift()).toBe(next++ === round * 100 + i ? round * 100 + i : -1);
      next = (round + 1) * 100;
    }
  });

  it('keeps its order when it grows while wrapped around', () => {
    const fifo = new ExpiryFifo({ payloads: true });
    for (let i = 0; i < 6; i++) fifo.push(i, i);
    for (let i = 0; i < 4; i++) expect(fifo.shift()).toBe(i);
    for (let i = 6; i < 30; i++) fifo.push(i, i); // wraps past the end of the first 8 slots, then grows twice
    expect(Array.from({ length: 26 }, () => fifo.shift())).toEqual(Array.from({ length: 26 }, (_, i) => i + 4));
  });

  it('refuses times that go backwards, which would break its order', () => {
    const fifo = new ExpiryFifo();
    fifo.push(10);
    expect(() => fifo.push(5)).toThrow('times must not decrease');
  });
});
