import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PoolTable } from './pool-table.js';

describe('PoolTable', () => {
  it('behaves as a Map for any sequence of sets, gets and deletes', () => {
    const key = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 2 ** 40 }), fc.constantFrom(0, 64, 128, 2 ** 32, 2 ** 32 + 64));
    const op = fc.tuple(fc.constantFrom('set', 'get', 'delete'), key, fc.integer());
    fc.assert(
      fc.property(fc.array(op, { maxLength: 2000 }), (ops) => {
        const table = new PoolTable<number>();
        const map = new Map<number, number>();
        for (const [kind, k, v] of ops) {
          if (kind === 'set') {
            table.set(k, v);
            map.set(k, v);
          } else if (kind === 'delete') {
            table.delete(k);
            map.delete(k);
          }
          expect(table.get(k)).toBe(map.get(k));
          expect(table.size).toBe(map.size);
        }
        for (const [k, v] of map) expect(table.get(k)).toBe(v);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every key through growth and deletions of keys sharing a home slot', () => {
    const table = new PoolTable<string>();
    const keys = Array.from({ length: 5000 }, (_, i) => i * 64);
    keys.forEach((k) => table.set(k, `v${k}`));
    keys.filter((_, i) => i % 3 === 0).forEach((k) => table.delete(k));
    keys.forEach((k, i) => expect(table.get(k)).toBe(i % 3 === 0 ? undefined : `v${k}`));
    expect(table.size).toBe(keys.length - Math.ceil(keys.length / 3));
  });
});
