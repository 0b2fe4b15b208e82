import { describe, expect, it } from 'vitest';
import { KeyedPermutation, mix32 } from './keyed-permutation.js';

describe('KeyedPermutation', () => {
  it('is a bijection of [0, n) for sizes around powers of two and four', () => {
    for (const size of [1, 2, 3, 4, 5, 15, 16, 17, 63, 64, 65, 1000, 4097]) {
      const permutation = new KeyedPermutation(size, 12345);
      const seen = new Set<number>();
      for (let i = 0; i < size; i++) seen.add(permutation.at(i));
      expect(seen.size).toBe(size);
      expect(Math.min(...seen)).toBe(0);
      expect(Math.max(...seen)).toBe(size - 1);
    }
  });

  it('gives different orders for different keys and the same order for the same key', () => {
    const order = (key: number) => Array.from({ length: 50 }, (_, i) => new KeyedPermutation(50, key).at(i));
    expect(order(1)).toEqual(order(1));
    expect(order(2)).not.toEqual(order(1));
  });

  it('gives each tweak its own bijection', () => {
    const permutation = new KeyedPermutation(1000, 7);
    for (const tweak of [1, 2, 4999]) {
      const seen = new Set(Array.from({ length: 1000 }, (_, i) => permutation.at(i, tweak)));
      expect(seen.size).toBe(1000);
    }
    const order = (tweak: number) => Array.from({ length: 20 }, (_, i) => permutation.at(i, tweak));
    expect(order(1)).not.toEqual(order(2));
    expect(order(3)).toEqual(order(3));
  });

  it('places a given element uniformly over positions across keys (chi-square)', () => {
    // Over 20,000 keys, where element 0 lands among 10 positions should be uniform.
    // Chi-square with 9 degrees of freedom: 27.877 at significance 0.001 (NIST table).
    const size = 10;
    const counts = new Array(size).fill(0);
    for (let key = 0; key < 20_000; key++) {
      const permutation = new KeyedPermutation(size, key);
      for (let i = 0; i < size; i++) if (permutation.at(i) === 0) counts[i]++;
    }
    const expected = 20_000 / size;
    const chiSquare = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(27.877);
  });

  it('mixes 32-bit integers so that neighbouring inputs land far apart', () => {
    expect(mix32(1)).not.toBe(mix32(2));
    expect(Math.abs(mix32(1) - mix32(2))).toBeGreaterThan(1000);
  });
});
