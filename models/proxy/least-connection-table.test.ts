import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LeastConnectionTable } from './least-connection-table.js';

describe('LeastConnectionTable (lc counters of every (node, Service) pair)', () => {
  it('gives the same choices as a plain score list, inline or on a heap, whatever the opens, closes and expiries (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 14 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), { maxLength: 400 }), (destinations, ops) => {
        const table = new LeastConnectionTable();
        const pairs = [0, 1, 2].map(() => ({ active: new Array<number>(destinations).fill(0), inactive: new Array<number>(destinations).fill(0), open: [] as number[], closed: [] as number[] }));
        for (const [op, pairIndex] of ops) {
          const pair = pairs[pairIndex];
          const key = pairIndex * 1_000_003;
          if (op === 0 || (pair.open.length === 0 && pair.closed.length === 0)) {
            const scores = pair.active.map((a, i) => a * 256 + pair.inactive[i]);
            const position = table.assign(key, destinations);
            expect(position).toBe(scores.indexOf(Math.min(...scores)));
            pair.active[position]++;
            pair.open.push(position);
          } else if ((op === 1 && pair.open.length > 0) || pair.closed.length === 0) {
            const position = pair.open.splice(pair.open.length >> 1, 1)[0];
            table.close(key, position);
            pair.active[position]--;
            pair.inactive[position]++;
            pair.closed.push(position);
          } else {
            const position = pair.closed.shift() as number;
            table.expire(key, position);
            pair.inactive[position]--;
          }
        }
        const counted = pairs.filter((pair) => pair.open.length + pair.closed.length > 0).length;
        expect(table.pairs).toBe(counted);
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('forgets a pair once nothing is counted, and reuses its slot', () => {
    const table = new LeastConnectionTable();
    expect(table.assign(5, 10)).toBe(0);
    table.close(5, 0);
    table.expire(5, 0);
    expect(table.pairs).toBe(0);
    expect(table.assign(6, 10)).toBe(0);
    expect(table.pairs).toBe(1);
  });
});
