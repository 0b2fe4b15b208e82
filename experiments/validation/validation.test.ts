/**
 * The validation page cannot drift from its data, its data cannot claim an agreement it does
 * not have, and the scaled-down cases still land where the full-scale ones did
 * (experiments/validation/README.md). The full-scale runs are a benchmark: npm run bench:validation.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VALIDATION_CASES } from './cases.js';
import { SOURCES } from './sources.js';
import { explanationProblem, statusOf } from './validation-case.js';
import { INDEX_PATH, readCommittedValues, renderCommitted } from './validation-files.js';

const committed = readCommittedValues();
const committedValue = (id: string) => committed.values.find((value) => value.id === id);

describe('the committed validation page (results/validation/index.md)', () => {
  it('is exactly what the generator renders from values.csv and the registry, so it is never edited by hand', () => {
    expect(readFileSync(INDEX_PATH, 'utf8')).toBe(renderCommitted(VALIDATION_CASES));
  });

  it('comes from one full run of the generator, with a value for every case and none for a case that is gone', () => {
    expect(committed.meta.only).toBeNull();
    expect(committed.values.map((value) => value.id)).toEqual(VALIDATION_CASES.map((testCase) => testCase.id));
    expect(new Set(VALIDATION_CASES.map((testCase) => testCase.id)).size).toBe(VALIDATION_CASES.length);
  });

  it('says "agrees" only within the stated tolerance of the published value, and explains every disagreement', () => {
    for (const testCase of VALIDATION_CASES) {
      const value = committedValue(testCase.id);
      expect(value, testCase.id).toBeDefined();
      if (value === undefined) continue;
      // The registry may not have changed the figure, its use or its tolerance since the run.
      expect(value.published, testCase.id).toBe(testCase.published);
      expect(value.use, testCase.id).toBe(testCase.use);
      expect(value.status, testCase.id).toBe(statusOf(value.model, testCase.published, testCase.tolerance));
      expect(explanationProblem(testCase, value.status)).toBeUndefined();
    }
  });

  it('gives every tolerance a reason and every case a listed source', () => {
    for (const testCase of VALIDATION_CASES) {
      expect(testCase.tolerance.why.trim().length, testCase.id).toBeGreaterThan(20);
      if (testCase.ci?.tolerance !== undefined) expect(testCase.ci.tolerance.why.trim().length, testCase.id).toBeGreaterThan(20);
      expect(SOURCES[testCase.source], testCase.id).toBeDefined();
    }
  });
});

describe('the scaled-down cases, run here', () => {
  // Each lands on the same side of its tolerance as the committed full-scale value: within it
  // for a case that agrees (against the formula at the scaled parameters where scale matters),
  // still outside it for one whose disagreement the page explains.
  for (const testCase of VALIDATION_CASES) {
    const ci = testCase.ci;
    if (ci === undefined) continue;
    it(`${testCase.id} (${ci.scale})`, () => {
      const measured = ci.compute();
      const expected = ci.expected ?? testCase.published;
      const status = statusOf(measured.value, expected, ci.tolerance ?? testCase.tolerance);
      expect(status, `${testCase.id}: model ${measured.value} against ${expected}`).toBe(committedValue(testCase.id)?.status);
    });
  }
});
