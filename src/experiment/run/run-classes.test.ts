import { describe, expect, it } from 'vitest';
import type { ClassRow } from '../../contract/scenario-model.js';
import { messageOf } from '../testing/experiment-fixtures.js';
import { fakeModel } from '../testing/fake-model.js';
import { checkedClasses, hasClassColumns } from './run-classes.js';

const rows = (...names: string[]): ClassRow[] => names.map((name) => ({ name, values: { requests: 1 } }));

describe('checkedClasses', () => {
  it('passes one row per class, each once, as the model gave them', () => {
    expect(checkedClasses(rows('gold', 'bronze'))).toEqual(rows('gold', 'bronze'));
  });

  it('throws, saying what was asked and found, for no rows or a class given twice', () => {
    const asked = 'The model was asked for one row per Service class, since the scenario declares class columns,';
    expect(messageOf(() => checkedClasses(undefined))).toBe(`${asked} and returned none`);
    expect(messageOf(() => checkedClasses([]))).toBe(`${asked} and returned no row`);
    expect(messageOf(() => checkedClasses(rows('gold', 'bronze', 'gold')))).toBe(`${asked} each once, but its row 2 is class \`gold\` again`);
  });
});

describe('hasClassColumns', () => {
  it('is true only for a scenario that declares class columns', () => {
    expect(hasClassColumns(fakeModel({ classes: true }))).toBe(true);
    expect(hasClassColumns(fakeModel())).toBe(false);
    expect(hasClassColumns({ ...fakeModel(), classes: [] })).toBe(false);
  });
});
