import { describe, expect, it } from 'vitest';
import type { MetricValues } from '../../src/contract/metric-spec.js';
import { parameterTable } from '../../src/contract/parameter-table.js';
import type { ClassRow } from '../../src/contract/scenario-model.js';
import { ms } from '../../src/engine/time.js';
import { defineModel, type AnyModel, type MetricEntry } from '../core/model-definition.js';
import { composeScenario } from './compose-scenario.js';

const SETTINGS = { seed: 1, replication: 0, warmup: ms(1), duration: ms(10) };

function column(name: string): MetricEntry {
  return { name, unit: 'count', doc: `${name}.`, window: 'the measured window' };
}

/** A model with no parameters and no metrics that declares `columns` per class and returns `rows`. */
function classModel(name: string, columns: readonly string[], rows: readonly ClassRow[] | undefined): AnyModel {
  return defineModel({
    name,
    parameters: parameterTable({}),
    metrics: [],
    classes: columns.map(column),
    wire: () => (rows === undefined ? {} : { classes: () => rows }),
  });
}

const row = (name: string, values: MetricValues): ClassRow => ({ name, values });
const runOf = (...models: AnyModel[]) => composeScenario(models).build(new Map(), SETTINGS).run();

describe('a scenario with per-class columns', () => {
  it('lists every model\'s class columns with its name, in model order', () => {
    const scenario = composeScenario([classModel('a', ['x'], []), classModel('b', [], undefined), classModel('c', ['y', 'z'], [])]);
    expect(scenario.classes?.map((spec) => `${spec.model}/${spec.name}`)).toEqual(['a/x', 'c/y', 'c/z']);
  });

  it('joins the models\' rows class by class, in the order the models give them', () => {
    const result = runOf(
      classModel('a', ['x'], [row('gold', { x: 1 }), row('bronze', { x: undefined })]),
      classModel('b', [], undefined),
      classModel('c', ['y'], [row('gold', { y: 3 }), row('bronze', { y: 4 })]),
    );
    expect(result.classes).toEqual([row('gold', { x: 1, y: 3 }), row('bronze', { x: undefined, y: 4 })]);
  });

  it('has no class rows when no model declares class columns, whatever a model returns', () => {
    expect(runOf(classModel('a', [], [row('gold', {})])).classes).toBeUndefined();
  });

  it('throws when two models give other classes, or the same in another order', () => {
    const gold = classModel('a', ['x'], [row('gold', { x: 1 }), row('bronze', { x: 2 })]);
    expect(() => runOf(gold, classModel('c', ['y'], [row('bronze', { y: 1 }), row('gold', { y: 2 })]))).toThrow(
      'Model c produced class rows for `bronze`, `gold`, but model a for `gold`, `bronze`; every model must give the same classes in the same order',
    );
    expect(() => runOf(gold, classModel('c', ['y'], undefined))).toThrow('Model c produced class rows for no class, but model a for `gold`, `bronze`');
  });

  it('throws when a row lacks a declared column or has an undeclared one, or a class is given twice', () => {
    expect(() => runOf(classModel('a', ['x', 'y'], [row('gold', { x: 1, z: 2 })]))).toThrow(
      'Model a produced class columns for class `gold` that differ from its declared ones (missing: y; undeclared: z)',
    );
    expect(() => runOf(classModel('a', ['x'], [row('gold', { x: 1 }), row('gold', { x: 2 })]))).toThrow('Model a produced two class rows named `gold`');
  });
});
