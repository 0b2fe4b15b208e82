import {
  ALL_RUNS,
  parseOnly,
  parseShard,
  shardFromJobIndex,
  type ResolvedExperiment,
  type RunSelection,
} from '../experiment/index.js';
import { InputError } from '../input-error.js';
import { singleFile, stringList, type OptionValues } from './parse-command-args.js';
import { readTableRequest, TABLE_OPTIONS, type TableRequest } from './table-options.js';

/** `eastwest run`'s options, for node:util parseArgs. */
export const RUN_OPTIONS = {
  out: { type: 'string' },
  set: { type: 'string', multiple: true },
  workers: { type: 'string' },
  shard: { type: 'string' },
  shards: { type: 'string' },
  resume: { type: 'boolean' },
  only: { type: 'string', multiple: true },
  baseline: { type: 'string' },
  timeseries: { type: 'string' },
  force: { type: 'boolean' },
  overwrite: { type: 'boolean' },
  quiet: { type: 'boolean' },
  'all-params': { type: 'boolean' },
  ...TABLE_OPTIONS,
  report: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** An `eastwest run` command line, read and checked as far as it can be without the experiment. */
export interface RunRequest {
  readonly file: string;
  readonly out: string | undefined;
  readonly sets: readonly string[];
  readonly force: boolean;
  /** `--overwrite`: replace another experiment's results, or files eastwest did not write, at the output. */
  readonly overwrite: boolean;
  readonly quiet: boolean;
  readonly resume: boolean;
  readonly workers: number;
  readonly baseline: string | undefined;
  readonly shard: string | undefined;
  readonly shards: string | undefined;
  readonly only: readonly string[];
  /** `--timeseries DURATION` as typed; checked against the experiment once it is read. */
  readonly timeseries: string | undefined;
  /** `--all-params`: every scenario parameter as a column of the CSVs, not only the swept ones. */
  readonly allParams: boolean;
  /** `--columns` and `--format`: the table on stdout. */
  readonly table: TableRequest;
  /** `--report`: charts and index.md beside the results once they are written (eastwest report). */
  readonly report: boolean;
}

export function readRunRequest(values: OptionValues, positionals: readonly string[], defaultWorkers: number): RunRequest {
  const text = (name: string): string | undefined => (values[name] === undefined ? undefined : String(values[name]));
  const request: RunRequest = {
    file: singleFile('eastwest run', positionals),
    out: text('out'),
    sets: stringList(values.set),
    force: values.force === true,
    overwrite: values.overwrite === true,
    quiet: values.quiet === true,
    resume: values.resume === true,
    workers: parseWorkers(text('workers'), defaultWorkers),
    baseline: text('baseline'),
    shard: text('shard'),
    shards: text('shards'),
    only: stringList(values.only),
    timeseries: text('timeseries'),
    allParams: values['all-params'] === true,
    table: readTableRequest(values),
    report: values.report === true,
  };
  rejectConflicts(request);
  return request;
}

/** `--workers N`, an integer >= 1; the default when not given. */
export function parseWorkers(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) {
    throw new InputError('--workers', 'an integer >= 1', text).prefixed(`--workers ${text}`);
  }
  return Number(text);
}

/** The runs this invocation does, checked against the experiment (`--only` ranges) and the environment (`--shards`). */
export function selectionOf(request: RunRequest, experiment: ResolvedExperiment, env: Readonly<Record<string, string | undefined>>): RunSelection {
  if (request.shard !== undefined) return parseShard(request.shard);
  if (request.shards !== undefined) return shardFromJobIndex(request.shards, env.JOB_COMPLETION_INDEX);
  if (request.only.length > 0) return parseOnly(request.only, experiment.points.length, experiment.header.replications);
  return ALL_RUNS;
}

function rejectConflicts(request: RunRequest): void {
  const sharded = request.shard !== undefined || request.shards !== undefined;
  if (request.shard !== undefined && request.shards !== undefined) {
    throw new InputError('eastwest run: give `--shard K/N` or `--shards N` (in a Kubernetes Indexed Job), not both');
  }
  if (sharded && request.only.length > 0) {
    throw new InputError('eastwest run: `--only` picks runs for debugging and does not combine with `--shard` or `--shards`');
  }
  if ((sharded || request.only.length > 0) && request.report) {
    throw new InputError('eastwest run: `--report` charts the complete results of an experiment, so it does not combine with `--shard`, `--shards` or `--only`; report on the merged results with `eastwest report FILE --out DIR`');
  }
  if (sharded && request.baseline !== undefined) {
    throw new InputError('eastwest run: a shard writes no summary, so `--baseline` has nothing to do there; give it to `eastwest merge`');
  }
  if (sharded && request.table.columns !== undefined) {
    throw new InputError('eastwest run: a shard prints no table, so `--columns` has nothing to do there; give it to `eastwest merge`');
  }
}
