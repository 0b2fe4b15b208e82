import { describe, expect, it } from 'vitest';
import { RandomStreams, standardNormal } from '../random/index.js';
import { mserTruncation } from './mser.js';

/** A series with an exponential start-up transient of `tau` observations, plus unit noise. */
function transientSeries(n: number, height: number, tau: number, seed: number): number[] {
  const stream = new RandomStreams(seed, 0).get('mser');
  return Array.from({ length: n }, (_, i) => height * Math.exp(-i / tau) + standardNormal(stream));
}

describe('mserTruncation (White 1997)', () => {
  it('discards nothing from a stationary series, most of the time', () => {
    const discards = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((seed) => mserTruncation(transientSeries(200, 0, 1, seed)));
    expect(discards.filter((t) => t.discard <= 10).length).toBeGreaterThanOrEqual(8);
    expect(discards.some((t) => t.atLimit)).toBe(false);
  });

  it('cuts a decaying transient where it has sunk into the noise', () => {
    // 10·e^(−i/10) falls below one noise standard deviation at i ≈ 23.
    for (const seed of [1, 2, 3]) {
      const { discard, atLimit } = mserTruncation(transientSeries(200, 10, 10, seed));
      expect(atLimit).toBe(false);
      expect(discard).toBeGreaterThan(10);
      expect(discard).toBeLessThan(60);
    }
  });

  it('says the series is too short when the transient lasts past its middle', () => {
    const ramp = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(mserTruncation(ramp).atLimit).toBe(true);
  });
});
