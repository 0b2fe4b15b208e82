import { parseParameterValue, type ParameterSpec, type ParameterValue } from '../../contract/parameter-spec.js';
import type { ScenarioValues } from '../../contract/scenario-model.js';
import { InputError } from '../../input-error.js';
import type { ExperimentAxes } from './experiment-axes.js';
import type { ParameterIndex } from './parameter-index.js';
import { applyAssignment, pathsOverlap, type Assignment, type WrittenScenario } from './scenario-assignments.js';
import { formatWritten } from './written-value.js';

/** One point of the experiment: a full scenario, as written and parsed. */
export interface ExperimentPoint {
  /** From 0: the grid (last axis fastest), then the cases. */
  readonly index: number;
  /** `sweep` for a grid point, `cases[i]` for an explicit case. */
  readonly origin: string;
  /** The point's own sweep values or case overrides, as written, in file order. */
  readonly settings: readonly Assignment[];
  /** Every parameter path with its written value (defaults included). */
  readonly scenario: WrittenScenario;
  /** Every parameter parsed: what the model builds from. */
  readonly values: ScenarioValues;
}

/**
 * How many points the axes make, from the lists' lengths alone (nothing is expanded), so the
 * grid's size is checked before it is built. No sweep and no cases: the base scenario is the
 * only point. Cases without a sweep: just the cases (the base is not added as an unasked-for
 * extra point). A product past 2^53 is not exact, but it is far over every limit.
 */
export function countPoints(axes: ExperimentAxes): number {
  if (axes.sweep.length === 0) return axes.cases.length === 0 ? 1 : axes.cases.length;
  return axes.sweep.reduce((product, axis) => product * axis.values.length, 1) + axes.cases.length;
}

/** The settings of every point in numbering order: the grid with the last axis fastest, then the cases. */
export function pointSettings(axes: ExperimentAxes): { origin: string; settings: Assignment[] }[] {
  const points = gridSettings(axes).map((settings) => ({ origin: 'sweep', settings }));
  axes.cases.forEach((settings, i) => points.push({ origin: `cases[${i}]`, settings: [...settings] }));
  return points;
}

function gridSettings(axes: ExperimentAxes): Assignment[][] {
  if (axes.sweep.length === 0) return axes.cases.length === 0 ? [[]] : [];
  let grid: Assignment[][] = [[]];
  for (const axis of axes.sweep) {
    grid = grid.flatMap((prefix) => axis.values.map((value) => [...prefix, { target: axis.target, value }]));
  }
  return grid;
}

/**
 * Builds every point from the base scenario (defaults ← `scenario` ← `--set`). Parameters that
 * no axis touches are parsed once, with errors about the base; the others per point, with
 * the point and its settings named in the message.
 */
export function expandPoints(base: WrittenScenario, axes: ExperimentAxes, index: ParameterIndex, baseWritten: ReadonlySet<string> = new Set()): ExperimentPoint[] {
  const touched = touchedSpecs(axes, index);
  const baseValues = parseSpecs(index.specs.filter((spec) => !touched.has(spec)), base);
  return pointSettings(axes).map(({ origin, settings }, point) => {
    const scenario = { ...base };
    for (const setting of settings) applyAssignment(scenario, setting);
    let own: Map<string, ParameterValue>;
    try {
      own = parseSpecs([...touched], scenario);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      throw new InputError(`${error.message} (point ${point}, ${origin}: ${describeSettings(settings)})`);
    }
    const written = new Set([...baseWritten, ...settings.map((setting) => setting.target.spec.path)]);
    rejectExcluded(scenario, written, index, () => `point ${point}, ${origin}: ${describeSettings(settings)}`);
    const values = new Map(index.specs.map((spec) => [spec.path, own.get(spec.path) ?? baseValues.get(spec.path)!]));
    return { index: point, origin, settings, scenario, values };
  });
}

/**
 * A parameter written with a value other than its default, next to one it excludes (two forms
 * of one thing, ParameterSpec.excludes), is an error naming both.
 */
function rejectExcluded(scenario: WrittenScenario, written: ReadonlySet<string>, index: ParameterIndex, where: () => string): void {
  for (const spec of index.specs) {
    if (spec.excludes === undefined || !written.has(spec.path)) continue;
    if (JSON.stringify(scenario[spec.path]) === JSON.stringify(spec.default)) continue;
    const clash = spec.excludes.find((path) => written.has(path));
    if (clash === undefined) continue;
    throw new InputError(`\`${spec.path}\` and \`${clash}\` are two forms of one thing; write one or the other (${where()})`);
  }
}

/** Parses the given parameters from a written scenario, in table order. */
export function parseSpecs(specs: readonly ParameterSpec[], scenario: WrittenScenario): Map<string, ParameterValue> {
  return new Map(specs.map((spec) => [spec.path, parseParameterValue(spec, scenario[spec.path])]));
}

function touchedSpecs(axes: ExperimentAxes, index: ParameterIndex): Set<ParameterSpec> {
  const paths = [...axes.sweep.map((axis) => axis.target.path), ...axes.cases.flat().map((setting) => setting.target.path)];
  return new Set(index.specs.filter((spec) => paths.some((path) => pathsOverlap(path, spec.path))));
}

/** `proxy.mode=ipvs, cluster.services=100` */
export function describeSettings(settings: readonly Assignment[]): string {
  if (settings.length === 0) return 'no overrides';
  return settings.map(({ target, value }) => `${target.path}=${formatWritten(value)}`).join(', ');
}
