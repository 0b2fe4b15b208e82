import { resolve } from 'node:path';
import { parseParameterValue } from '../../contract/parameter-spec.js';
import type { ScenarioModel } from '../../contract/scenario-model.js';
import { describeFound, InputError } from '../../input-error.js';
import { closestName } from '../../text/closest-name.js';
import { canonicalJson, sha256Hex } from './canonical-json.js';
import { axisPaths, readAxes, type ExperimentAxes } from './experiment-axes.js';
import { readExperimentFile } from './experiment-file.js';
import { checkBookkeeping, checkMemory, estimateExperimentMemory } from './experiment-memory.js';
import { readExperimentHeader, rejectUnknownTopLevelKeys, SETTABLE_TOP_LEVEL_KEYS, TOP_LEVEL_SPECS, type ExperimentHeader } from './experiment-header.js';
import { countPoints, expandPoints } from './experiment-points.js';
import { availableMemory, type MemoryLimit } from './memory-limit.js';
import { ParameterIndex } from './parameter-index.js';
import { MAX_RUNS, MAX_RUNS_WITHOUT_FORCE, type CanonicalExperiment, type ResolvedExperiment } from './resolved-experiment.js';
import { applyAssignment, isPlainMap, pathsOverlap, readAssignments, type WrittenScenario } from './scenario-assignments.js';
import { parseSetOption, type SetOption } from './set-option.js';
import { groupThousands } from './written-value.js';

export interface ResolveOptions {
  /** `--set path=value` texts, in command-line order. */
  readonly sets?: readonly string[];
  /** Allow a grid of more than MAX_RUNS_WITHOUT_FORCE runs, and runs over the memory available. */
  readonly force?: boolean;
  /** Worker threads that will run at once (each holds a run), for the memory check; 1 by default. */
  readonly workers?: number;
  /** The memory available (availableMemory() by default; tests pass a small one). */
  readonly memoryLimit?: MemoryLimit;
}

/**
 * Reads, checks and resolves an experiment file; every bad input is an InputError (exit 2).
 * `file` is read relative to `cwd` and named in messages as given.
 */
export function loadExperiment(file: string, model: ScenarioModel, options: ResolveOptions & { cwd?: string } = {}): ResolvedExperiment {
  const document = readExperimentFile(resolve(options.cwd ?? '.', file), file);
  return resolveExperiment(document, file, model, options);
}

/**
 * Resolves already-parsed file content (`file` names it in messages). Without `force`, a grid
 * whose points and records alone would not fit in memory is refused before it is built, and
 * one whose runs would not fit (docs/design.md, Contracts) once its points are.
 */
export function resolveExperiment(document: unknown, file: string, model: ScenarioModel, options: ResolveOptions = {}): ResolvedExperiment {
  const index = new ParameterIndex(model.parameters);
  const sets = (options.sets ?? []).map(parseSetOption);
  const fromFile = inFile(file, () => {
    if (!isPlainMap(document)) {
      throw new InputError(`Expected the file to be a map with at least \`name\` and \`duration\`, got \`${describeFound(document ?? undefined)}\``);
    }
    rejectUnknownTopLevelKeys(document);
    return { document, axes: readAxes(document, index), assignments: readAssignments(document.scenario, index, 'scenario') };
  });
  const withTopLevelSets = applyTopLevelSets(fromFile.document, sets);
  const header = inFile(file, () => readExperimentHeader(withTopLevelSets));
  const base = index.writtenDefaults();
  for (const assignment of fromFile.assignments) applyAssignment(base, assignment);
  applyScenarioSets(base, sets, fromFile.axes, index);
  const runCount = countPoints(fromFile.axes) * header.replications;
  if (runCount > MAX_RUNS) throw gridTooLarge(file, fromFile.axes, header, MAX_RUNS, 'even with --force; shrink the sweep or the replications');
  if (runCount > MAX_RUNS_WITHOUT_FORCE && options.force !== true) {
    throw gridTooLarge(file, fromFile.axes, header, MAX_RUNS_WITHOUT_FORCE, 'shrink the sweep, or pass --force to run it anyway');
  }
  const limit = options.force === true ? undefined : (options.memoryLimit ?? availableMemory());
  if (limit !== undefined) checkBookkeeping(countPoints(fromFile.axes), runCount, model.metrics.length, limit, file);
  const written = new Set([...fromFile.assignments.map((assignment) => assignment.target.spec.path), ...scenarioSetPaths(sets, index)]);
  const points = inFile(file, () => expandPoints(base, fromFile.axes, index, written));
  if (limit !== undefined) checkMemory(estimateExperimentMemory(header, points, runCount, model, options.workers ?? 1), limit, file);
  const canonical = canonicalExperiment(header, base, fromFile.axes);
  const hash = sha256Hex(canonicalJson(canonical));
  return { file, header, parameterColumns: axisPaths(fromFile.axes), points, runCount, canonical, hash };
}

