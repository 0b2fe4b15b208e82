import { formatDuration, MAX_DURATION, parseDuration, type Nanoseconds } from '../engine/time.js';
import { InputError } from '../input-error.js';
import { parseDistribution, type DistributionSpec } from '../random/index.js';

/**
 * A model parameter declared once, as data (ns-3's attributes, OMNeT++'s @unit): validation,
 * `eastwest describe`, the README tables and the CSV column names all come from these records.
 */
interface ParameterBase {
  /** Dotted path as written in experiment files: `cluster.services`. */
  readonly path: string;
  /** Unit in the words users expect (`Services`, `requests/s`, `duration`, `cores`). */
  readonly unit: string;
  /** One line: what it means in Kubernetes terms. */
  readonly doc: string;
  /** Where the default comes from (a citation), or `assumption` when nothing published backs it. */
  readonly source: string;
  /**
   * Paths that may not be written in the same scenario when this one is written with a value
   * other than its default: two forms of one thing (`cluster.serviceClasses` and the one-class
   * shorthand `cluster.services`), where which should win is anyone's guess.
   */
  readonly excludes?: readonly string[];
  /**
   * The model that declares it (`proxy`, `dns`), set when the scenario is composed, as a
   * metric's `model` is: the table after a run shows the metrics of the swept parameters' models first.
   */
  readonly model?: string;
}

export interface IntegerParameter extends ParameterBase {
  readonly kind: 'integer';
  readonly default: number;
  readonly min: number;
  readonly max?: number;
}

export interface NumberParameter extends ParameterBase {
  readonly kind: 'number';
  readonly default: number;
  readonly min: number;
  /** True when `min` itself is not allowed (a rate must be > 0). */
  readonly minExclusive?: boolean;
  readonly max?: number;
}

export interface DurationParameter extends ParameterBase {
  readonly kind: 'duration';
  /** As written in YAML: `90s`. */
  readonly default: string;
  readonly min: Nanoseconds;
  readonly minExclusive?: boolean;
  readonly max?: Nanoseconds;
}

export interface DistributionParameter extends ParameterBase {
  readonly kind: 'distribution';
  /** As written in YAML: `{ dist: lognormal, median: 2ms, p99: 20ms }`. */
  readonly default: Readonly<Record<string, unknown>>;
  /** Whether the distribution's fields are durations or plain numbers. */
  readonly valueUnit: 'duration' | 'number';
}

export interface ChoiceParameter extends ParameterBase {
  readonly kind: 'choice';
  readonly default: string;
  readonly choices: readonly string[];
}

export interface BooleanParameter extends ParameterBase {
  readonly kind: 'boolean';
  readonly default: boolean;
}

/**
 * One of several choices, or a weighted mix of them: `short`, or `{ short: 0.6, external: 0.1,
 * namespaced: 0.3 }` (weights >= 0, any positive total; each draw picks one by weight).
 */
export interface MixParameter extends ParameterBase {
  readonly kind: 'mix';
  readonly default: string | Readonly<Record<string, number>>;
  readonly choices: readonly string[];
}

/** A mix as a run reads it: every choice with its share, the shares summing to 1. */
export type MixValue = Readonly<Record<string, number>>;

/**
 * A structured value a model reads itself (a list of Service classes; a choice or a number):
 * the model gives its parser, which throws InputError naming the exact field, the range as a
 * reader sees it, and the JSON schema of the value for editors. Declared once, in the model's
 * table, like every other parameter.
 */
export interface CustomParameter<V = unknown> extends ParameterBase {
  readonly kind: 'custom';
  /** As written in YAML (`spread`, `[]`). */
  readonly default: unknown;
  /** What `describe` shows as the range: `spread | a node number from 0`. */
  readonly range: string;
  /** JSON schema of the written value (experiment-schema.json). */
  readonly schema: Readonly<Record<string, unknown>>;
  /** Parses and checks the written value at `path`; throws InputError naming the field. */
  parse(raw: unknown, path: string): V;
  /**
   * For a list value: the fields of an element that a sweep, a case or `--set` may address
   * alone, as `<path>.<index>.<field>` (`cluster.serviceClasses.1.count`).
   */
  readonly elementFields?: readonly string[];
}

/** A custom parameter's parsed value: whatever its parser returns (plain data, never a function). */
export type CustomValue = Readonly<Record<string, unknown>> | readonly unknown[];

export type ParameterSpec =
  | CustomParameter
  | IntegerParameter
  | NumberParameter
  | DurationParameter
  | DistributionParameter
  | ChoiceParameter
  | BooleanParameter
  | MixParameter;

/** A parameter's value after parsing: durations in ns, distributions as specs. */
export type ParameterValue = number | string | boolean | DistributionSpec | MixValue | CustomValue;

/** Parses and range-checks one value written for `spec`; throws InputError naming the path. */
export function parseParameterValue(spec: ParameterSpec, raw: unknown): ParameterValue {
  switch (spec.kind) {
    case 'integer':
      return parseBoundedNumber(spec, raw, true);
    case 'number':
      return parseBoundedNumber(spec, raw, false);
    case 'duration':
      return parseBoundedDuration(spec, raw);
    case 'distribution':
      return parseDistribution(raw, spec.path, spec.valueUnit);
    case 'choice':
      if (typeof raw === 'string' && spec.choices.includes(raw)) return raw;
      throw new InputError(spec.path, `one of ${spec.choices.join(', ')}`, raw);
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      throw new InputError(spec.path, 'true or false', raw);
    case 'mix':
      return parseMix(spec, raw);
    case 'custom':
      return spec.parse(raw, spec.path) as ParameterValue;
  }
}

