import { InputError } from '../../input-error.js';
import type { ParameterIndex, ParameterTarget } from './parameter-index.js';

/** One value written for a parameter or a distribution field, in the order it was written. */
export interface Assignment {
  readonly target: ParameterTarget;
  /** The value as written (parsed YAML, before validation). */
  readonly value: unknown;
}

/** The scenario as written: every parameter path with its written value (defaults included). */
export type WrittenScenario = Record<string, unknown>;

export function isPlainMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Flattens a map of parameter values (`scenario:` or one entry of `cases:`, named by `where`)
 * into assignments in file order. Nested maps and dotted keys both work (`cluster: { services:
 * 10 }` or `cluster.services: 10`); a key that is neither a parameter, a distribution field nor
 * a group of parameters is an error with a "did you mean". Two keys that overlap (a whole
 * distribution and one of its fields) are an error: which should win is anyone's guess.
 */
export function readAssignments(tree: unknown, index: ParameterIndex, where: string): Assignment[] {
  if (tree === undefined || tree === null) return [];
  if (!isPlainMap(tree)) throw new InputError(where, 'a map of parameter values', tree);
  const assignments: Assignment[] = [];
  collect(tree, '', { index, where, into: assignments });
  rejectOverlaps(assignments.map((assignment) => assignment.target.path), where);
  return assignments;
}

interface Collector {
  readonly index: ParameterIndex;
  readonly where: string;
  readonly into: Assignment[];
}

function collect(tree: Record<string, unknown>, prefix: string, collector: Collector): void {
  const { index, where, into } = collector;
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const target = index.target(path);
    if (target !== undefined) {
      into.push({ target, value });
    } else if (index.isGroup(path) && isPlainMap(value)) {
      collect(value, path, collector);
    } else if (index.isGroup(path)) {
      const expected = `a map of the parameters under \`${path}\``;
      throw new InputError(`${where}.${path}`, expected, value);
    } else {
      throw new InputError(`Unknown parameter \`${path}\` in \`${where}\`${index.didYouMean(path)}`);
    }
  }
}

/** Rejects `a` next to `a` (two spellings) or `a.b` (a distribution and its own field). */
export function rejectOverlaps(paths: readonly string[], where: string): void {
  paths.forEach((path, i) => {
    const other = paths.slice(0, i).find((earlier) => pathsOverlap(earlier, path));
    if (other === undefined) return;
    const both = other === path ? `\`${path}\` twice` : `both \`${other}\` and \`${path}\``;
    throw new InputError(`\`${where}\` sets ${both}; set one or the other`);
  });
}

/** Writes one assignment into a written scenario; a field lands inside its distribution. */
export function applyAssignment(scenario: WrittenScenario, assignment: Assignment): void {
  const { target, value } = assignment;
  if (target.kind === 'parameter') {
    scenario[target.path] = value;
    return;
  }
  const current = scenario[target.spec.path];
  if (target.kind === 'field') {
    scenario[target.spec.path] = { ...(isPlainMap(current) ? current : {}), [target.field]: value };
    return;
  }
  const element = Array.isArray(current) ? (current[target.index] as unknown) : undefined;
  if (!isPlainMap(element)) {
    const length = Array.isArray(current) ? current.length : 0;
    throw new InputError(`\`${target.path}\` sets a field of element ${target.index} of \`${target.spec.path}\`, which has ${length} element(s): write the list in \`scenario\` first`);
  }
  const list = [...(current as unknown[])];
  list[target.index] = { ...element, [target.field]: value };
  scenario[target.spec.path] = list;
}

/** The written value at a target's path inside a written scenario (a distribution's field, a list element's field). */
export function writtenAt(scenario: WrittenScenario, target: ParameterTarget): unknown {
  const whole = scenario[target.spec.path];
  if (target.kind === 'parameter') return whole;
  const holder = target.kind === 'field' ? whole : Array.isArray(whole) ? (whole[target.index] as unknown) : undefined;
  return isPlainMap(holder) ? holder[target.field] : undefined;
}

/** True when one path is the other or lies inside it (`a.b` and `a.b.c`). */
export function pathsOverlap(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}
