import { parseParameterValue, type ParameterSpec } from '../../contract/parameter-spec.js';
import { formatDuration, MAX_DURATION, type Nanoseconds } from '../../engine/time.js';
import { InputError } from '../../input-error.js';
import { closestName } from '../../text/closest-name.js';
import { MAX_RUNS } from './resolved-experiment.js';

/** The top-level keys of an experiment file, in the order documentation lists them. */
export const TOP_LEVEL_KEYS = ['name', 'description', 'seed', 'replications', 'duration', 'warmup', 'scenario', 'sweep', 'cases'] as const;

/** Top-level keys that `--set` may override (docs/design.md, Contracts). */
export const SETTABLE_TOP_LEVEL_KEYS = ['seed', 'replications', 'duration', 'warmup'] as const;

/** Lower-case letters, digits and dashes: the name becomes the output file name. */
export const EXPERIMENT_NAME_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The settable top-level keys written as parameter specs, so they are checked, described and
 * turned into JSON Schema exactly as model parameters are. `duration` has no default.
 */
export const TOP_LEVEL_SPECS: Readonly<Record<(typeof SETTABLE_TOP_LEVEL_KEYS)[number], ParameterSpec>> = {
  seed: {
    kind: 'integer', path: 'seed', unit: 'seed', default: 1, min: 0, max: Number.MAX_SAFE_INTEGER,
    doc: 'Experiment seed; with the replication and a stream name it seeds every random stream.',
    source: 'assumption',
  },
  replications: {
    kind: 'integer', path: 'replications', unit: 'runs per point', default: 1, min: 1, max: MAX_RUNS,
    doc: 'Independent runs of every point, numbered from 0.',
    source: 'assumption',
  },
  duration: {
    kind: 'duration', path: 'duration', unit: 'duration', default: '', min: 0, minExclusive: true, max: MAX_DURATION,
    doc: 'Measured window of simulated time, after the warmup; warmup + duration is at most 30 days. Required: it has no default.',
    source: 'none (required)',
  },
  warmup: {
    kind: 'duration', path: 'warmup', unit: 'duration', default: '0s', min: 0, max: MAX_DURATION,
    doc: 'Simulated time before the measured window.',
    source: 'assumption',
  },
};

/** The top-level settings of an experiment, with durations both as written and in ns. */
export interface ExperimentHeader {
  readonly name: string;
  readonly description: string;
  readonly seed: number;
  readonly replications: number;
  readonly duration: Nanoseconds;
  readonly warmup: Nanoseconds;
  /** `duration` and `warmup` as written (or defaulted), for the hash and the meta. */
  readonly written: { readonly duration: string; readonly warmup: string };
}

/** Checks the top-level keys and reads the header; throws InputError (no file prefix). */
export function readExperimentHeader(document: Record<string, unknown>): ExperimentHeader {
  const durationWritten = document.duration;
  if (durationWritten === undefined) throw new InputError('duration', 'a duration with a unit such as `60s` (it is required)', undefined);
  const warmupWritten = document.warmup ?? TOP_LEVEL_SPECS.warmup.default;
  const header = {
    name: readName(document.name),
    description: readDescription(document.description),
    seed: parseParameterValue(TOP_LEVEL_SPECS.seed, document.seed ?? TOP_LEVEL_SPECS.seed.default) as number,
    replications: parseParameterValue(TOP_LEVEL_SPECS.replications, document.replications ?? TOP_LEVEL_SPECS.replications.default) as number,
    duration: parseParameterValue(TOP_LEVEL_SPECS.duration, durationWritten) as Nanoseconds,
    warmup: parseParameterValue(TOP_LEVEL_SPECS.warmup, warmupWritten) as Nanoseconds,
    written: { duration: durationWritten as string, warmup: warmupWritten as string },
  };
  if (header.warmup + header.duration > MAX_DURATION) {
    const expected = `at most ${formatDuration(MAX_DURATION - header.warmup)} with warmup ${header.written.warmup} (warmup + duration is at most ${formatDuration(MAX_DURATION)}, 30 days of simulated time)`;
    throw new InputError('duration', expected, durationWritten);
  }
  return header;
}

/** A misspelt top-level key is reported first: every later message would mislead. */
export function rejectUnknownTopLevelKeys(document: Record<string, unknown>): void {
  const known: readonly string[] = TOP_LEVEL_KEYS;
  for (const key of Object.keys(document)) {
    if (known.includes(key)) continue;
    const suggestion = closestName(key, known);
    const hint = suggestion === undefined ? '' : `; did you mean \`${suggestion}\`?`;
    throw new InputError(`Unknown top-level key \`${key}\`${hint} (the keys are ${known.join(', ')})`);
  }
}

function readName(raw: unknown): string {
  if (typeof raw === 'string' && EXPERIMENT_NAME_PATTERN.test(raw)) return raw;
  throw new InputError('name', 'lower-case letters, digits and dashes (it names the output files)', raw);
}

function readDescription(raw: unknown): string {
  if (raw === undefined || raw === null) return '';
  if (typeof raw === 'string') return raw;
  throw new InputError('description', 'text', raw);
}