/** A choice (all weight on it) or a map of choices to weights, normalised to shares over every choice. */
function parseMix(spec: MixParameter, raw: unknown): MixValue {
  const expected = `one of ${spec.choices.join(', ')}, or a map of them to weights >= 0 with a positive total`;
  if (typeof raw === 'string' && spec.choices.includes(raw)) return Object.fromEntries(spec.choices.map((choice) => [choice, choice === raw ? 1 : 0]));
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InputError(spec.path, expected, raw);
  const weights = raw as Record<string, unknown>;
  for (const [choice, weight] of Object.entries(weights)) {
    if (!spec.choices.includes(choice)) throw new InputError(`${spec.path}.${choice}`, `one of ${spec.choices.join(', ')}`, choice);
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) throw new InputError(`${spec.path}.${choice}`, 'a weight >= 0', weight);
  }
  const total = Object.values(weights).reduce<number>((sum, weight) => sum + (weight as number), 0);
  if (!(total > 0)) throw new InputError(spec.path, expected, raw);
  return Object.fromEntries(spec.choices.map((choice) => [choice, ((weights[choice] as number | undefined) ?? 0) / total]));
}

/** The range as a reader sees it: `>= 1`, `1 to 5000`, `> 0`, `0s to 1h`. */
export function describeRange(spec: ParameterSpec): string {
  switch (spec.kind) {
    case 'integer':
    case 'number':
      return rangeText(spec.min, spec.max, spec.kind === 'number' && spec.minExclusive === true, String);
    case 'duration':
      return rangeText(spec.min, spec.max, spec.minExclusive === true, formatDuration);
    case 'distribution':
      return `{ dist: ... } with ${spec.valueUnit === 'duration' ? 'duration' : 'number'} fields`;
    case 'choice':
      return spec.choices.join(' | ');
    case 'boolean':
      return 'true | false';
    case 'mix':
      return `${spec.choices.join(' | ')}, or a map of them to weights`;
    case 'custom':
      return spec.range;
  }
}

/** The default as written in an experiment file (YAML flow style for distributions). */
export function describeDefault(spec: ParameterSpec): string {
  if (Array.isArray(spec.default)) return spec.default.length === 0 ? '[]' : JSON.stringify(spec.default);
  if (typeof spec.default !== 'object' || spec.default === null) return String(spec.default);
  const fields = Object.entries(spec.default).map(([key, value]) => `${key}: ${String(value)}`);
  return `{ ${fields.join(', ')} }`;
}

/**
 * The least positive rate: one event in about 11.6 days, less than once per the longest run
 * (MAX_DURATION). A smaller one would make the mean time between events longer than any clock
 * can hold (`requestsPerSecond: 1e-300` is 10^309 s); 0, where a rate allows it, means none.
 */
export const MIN_POSITIVE_RATE_PER_SECOND = 1e-6;

/** Rates are the parameters whose names end in `PerSecond` (docs/design.md, Contracts). */
export function isRate(spec: ParameterSpec): boolean {
  return spec.path.endsWith('PerSecond');
}

function parseBoundedNumber(spec: IntegerParameter | NumberParameter, raw: unknown, integer: boolean): number {
  const exclusive = spec.kind === 'number' && spec.minExclusive === true;
  // Without a declared maximum an integer still stops where integers stop being exact.
  const max = spec.max ?? (integer ? Number.MAX_SAFE_INTEGER : undefined);
  const expected = `${integer ? 'an integer' : 'a number'} ${rangeText(spec.min, max, exclusive, String)}`;
  if (typeof raw !== 'number' || !Number.isFinite(raw) || (integer && !Number.isInteger(raw))) {
    throw new InputError(spec.path, expected, raw);
  }
  if (!inRange(raw, spec.min, max, exclusive)) throw new InputError(spec.path, expected, raw);
  if (isRate(spec) && raw > 0 && raw < MIN_POSITIVE_RATE_PER_SECOND) {
    const least = `at least ${MIN_POSITIVE_RATE_PER_SECOND} per second when positive (one event in about 11.6 days; a run covers at most ${formatDuration(MAX_DURATION)})`;
    throw new InputError(spec.path, `${expected}, ${least}`, raw);
  }
  return raw;
}

/** Every duration stops at MAX_DURATION, whatever its table says, so none is Infinity or inexact. */
function parseBoundedDuration(spec: DurationParameter, raw: unknown): Nanoseconds {
  const exclusive = spec.minExclusive === true;
  const max = Math.min(spec.max ?? MAX_DURATION, MAX_DURATION);
  const range = rangeText(spec.min, max, exclusive, formatDuration);
  let value: Nanoseconds;
  try {
    if (typeof raw !== 'string') throw new Error('not a string');
    value = parseDuration(raw);
  } catch {
    throw new InputError(spec.path, `a duration with a unit (ns, us, ms, s, m, h) ${range}`, raw);
  }
  if (!inRange(value, spec.min, max, exclusive)) throw new InputError(spec.path, `a duration ${range}`, raw);
  return value;
}

function inRange(value: number, min: number, max: number | undefined, minExclusive: boolean): boolean {
  if (minExclusive ? value <= min : value < min) return false;
  return max === undefined || value <= max;
}

function rangeText(min: number, max: number | undefined, minExclusive: boolean, show: (n: number) => string): string {
  if (max !== undefined) return minExclusive ? `> ${show(min)} and <= ${show(max)}` : `from ${show(min)} to ${show(max)}`;
  return `${minExclusive ? '>' : '>='} ${show(min)}`;
}
