import { describe, expect, it } from 'vitest';
import { explanationProblem, withinTolerance, type ValidationCase } from './validation-case.js';

const why = 'a reason';

describe('tolerances', () => {
  it('compare a model value with a published one as each kind says', () => {
    expect(withinTolerance(2, 2, { kind: 'exact', why })).toBe(true);
    expect(withinTolerance(2.0000001, 2, { kind: 'exact', why })).toBe(false);
    expect(withinTolerance(10.4, 10, { kind: 'relative', fraction: 0.05, why })).toBe(true);
    expect(withinTolerance(10.6, 10, { kind: 'relative', fraction: 0.05, why })).toBe(false);
    expect(withinTolerance(0.845, 0.8333, { kind: 'absolute', amount: 0.02, why })).toBe(true);
    expect(withinTolerance(0.86, 0.8333, { kind: 'absolute', amount: 0.02, why })).toBe(false);
    expect(withinTolerance(12.4, 10, { kind: 'ratio', factor: 1.25, why })).toBe(true);
    expect(withinTolerance(7.9, 10, { kind: 'ratio', factor: 1.25, why })).toBe(false);
    expect(withinTolerance(5_000.1, 5_000, { kind: 'above', amount: 10, why })).toBe(true);
    expect(withinTolerance(4_999.9, 5_000, { kind: 'above', amount: 10, why })).toBe(false);
    expect(withinTolerance(4_387, 30_000, { kind: 'atMost', why })).toBe(true);
    expect(withinTolerance(30_001, 30_000, { kind: 'atMost', why })).toBe(false);
    expect(withinTolerance(0.8, 0.79, { kind: 'range', low: 0.7, high: 0.88, why })).toBe(true);
    expect(withinTolerance(0.31, 0.79, { kind: 'range', low: 0.7, high: 0.88, why })).toBe(false);
  });

  it('never accept a value that is not a number', () => {
    expect(withinTolerance(Number.NaN, 1, { kind: 'atMost', why })).toBe(false);
    expect(withinTolerance(Number.POSITIVE_INFINITY, 1, { kind: 'ratio', factor: 2, why })).toBe(false);
  });
});

describe('disagreement explanations', () => {
  const base = { id: 'x.y', group: 'g', quantity: 'q', unit: 'ms', published: 1, source: 'kleinrock', use: 'independent', tolerance: { kind: 'exact', why }, full: { scale: '', compute: () => ({ value: 1 }) } } as const satisfies ValidationCase;

  it('are required on a case that disagrees, and refused on one that agrees', () => {
    expect(explanationProblem(base, 'disagrees')).toContain('has no explanation');
    expect(explanationProblem({ ...base, disagreement: '  ' }, 'disagrees')).toContain('has no explanation');
    expect(explanationProblem({ ...base, disagreement: 'the model leaves X out' }, 'disagrees')).toBeUndefined();
    expect(explanationProblem({ ...base, disagreement: 'the model leaves X out' }, 'agrees')).toContain('now agrees');
    expect(explanationProblem(base, 'agrees')).toBeUndefined();
  });
});