/** Runs `read`, prefixing the file name to any bad-input message it throws. */
function inFile<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof InputError) throw error.prefixed(file);
    throw error;
  }
}

function applyTopLevelSets(document: Record<string, unknown>, sets: readonly SetOption[]): Record<string, unknown> {
  const result = { ...document };
  for (const set of sets) {
    if (!isTopLevelSet(set)) continue;
    inSet(set, () => parseParameterValue(TOP_LEVEL_SPECS[set.path], set.value));
    result[set.path] = set.value;
  }
  return result;
}

function isTopLevelSet(set: SetOption): set is SetOption & { path: (typeof SETTABLE_TOP_LEVEL_KEYS)[number] } {
  return (SETTABLE_TOP_LEVEL_KEYS as readonly string[]).includes(set.path);
}

/** Each scenario `--set` lands on the base and is checked at once, so its message names it. */
function applyScenarioSets(base: WrittenScenario, sets: readonly SetOption[], axes: ExperimentAxes, index: ParameterIndex): void {
  const varied = axisPaths(axes);
  for (const set of sets) {
    if (isTopLevelSet(set)) continue;
    const target = index.target(set.path);
    if (target === undefined) throw unknownSetPath(set, index);
    const axis = varied.find((path) => pathsOverlap(path, set.path));
    if (axis !== undefined) {
      throw new InputError(`--set ${set.text}: \`${axis}\` varies between points (sweep or cases); change its values in the file instead`);
    }
    applyAssignment(base, { target, value: set.value });
    inSet(set, () => parseParameterValue(target.spec, base[target.spec.path]));
  }
}

/** The parameters the scenario `--set`s write. */
function scenarioSetPaths(sets: readonly SetOption[], index: ParameterIndex): string[] {
  return sets.flatMap((set) => (isTopLevelSet(set) ? [] : [index.target(set.path)?.spec.path ?? set.path]));
}

function inSet<T>(set: SetOption, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof InputError) throw error.prefixed(`--set ${set.text}`);
    throw error;
  }
}

function unknownSetPath(set: SetOption, index: ParameterIndex): InputError {
  const suggestion = closestName(set.path, [...SETTABLE_TOP_LEVEL_KEYS, ...index.paths]);
  const hint = suggestion === undefined ? '' : `; did you mean \`${suggestion}\`?`;
  const topLevel = SETTABLE_TOP_LEVEL_KEYS.join(', ');
  return new InputError(`--set ${set.text}: Unknown parameter \`${set.path}\`${hint} (besides parameters, --set takes ${topLevel})`);
}

function gridTooLarge(file: string, axes: ExperimentAxes, header: ExperimentHeader, limit: number, remedy: string): InputError {
  const points = countPoints(axes);
  const runs = `${groupThousands(points * header.replications)} runs (${groupThousands(points)} points × ${header.replications} replications)`;
  return new InputError(`${file}: the grid has ${runs}, over the limit of ${groupThousands(limit)} runs; ${remedy}`);
}

function canonicalExperiment(header: ExperimentHeader, base: WrittenScenario, axes: ExperimentAxes): CanonicalExperiment {
  const { name, description, seed, replications, written } = header;
  return {
    name, description, seed, replications, duration: written.duration, warmup: written.warmup,
    scenario: base,
    sweep: axes.sweep.map((axis) => ({ path: axis.target.path, values: axis.values })),
    cases: axes.cases.map((settings) => Object.fromEntries(settings.map(({ target, value }) => [target.path, value]))),
  };
}
