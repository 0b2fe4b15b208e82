import { describe, expect, it } from 'vitest';
import { summarize } from './replication-summary.js';

describe('summarize', () => {
  it('gives mean 3 and ci95 1.9632 for the values 1 to 5', () => {
    // By hand: s² = 10/4 = 2.5; t_{0.975, 4} = 2.776445105 (NIST table 2.776; R qt), so the
    // half-width is 2.776445105 × √2.5 / √5 = 1.963243161.
    const summary = summarize([1, 2, 3, 4, 5]);
    expect(summary.n).toBe(5);
    expect(summary.mean).toBe(3);
    expect(summary.ci95).toBeCloseTo(1.963243161, 8);
  });

  it('skips replications without samples instead of counting them as 0', () => {
    // Two values 2 and 4: s = √2, so the half-width is t_{0.975, 1} × √2 / √2 = 12.706204736.
    const summary = summarize([undefined, 2, undefined, 4]);
    expect(summary).toEqual({ n: 2, mean: 3, ci95: expect.closeTo(12.706204736, 8) });
  });

  it('has a mean but no interval with one replication', () => {
    expect(summarize([7.5])).toEqual({ n: 1, mean: 7.5, ci95: undefined });
    expect(summarize([undefined, 7.5])).toEqual({ n: 1, mean: 7.5, ci95: undefined });
  });

  it('has neither mean nor interval without samples', () => {
    expect(summarize([])).toEqual({ n: 0, mean: undefined, ci95: undefined });
    expect(summarize([undefined, undefined])).toEqual({ n: 0, mean: undefined, ci95: undefined });
  });

  it('gives a zero-width interval when every replication agrees', () => {
    expect(summarize([4, 4, 4])).toEqual({ n: 3, mean: 4, ci95: 0 });
  });

  it('narrows as replications are added, by about 1/√n', () => {
    const few = summarize([1, 3, 1, 3]).ci95 ?? Number.NaN;
    const many = summarize([1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3]).ci95 ?? Number.NaN;
    expect(many).toBeLessThan(few / 2);
  });

  it('rejects NaN, which would hide a broken metric', () => {
    expect(() => summarize([1, Number.NaN])).toThrow(RangeError);
  });
});
