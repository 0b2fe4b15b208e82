import sketches from '@datadog/sketches-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BINS, DEFAULT_RELATIVE_ACCURACY, QuantileSketch } from './quantile-sketch.js';
import { uniformSource } from '../random/testing/uniform-source.js';


function samples(count: number, seed: number, draw: (uniform: () => number) => number): Float64Array {
  const uniform = uniformSource(seed);
  return Float64Array.from({ length: count }, () => draw(uniform));
}

/** Lognormal by Box–Muller: median 2 (ms, say), σ = 1.1, so p99.9 is near 60 and the tail long. */
const lognormal = (uniform: () => number): number =>
  2 * Math.exp(1.1 * Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform()));

/** Exact type-7 quantile (linear interpolation between order statistics, numpy's default). */
function exactQuantile(sorted: Float64Array, q: number): number {
  const rank = q * (sorted.length - 1);
  const lower = Math.floor(rank);
  const fraction = rank - lower;
  return fraction === 0 ? sorted[lower] : sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower]);
}

function sketchOf(values: ArrayLike<number>, sketch = new QuantileSketch()): QuantileSketch {
  for (let index = 0; index < values.length; index += 1) sketch.add(values[index]);
  return sketch;
}

function relativeError(estimate: number | undefined, exact: number): number {
  if (estimate === undefined) return Number.POSITIVE_INFINITY;
  return exact === 0 ? Math.abs(estimate) : Math.abs(estimate - exact) / exact;
}

/** Tolerance for rounding in log2 at a bin's edge; far below the α under test. */
const EDGE = 1e-12;
const TAIL_QUANTILES = [0.5, 0.9, 0.99, 0.999];

