import { describe, expect, it } from 'vitest';
import { mg1MeanWait, mmcMeanWait } from '../src/engine/queueing-theory.js';
import { summarize } from '../src/stats/index.js';
import { simulateMmc, type MmcOptions } from './mmc-model.js';

/** Mean waits of independent seeds, and their 95 % confidence interval (Student t). */
function waitsOverSeeds(options: Omit<MmcOptions, 'seed'>, seeds: number) {
  const waits = Array.from({ length: seeds }, (_, seed) => simulateMmc({ ...options, seed: seed + 1 }).meanWait);
  const { mean, ci95 } = summarize(waits);
  return { mean: mean as number, halfWidth: ci95 as number };
}

describe('the M/M/c model on the engine Station', () => {
  it('matches the M/M/1 mean wait ρ/(μ−λ) within a 95 % CI over seeds', () => {
    // Theory: W_q = 0.8 / (1 − 0.8) = 4 s (Kleinrock vol. 1, eq. 3.25).
    const theory = mmcMeanWait(0.8, 1, 1);
    const { mean, halfWidth } = waitsOverSeeds({ customers: 200_000, lambda: 0.8, mu: 1, servers: 1 }, 10);
    expect(Math.abs(mean - theory)).toBeLessThan(halfWidth);
    expect(halfWidth / theory).toBeLessThan(0.05); // the check has teeth: a CI within 5 %
  });

  it('matches the M/M/4 mean wait from Erlang C within a 95 % CI over seeds', () => {
    const theory = mmcMeanWait(3.6, 1, 4);
    const { mean, halfWidth } = waitsOverSeeds({ customers: 200_000, lambda: 3.6, mu: 1, servers: 4 }, 10);
    expect(Math.abs(mean - theory)).toBeLessThan(halfWidth);
    expect(halfWidth / theory).toBeLessThan(0.05);
  });

  it('matches the M/D/1 mean wait from Pollaczek–Khinchine within a 95 % CI over seeds', () => {
    // Service time d = 1 s: W_q = λ d² / (2 (1 − ρ)) = 0.8 / 0.4 = 2 s.
    const theory = mg1MeanWait(0.8, 1, 1);
    const options = { customers: 200_000, lambda: 0.8, mu: 1, servers: 1, service: 'deterministic' } as const;
    const { mean, halfWidth } = waitsOverSeeds(options, 10);
    expect(Math.abs(mean - theory)).toBeLessThan(halfWidth);
    expect(halfWidth / theory).toBeLessThan(0.05);
  });

  it('gives the speed program\'s reference case a mean wait within 5 % of 9 s over 3 seeds', () => {
    // Issue 2's acceptance check: --customers 400000 --lambda 0.9 --mu 1 --servers 1.
    const { mean } = waitsOverSeeds({ customers: 400_000, lambda: 0.9, mu: 1, servers: 1 }, 3);
    expect(Math.abs(mean - 9) / 9).toBeLessThan(0.05);
  });

  it('reports the same figures for the same seed, and different ones for another seed', () => {
    const options = { customers: 20_000, lambda: 0.9, mu: 1, servers: 2 };
    expect(simulateMmc({ ...options, seed: 7 })).toEqual(simulateMmc({ ...options, seed: 7 }));
    expect(simulateMmc({ ...options, seed: 8 }).meanWait).not.toBe(simulateMmc({ ...options, seed: 7 }).meanWait);
  });

  it('takes two events per customer and sojourn = wait + service on average', () => {
    const result = simulateMmc({ customers: 50_000, lambda: 0.5, mu: 1, servers: 1, seed: 3, service: 'deterministic' });
    expect(result.events).toBe(100_000);
    expect(result.meanSojourn - result.meanWait).toBeCloseTo(1, 9);
  });
});
