import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from '../../input-error.js';
import { fileChecksum } from '../journal/checksum.js';
import { RUN_TABLE_NAMES } from '../run/experiment-runs.js';
import { ALL_RUNS } from '../run/run-selection.js';
import type { ResolvedExperiment } from '../spec/resolved-experiment.js';
import type { FileRole } from './file-checksums.js';
import { outputPaths, type OutputPaths } from './output-files.js';
import { NotARegularFileError, readRegularFile } from './regular-file.js';

/** What a saved meta says that a reader of the results needs. */
export interface SavedMeta {
  readonly codeVersion: string;
  /** `--baseline` as typed, or null. */
  readonly baseline: string | null;
  /** `--timeseries` as a duration (`1s`), when the runs wrote a time series. */
  readonly timeseriesBucket: string | undefined;
}

/** A complete output set of an experiment, read back and checked: each CSV's text by role. */
export interface SavedOutputs {
  readonly paths: OutputPaths;
  readonly meta: SavedMeta;
  readonly texts: ReadonlyMap<FileRole, string>;
}

/** Either the saved set, or why the output holds none of this experiment (nothing, another experiment, other runs). */
export type SavedOutputsFound = { readonly found: true; readonly saved: SavedOutputs } | { readonly found: false; readonly why: string };

/**
 * Reads back the output set at `csv` (its meta and the CSVs the meta lists) if it is the
 * complete results of this very experiment: the same name and experiment hash (the file,
 * `--set`s and defaults), every run of it, not a shard's part or `--only`. Every CSV must
 * match the SHA-256 its meta records (docs/design.md, Output files), as merge checks parts: a
 * file edited or damaged since eastwest wrote it is bad input naming it, never read as
 * results. The files may have moved since (the meta records the paths they were written
 * at): they are found by role beside the meta. Call it holding the output's lock, after
 * recoverOutputSet, so no write is half done.
 */
export function readSavedOutputs(csv: string, experiment: ResolvedExperiment, shown: (path: string) => string): SavedOutputsFound {
  const every = outputPaths(experiment.header.name, csv, '/', ALL_RUNS, Object.fromEntries(RUN_TABLE_NAMES.map((table) => [table, true])));
  if (!existsSync(every.meta)) return { found: false, why: `there is no ${shown(every.meta)}` };
  const meta = readMeta(every.meta, shown);
  const why = notThisExperiment(meta, experiment);
  if (why !== undefined) return { found: false, why };
  const checksums = meta.checksums as Partial<Record<string, { sha256?: unknown }>> | undefined;
  if (typeof checksums?.csv?.sha256 !== 'string' || typeof checksums.summary?.sha256 !== 'string') {
    return { found: false, why: `${shown(every.meta)} records no checksums of the CSV and summary (an older eastwest wrote it)` };
  }
  const texts = new Map<FileRole, string>();
  for (const role of ['csv', 'summary', ...RUN_TABLE_NAMES] as const) {
    const expected = checksums[role]?.sha256;
    if (typeof expected !== 'string') continue;
    texts.set(role, readChecked(every[role]!, expected, shown(every.meta), shown));
  }
  const tables = Object.fromEntries(RUN_TABLE_NAMES.filter((table) => texts.has(table)).map((table) => [table, every[table]]));
  const saved = { paths: { csv: every.csv, summary: every.summary, meta: every.meta, ...tables }, meta: savedMeta(meta), texts };
  checkBaselineColumns(saved, shown);
  return { found: true, saved };
}

function readMeta(path: string, shown: (path: string) => string): Record<string, unknown> {
  try {
    const meta = JSON.parse(readRegularFile(path).toString('utf8')) as unknown;
    if (typeof meta === 'object' && meta !== null && !Array.isArray(meta)) return meta as Record<string, unknown>;
  } catch (error) {
    if (error instanceof NotARegularFileError) throw new InputError(`${shown(path)}: expected the meta of an output, found something that is not a regular file (a device, a pipe or a folder)`);
    if (!(error instanceof SyntaxError)) throw error;
  }
  throw new InputError(`${shown(path)}: expected the meta eastwest writes (JSON), found something else; move it away, or pass --overwrite to run again over it`);
}

function notThisExperiment(meta: Record<string, unknown>, experiment: ResolvedExperiment): string | undefined {
  if (meta.experiment !== experiment.header.name) return `it holds the results of another experiment, \`${String(meta.experiment)}\``;
  if (meta.experimentHash !== experiment.hash) {
    return `it holds results of \`${experiment.header.name}\` with another experiment hash (${String(meta.experimentHash).slice(0, 12)}, not ${experiment.hash.slice(0, 12)}): the file, a --set or a model default has changed since`;
  }
  const selection = meta.selection as { kind?: unknown } | undefined;
  if (selection?.kind !== 'all' || meta.runs !== experiment.runCount) return 'it holds only some of the runs (a shard or --only)';
  return undefined;
}

function readChecked(path: string, expected: string, metaName: string, shown: (path: string) => string): string {
  let text: string;
  try {
    text = readRegularFile(path).toString('utf8');
  } catch (error) {
    if (error instanceof NotARegularFileError) throw new InputError(`${shown(path)}: expected the CSV ${metaName} lists, found something that is not a regular file`);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new InputError(`${shown(path)}: ${metaName} lists it, and it is missing; run the experiment again`);
    throw error;
  }
  if (fileChecksum(text) !== expected) {
    throw new InputError(
      `${shown(path)}: its SHA-256 is not the one ${metaName} records, so it was edited or damaged after eastwest wrote it; ` +
        `it is not read as results: restore it, or run the experiment again`,
    );
  }
  return text;
}

function savedMeta(meta: Record<string, unknown>): SavedMeta {
  return {
    codeVersion: String(meta.codeVersion ?? '?'),
    baseline: typeof meta.baseline === 'string' ? meta.baseline : null,
    timeseriesBucket: typeof meta.timeseriesBucket === 'string' ? meta.timeseriesBucket : undefined,
  };
}

/** The meta has no checksum of its own: its baseline must at least agree with the summary's columns. */
function checkBaselineColumns(saved: SavedOutputs, shown: (path: string) => string): void {
  const header = saved.texts.get('summary')!.split('\n', 1)[0];
  const hasDiffs = /_diff(,|$)/.test(header);
  if (hasDiffs !== (saved.meta.baseline !== null)) {
    const says = saved.meta.baseline === null ? 'no baseline' : `baseline ${saved.meta.baseline}`;
    throw new InputError(`${shown(saved.paths.meta)}: it says ${says}, but ${basename(saved.paths.summary!)} ${hasDiffs ? 'has' : 'has no'} difference columns: the meta was edited`);
  }
}