describe('QuantileSketch', () => {
  it.each([
    ['lognormal', lognormal],
    ['uniform', (uniform: () => number) => 1000 * uniform()],
  ])('estimates p50, p90, p99 and p99.9 of 100k %s samples within its error bound (0.1 %%)', (_, draw) => {
    const values = samples(100_000, 7, draw);
    const sketch = sketchOf(values);
    const sorted = values.slice().sort();
    expect(sketch.errorBound).toBeLessThan(0.0011);
    for (const q of TAIL_QUANTILES) {
      expect(relativeError(sketch.quantile(q), exactQuantile(sorted, q))).toBeLessThanOrEqual(
        sketch.errorBound + EDGE,
      );
    }
  });

  it('stays within its relative accuracy for any positive values and quantile (property)', () => {
    const values = fc.array(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 300 });
    const accuracies = fc.constantFrom(0.001, 0.005, 0.01, 0.05);
    fc.assert(
      fc.property(values, fc.double({ min: 0, max: 1, noNaN: true }), accuracies, (list, q, accuracy) => {
        const sketch = sketchOf(list, new QuantileSketch({ relativeAccuracy: accuracy }));
        const exact = exactQuantile(Float64Array.from(list).sort(), q);
        expect(relativeError(sketch.quantile(q), exact)).toBeLessThanOrEqual(sketch.errorBound + EDGE);
      }),
      { seed: 20240503, numRuns: 500 },
    );
  });

  it('puts values in the same bins as @datadog/sketches-js DDSketch', () => {
    // At whole ranks both return a bin's representative; ours is clamped to [min, max].
    const values = samples(1025, 11, lognormal);
    const ours = sketchOf(values);
    const theirs = new sketches.DDSketch({ relativeAccuracy: DEFAULT_RELATIVE_ACCURACY });
    for (const value of values) theirs.accept(value);
    for (let k = 1; k < 64; k += 1) {
      const clamped = Math.min(theirs.max, Math.max(theirs.min, theirs.getValueAtQuantile(k / 64)));
      // Same bin: ours is placed within it by rank, theirs at its representative.
      expect(Math.abs((ours.quantile(k / 64) as number) - clamped) / clamped).toBeLessThanOrEqual(ours.errorBound);
    }
  });

  it('returns the exact minimum and maximum at q = 0 and q = 1', () => {
    const sketch = sketchOf([3.3, 0.7, 12.9, 5]);
    expect(sketch.quantile(0)).toBe(0.7);
    expect(sketch.quantile(1)).toBe(12.9);
    expect(sketch.min).toBe(0.7);
    expect(sketch.max).toBe(12.9);
  });

  it('counts zeros exactly and interpolates from them', () => {
    const sketch = sketchOf([0, 0, 0, 4]);
    expect(sketch.count).toBe(4);
    expect(sketch.quantile(0.5)).toBe(0);
    expect(sketch.quantile(2 / 3)).toBe(0);
    // Rank 2.7 of [0, 0, 0, 4] is 0.7 × 4 = 2.8.
    expect(relativeError(sketch.quantile(0.9), 2.8)).toBeLessThanOrEqual(sketch.errorBound + EDGE);
    expect(sketch.quantile(1)).toBe(4);
    expect(sketchOf([0, 0]).quantile(0.99)).toBe(0);
  });

  it('has no quantile, minimum or maximum when empty', () => {
    const sketch = new QuantileSketch();
    expect(sketch.count).toBe(0);
    expect(sketch.quantile(0.5)).toBeUndefined();
    expect(sketch.min).toBeUndefined();
    expect(sketch.max).toBeUndefined();
  });

  it('rejects negative, NaN and infinite values and quantiles outside [0, 1]', () => {
    const sketch = new QuantileSketch();
    expect(() => sketch.add(-1)).toThrow('Expected a sketch value to be a finite number >= 0, got `-1`');
    expect(() => sketch.add(Number.NaN)).toThrow(RangeError);
    expect(() => sketch.add(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(sketch.count).toBe(0);
    expect(() => sketch.quantile(1.5)).toThrow('Expected a quantile between 0 and 1, got `1.5`');
    expect(() => sketch.quantile(Number.NaN)).toThrow(RangeError);
    expect(() => new QuantileSketch({ relativeAccuracy: 0 })).toThrow(RangeError);
  });

  it('merges two sketches into the sketch of their union', () => {
    const left = samples(50_000, 1, lognormal);
    const right = samples(30_000, 2, (uniform) => 40 * uniform());
    const merged = sketchOf(left);
    merged.merge(sketchOf(right));
    const union = sketchOf(right, sketchOf(left));
    expect(merged.count).toBe(80_000);
    expect(merged.min).toBe(union.min);
    expect(merged.max).toBe(union.max);
    for (let q = 0; q <= 1; q += 0.01) expect(merged.quantile(q)).toBe(union.quantile(q));
  });

  it('merges with empty sketches in either direction', () => {
    const values = samples(1000, 3, lognormal);
    const intoEmpty = new QuantileSketch();
    intoEmpty.merge(sketchOf(values));
    const withEmpty = sketchOf(values);
    withEmpty.merge(new QuantileSketch());
    for (const q of TAIL_QUANTILES) {
      expect(intoEmpty.quantile(q)).toBe(sketchOf(values).quantile(q));
      expect(withEmpty.quantile(q)).toBe(sketchOf(values).quantile(q));
    }
    expect(intoEmpty.min).toBe(withEmpty.min);
  });

  it('refuses to merge sketches of different accuracy', () => {
    const coarse = new QuantileSketch({ relativeAccuracy: 0.02 });
    expect(() => new QuantileSketch().merge(coarse)).toThrow(/same relativeAccuracy/);
  });

  it('keeps at most maxBins bins over 40 decades and still gets the tail right', () => {
    // Log-uniform over [1e-20, 1e20): the cap (17.8 decades at α = 0.5 %) must collapse the low end.
    const values = samples(1_000_000, 5, (uniform) => 10 ** (40 * uniform() - 20));
    const sketch = sketchOf(values);
    expect(sketch.binCount).toBe(DEFAULT_MAX_BINS);
    expect(sketch.count).toBe(1_000_000);
    const sorted = values.slice().sort();
    for (const q of [0.9, 0.99, 0.999, 1]) {
      expect(relativeError(sketch.quantile(q), exactQuantile(sorted, q))).toBeLessThanOrEqual(
        sketch.errorBound + EDGE,
      );
    }
  });

  it('allocates bins only for the range it has seen', () => {
    // Four decades at α = 0.05 %: log(1e4) / log(1.0005 / 0.9995) ≈ 9,210 keys, below the cap.
    const sketch = sketchOf(samples(10_000, 9, (uniform) => 10 ** (4 * uniform())));
    expect(sketch.binCount).toBeGreaterThanOrEqual(9_210);
    // The window grows geometrically (to at most twice the span it must hold), never to the cap.
    expect(sketch.binCount).toBeLessThanOrEqual(2 * 9_211);
  });

  it('moves a quantile within its bin with the data, so nearby samples give nearby but distinct estimates', () => {
    // 1,000 values spread over [1, 1.0008], all in one or two bins at α = 0.05 %: the exact
    // medians of the two sets differ by 0.0001, and so must the estimates, in the same order.
    const low = sketchOf(Array.from({ length: 1_000 }, (_, i) => 1 + (0.0008 * i) / 1_000));
    const high = sketchOf(Array.from({ length: 1_000 }, (_, i) => 1.0001 + (0.0008 * i) / 1_000));
    const lowMedian = low.quantile(0.5) as number;
    const highMedian = high.quantile(0.5) as number;
    expect(highMedian).toBeGreaterThan(lowMedian);
    expect(Math.abs(highMedian - lowMedian - 0.0001)).toBeLessThan(0.0001);
  });
});
