import { InputError } from '../../input-error.js';
import { MAX_LIST_ENTRIES } from './resolved-experiment.js';
import { groupThousands } from './written-value.js';
import type { ParameterIndex, ParameterTarget } from './parameter-index.js';
import { isPlainMap, readAssignments, rejectOverlaps, type Assignment } from './scenario-assignments.js';

/** One `sweep:` entry: a parameter or distribution field and its values, as written. */
export interface SweepAxis {
  readonly target: ParameterTarget;
  readonly values: readonly unknown[];
}

/** What varies between points: the grid's axes in file order, then the explicit cases. */
export interface ExperimentAxes {
  readonly sweep: readonly SweepAxis[];
  readonly cases: readonly (readonly Assignment[])[];
}

export function readAxes(document: Record<string, unknown>, index: ParameterIndex): ExperimentAxes {
  return { sweep: readSweep(document.sweep, index), cases: readCases(document.cases, index) };
}

/**
 * The parameter columns of the CSV: every swept or case path, in order of first appearance
 * in the file (sweep first, since it comes first in the grid's numbering).
 */
export function axisPaths(axes: ExperimentAxes): string[] {
  const paths = axes.sweep.map((axis) => axis.target.path);
  for (const overrides of axes.cases) {
    for (const { target } of overrides) if (!paths.includes(target.path)) paths.push(target.path);
  }
  return paths;
}

function readSweep(raw: unknown, index: ParameterIndex): SweepAxis[] {
  if (raw === undefined || raw === null) return [];
  if (!isPlainMap(raw)) throw new InputError('sweep', 'a map from dotted parameter paths to lists of values', raw);
  const axes = Object.entries(raw).map(([path, values]) => readSweepAxis(path, values, index));
  rejectOverlaps(axes.map((axis) => axis.target.path), 'sweep');
  return axes;
}

function readSweepAxis(path: string, values: unknown, index: ParameterIndex): SweepAxis {
  const target = index.target(path);
  if (target === undefined && index.isGroup(path)) {
    const expected = `a dotted parameter path such as \`${index.paths.find((p) => p.startsWith(`${path}.`))}\``;
    throw new InputError(`Expected the \`sweep\` key \`${path}\` to be ${expected}, with a list of values`);
  }
  if (target === undefined) throw new InputError(`Unknown parameter \`${path}\` in \`sweep\`${index.didYouMean(path)}`);
  if (!Array.isArray(values) || values.length === 0) throw new InputError(`sweep.${path}`, 'a non-empty list of values', values);
  rejectLongList(`sweep.${path}`, values);
  const seen = new Set<string>();
  for (const value of values) {
    const key = JSON.stringify(value);
    if (seen.has(key)) throw new InputError(`sweep.${path}`, 'a list of distinct values', values);
    seen.add(key);
  }
  return { target, values };
}

function readCases(raw: unknown, index: ParameterIndex): Assignment[][] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new InputError('cases', 'a list of maps from dotted parameter paths to values', raw);
  rejectLongList('cases', raw);
  return raw.map((entry, i) => {
    if (!isPlainMap(entry)) throw new InputError(`cases[${i}]`, 'a map from dotted parameter paths to values', entry);
    return readAssignments(entry, index, `cases[${i}]`);
  });
}

/** A list over MAX_LIST_ENTRIES is refused from its length, before its entries are read or expanded. */
function rejectLongList(path: string, list: readonly unknown[]): void {
  if (list.length <= MAX_LIST_ENTRIES) return;
  throw new InputError(path, `a list of at most ${groupThousands(MAX_LIST_ENTRIES)} entries`, `${groupThousands(list.length)} entries`);
}
