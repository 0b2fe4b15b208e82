import { formatDuration, MAX_DURATION, parseDuration } from '../engine/time.js';
import { InputError } from '../input-error.js';
import { closestName } from '../text/closest-name.js';

/** What a distribution's fields measure: durations are written with units, numbers bare. */
export type DistributionUnit = 'duration' | 'number';

/**
 * A random quantity as data, as experiment files write it (docs/design.md, Contracts):
 * `{ dist: lognormal, median: 2ms, p99: 20ms }`. For a duration quantity every field but
 * `alpha` holds nanoseconds; for a number quantity, the number as written.
 */
export type DistributionSpec =
  | { readonly dist: 'constant'; readonly value: number }
  | { readonly dist: 'exponential'; readonly mean: number }
  | { readonly dist: 'lognormal'; readonly median: number; readonly p99: number }
  | { readonly dist: 'uniform'; readonly min: number; readonly max: number }
  | { readonly dist: 'boundedPareto'; readonly min: number; readonly max: number; readonly alpha: number }
  | { readonly dist: 'empirical'; readonly values: readonly number[] };

export type DistributionName = DistributionSpec['dist'];

/** Each distribution's fields besides `dist`, in the order documentation and messages list them. */
export const DISTRIBUTION_FIELDS: { readonly [Name in DistributionName]: readonly string[] } = {
  constant: ['value'],
  exponential: ['mean'],
  lognormal: ['median', 'p99'],
  uniform: ['min', 'max'],
  boundedPareto: ['min', 'max', 'alpha'],
  empirical: ['values'],
};

export const DISTRIBUTION_NAMES = Object.keys(DISTRIBUTION_FIELDS) as readonly DistributionName[];

/** Same wording as parseDuration's own message, so every duration field reads alike. */
const DURATION_EXPECTED = 'a duration with a unit (ns, us, ms, s, m, h; e.g. `250us`, `1.5s`, `1m30s`)';

const quote = (name: string): string => `\`${name}\``;

/**
 * Reads a distribution written as data (a parsed YAML or JSON object) at field path `path`.
 * Throws InputError naming the exact field, what it should be and what it was: an unknown
 * `dist` (with "did you mean"), a field the distribution does not take, a missing field, a
 * duration without a unit or a bare number where a duration is needed, a negative value,
 * p99 < median, min > max, alpha <= 0, an empty `values` list.
 */
export function parseDistribution(raw: unknown, path: string, unit: DistributionUnit): DistributionSpec {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    const names = DISTRIBUTION_NAMES.join(', ');
    throw new InputError(path, `a distribution \`{ dist: NAME, ... }\` with NAME one of ${names}`, raw);
  }
  const record = raw as Record<string, unknown>;
  const dist = parseName(record.dist, `${path}.dist`);
  rejectUnknownFields(record, dist, path);
  return readFields(new FieldReader(record, path, unit), dist);
}

function readFields(read: FieldReader, dist: DistributionName): DistributionSpec {
  switch (dist) {
    case 'constant':
      return { dist, value: read.quantity('value', NON_NEGATIVE) };
    case 'exponential':
      return { dist, mean: read.quantity('mean', POSITIVE) };
    case 'lognormal': {
      const median = read.quantity('median', POSITIVE);
      return { dist, median, p99: read.quantity('p99', read.atLeastField('median', median)) };
    }
    case 'uniform': {
      const min = read.quantity('min', NON_NEGATIVE);
      return { dist, min, max: read.quantity('max', read.atLeastField('min', min)) };
    }
    case 'boundedPareto': {
      const min = read.quantity('min', POSITIVE);
      const max = read.quantity('max', read.atLeastField('min', min));
      return { dist, min, max, alpha: read.plainNumber('alpha', POSITIVE) };
    }
    case 'empirical':
      return { dist, values: read.values('values') };
  }
}

function parseName(raw: unknown, path: string): DistributionName {
  if (typeof raw === 'string' && Object.hasOwn(DISTRIBUTION_FIELDS, raw)) return raw as DistributionName;
  const suggestion = typeof raw === 'string' ? closestName(raw, DISTRIBUTION_NAMES) : undefined;
  const hint = suggestion === undefined ? '' : ` (did you mean ${quote(suggestion)}?)`;
  throw new InputError(path, `one of ${DISTRIBUTION_NAMES.map(quote).join(', ')}${hint}`, raw);
}

