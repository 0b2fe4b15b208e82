import { describe, expect, it } from 'vitest';
import { formatNumber, renderIndex } from './render-index.js';
import type { ValidationCase } from './validation-case.js';
import type { CaseValue } from './values-file.js';

const tolerance = { kind: 'relative', fraction: 0.05, why: 'twice the 95 % interval of the runs' } as const;
const agreeing: ValidationCase = {
  id: 'g.one', group: 'Group A', quantity: 'a | b', unit: 'ms', published: 10, source: 'kleinrock', use: 'independent', tolerance,
  full: { scale: '3 × 10 s', compute: () => ({ value: 10.2 }) },
};
const disagreeing: ValidationCase = {
  ...agreeing, id: 'g.two', group: 'Group B', use: 'calibration', published: 2.2, publishedText: '≈ 2.2', disagreement: 'the model leaves X out',
};
const values: CaseValue[] = [
  { id: 'g.one', use: 'independent', published: 10, model: 10.2, modelCi95: 0.0412, status: 'agrees' },
  { id: 'g.two', use: 'calibration', published: 2.2, model: 1.0003, status: 'disagrees' },
];

describe('the validation page', () => {
  const page = renderIndex([agreeing, disagreeing], values, { provenance: 'computed at test' });

  it('gives each case a row with both values, the difference, tolerance, use, status and source', () => {
    expect(page).toContain('| `g.one` | a \\| b | 10 ms | 10.20 ± 0.041 ms | +0.2000 (1.02×) | ±5 % [T1](#tolerances) | independent | agrees | Kleinrock vol. 1 | 3 × 10 s |');
    expect(page).toContain('| `g.two` | a \\| b | ≈ 2.2 ms | 1.000 ms | −1.200 (0.455×) | ±5 % [T1](#tolerances) | calibration | **disagrees** |');
    expect(page).toContain('**2 cases**: 1 calibration (0 agree, 1 disagree); 1 independent (1 agree, 0 disagree).');
  });

  it('explains only the disagreements, lists each tolerance reason once and each source used', () => {
    const why = page.slice(page.indexOf('## Why the model disagrees'), page.indexOf('## Tolerances'));
    expect(why).toContain('`g.two` (calibration): the model leaves X out');
    expect(why).not.toContain('g.one');
    expect(page.match(/twice the 95 % interval/g)).toHaveLength(1);
    expect(page).toContain('- **Kleinrock vol. 1**: L. Kleinrock');
  });

  it('refuses to render a case with no value', () => {
    expect(() => renderIndex([agreeing, disagreeing], values.slice(0, 1), { provenance: '' })).toThrow('no value for g.two');
  });
});

describe('formatNumber', () => {
  it('writes four significant figures, whole numbers from 1,000 up, grouped, and a real minus sign', () => {
    expect(formatNumber(17720.526)).toBe('17,721');
    expect(formatNumber(0.20332657)).toBe('0.2033');
    expect(formatNumber(-25613.2)).toBe('−25,613');
    expect(formatNumber(1.0003, 4, false)).toBe('1.000');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞');
  });
});
