import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ACTIVE_CONNECTION_WEIGHT, LeastConnections } from './least-connections.js';

describe('LeastConnections (ip_vs_lc.c over one node\'s destination list)', () => {
  it('sends a new connection to the lowest activeconns × 256 + inactconns, the first position on ties', () => {
    const counts = new LeastConnections(3);
    expect([counts.assign(), counts.assign(), counts.assign()]).toEqual([0, 1, 2]);
    counts.close(1); // position 1: 0 active, 1 inactive → score 1, the others 256
    expect(counts.assign()).toBe(1);
    counts.close(2); // scores: 0 → 256, 1 → 257, 2 → 1
    counts.close(0); // 0 → 1, 1 → 257, 2 → 1: tie between 0 and 2 goes to the first position
    expect(counts.assign()).toBe(0);
  });

  it('weighs an inactive connection 1/256 of an active one, as ip_vs_dest_conn_overhead does', () => {
    const counts = new LeastConnections(2);
    counts.assign(); // position 0 active
    const second = counts.assign(); // position 1
    expect(second).toBe(1);
    counts.close(1);
    for (let i = 0; i < ACTIVE_CONNECTION_WEIGHT - 2; i++) {
      expect(counts.assign()).toBe(1); // 1's inactive ones are cheaper than 0's active one
      counts.close(1);
    }
    expect(counts.scoreOf(1)).toBe(ACTIVE_CONNECTION_WEIGHT - 1);
    counts.close(0); // now 0 scores 1: it wins
    expect(counts.assign()).toBe(0);
  });

  it('always picks a minimum score, first position on ties, whatever opens, closes and expiries come (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 300 }), (size, ops) => {
        const counts = new LeastConnections(size);
        const active = new Array<number>(size).fill(0);
        const inactive = new Array<number>(size).fill(0);
        const open: number[] = [];
        const closed: number[] = [];
        for (const op of ops) {
          if (op === 0 || open.length === 0) {
            const scores = active.map((a, i) => a * 256 + inactive[i]);
            const position = counts.assign();
            expect(position).toBe(scores.indexOf(Math.min(...scores)));
            active[position]++;
            open.push(position);
          } else if (op === 1 || closed.length === 0) {
            const position = open.splice(open.length >> 1, 1)[0];
            counts.close(position);
            active[position]--;
            inactive[position]++;
            closed.push(position);
          } else {
            const position = closed.shift() as number;
            counts.expire(position);
            inactive[position]--;
          }
        }
        expect(counts.connections).toBe(open.length + closed.length);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