/** A misspelt field is reported as itself, with the missing field it most likely meant. */
function rejectUnknownFields(record: Record<string, unknown>, dist: DistributionName, path: string): void {
  const fields = DISTRIBUTION_FIELDS[dist];
  for (const key of Object.keys(record)) {
    if (key === 'dist' || fields.includes(key)) continue;
    const missing = fields.filter((field) => !Object.hasOwn(record, field));
    const suggestion = closestName(key, missing);
    const hint = suggestion === undefined ? '' : `; did you mean ${quote(suggestion)}?`;
    const takes = `${quote(dist)} takes ${fields.map(quote).join(', ')}`;
    throw new InputError(`${path}.${key}`, `absent (${takes}${hint})`, record[key]);
  }
}

/** The least value a field accepts, and how a message names it (`0`, `` `x.median` (2ms) ``). */
interface LowerBound {
  readonly value: number;
  readonly strict: boolean;
  readonly label: string;
}

const NON_NEGATIVE: LowerBound = { value: 0, strict: false, label: '0' };
const POSITIVE: LowerBound = { value: 0, strict: true, label: '0' };

/** Reads the fields of one distribution record, in the record's unit, checking bounds. */
class FieldReader {
  constructor(
    private readonly record: Record<string, unknown>,
    private readonly path: string,
    private readonly unit: DistributionUnit,
  ) {}

  quantity(field: string, bound: LowerBound): number {
    return readQuantity(this.record[field], `${this.path}.${field}`, this.unit, bound);
  }

  /** Shape parameters such as `alpha` have no unit, whatever the quantity's unit. */
  plainNumber(field: string, bound: LowerBound): number {
    return readQuantity(this.record[field], `${this.path}.${field}`, 'number', bound);
  }

  /** "At least the value of another field", named by its path and shown in its unit. */
  atLeastField(field: string, value: number): LowerBound {
    const shown = this.unit === 'duration' ? formatDuration(value) : String(value);
    return { value, strict: false, label: `${quote(`${this.path}.${field}`)} (${shown})` };
  }

  values(field: string): number[] {
    const raw = this.record[field];
    const path = `${this.path}.${field}`;
    if (!Array.isArray(raw) || raw.length === 0) {
      throw new InputError(path, `a non-empty list of ${this.unit}s`, raw);
    }
    return raw.map((item, i) => readQuantity(item, `${path}[${i}]`, this.unit, NON_NEGATIVE));
  }
}

function readQuantity(raw: unknown, path: string, unit: DistributionUnit, bound: LowerBound): number {
  const value = unit === 'duration' ? readDuration(raw, path) : readNumber(raw, path);
  if (bound.strict ? value > bound.value : value >= bound.value) return value;
  throw new InputError(path, `a ${unit} ${bound.strict ? '>' : '>='} ${bound.label}`, raw);
}

function readNumber(raw: unknown, path: string): number {
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  throw new InputError(path, 'a number', raw);
}

/**
 * A duration string in nanoseconds. parseDuration has no sign, but `-5ms` deserves "must
 * not be negative" rather than "not a duration", so the sign is read here. Like every
 * duration, at most MAX_DURATION (a 400-digit one would be Infinity).
 */
function readDuration(raw: unknown, path: string): number {
  if (typeof raw !== 'string') throw new InputError(path, DURATION_EXPECTED, raw);
  const text = raw.trim();
  const negative = text.startsWith('-');
  let magnitude: number;
  try {
    magnitude = parseDuration(negative ? text.slice(1) : text);
  } catch {
    throw new InputError(path, DURATION_EXPECTED, raw);
  }
  if (!(magnitude <= MAX_DURATION)) throw new InputError(path, `a duration of at most ${formatDuration(MAX_DURATION)} (30 days)`, raw);
  return negative && magnitude !== 0 ? -magnitude : magnitude;
}
