import { describe, expect, it } from 'vitest';
import { erlangC, mg1MeanWait, mmcMeanWait } from './queueing-theory.js';

describe('queueing theory formulas', () => {
  it('gives the M/M/1 wait ρ/(μ−λ) (Kleinrock vol. 1, eq. 3.25)', () => {
    // λ = 0.9, μ = 1: W_q = 0.9 / 0.1 = 9.
    expect(mmcMeanWait(0.9, 1, 1)).toBeCloseTo(9, 12);
    expect(erlangC(1, 0.9)).toBeCloseTo(0.9, 12);
  });

  it('gives the published Erlang C value for 10 servers at 8 erlangs', () => {
    // Erlang C tables (e.g. Gross & Harris, Fundamentals of Queueing Theory): C(10, 8) ≈ 0.4092.
    expect(erlangC(10, 8)).toBeCloseTo(0.40918, 4);
  });

  it('gives the M/M/2 wait in closed form: ρ²/(μ(1−ρ²)) with ρ = λ/2μ', () => {
    // Closed form for c = 2 (Gross & Harris §2.3): W_q = ρ² / (μ (1 − ρ²)).
    const rho = 1.6 / 2;
    expect(mmcMeanWait(1.6, 1, 2)).toBeCloseTo((rho * rho) / (1 - rho * rho), 12);
  });

  it('gives the M/D/1 wait ρd/(2(1−ρ)) by Pollaczek–Khinchine', () => {
    expect(mg1MeanWait(0.9, 1, 1)).toBeCloseTo(4.5, 12);
  });

  it('refuses an unstable queue', () => {
    expect(() => erlangC(2, 2)).toThrow('offered load < servers');
    expect(() => mg1MeanWait(1, 1, 1)).toThrow('utilisation < 1');
  });
});
