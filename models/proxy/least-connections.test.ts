import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LeastConnections } from './least-connections.js';

describe('LeastConnections', () => {
  it('sends a new connection to the endpoint with the fewest active connections, lowest rank on ties', () => {
    const counts = new LeastConnections(3);
    expect([counts.assign(), counts.assign(), counts.assign()]).toEqual([0, 1, 2]);
    counts.release(1);
    expect(counts.assign()).toBe(1); // endpoint 1 is the least loaded now
    counts.assign(); // all at 1 again → rank 0 gets its second
    counts.release(2);
    counts.release(1);
    // counts: 0 → 2, 1 → 0, 2 → 0: the least loaded with the lowest rank is 1.
    expect(counts.assign()).toBe(1);
  });

  it('always picks a minimum of the counts, whatever the sequence of opens and closes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.boolean(), { maxLength: 200 }), (endpoints, ops) => {
        const counts = new LeastConnections(endpoints);
        const shadow = new Array<number>(endpoints).fill(0);
        const open: number[] = [];
        for (const isOpen of ops) {
          if (isOpen || open.length === 0) {
            const minimum = Math.min(...shadow);
            const rank = counts.assign();
            expect(shadow[rank]).toBe(minimum);
            expect(rank).toBe(shadow.indexOf(minimum));
            shadow[rank]++;
            open.push(rank);
          } else {
            const rank = open.splice(open.length >> 1, 1)[0];
            counts.release(rank);
            shadow[rank]--;
          }
        }
        expect(counts.active).toBe(open.length);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('starts again from the lowest rank once every connection closed (safe to reuse)', () => {
    const counts = new LeastConnections(4);
    const ranks = [counts.assign(), counts.assign(), counts.assign()];
    counts.release(ranks[1]);
    counts.release(ranks[0]);
    counts.release(ranks[2]);
    expect(counts.active).toBe(0);
    expect([counts.assign(), counts.assign()]).toEqual([0, 1]);
  });
});
