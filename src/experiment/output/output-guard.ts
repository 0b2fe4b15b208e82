import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../../input-error.js';
import { journalPath } from '../journal/run-journal.js';
import { RUN_TABLE_NAMES } from '../run/experiment-runs.js';
import type { OutputPaths } from './output-files.js';
import { lockPath } from './output-lock.js';
import { NotARegularFileError, readRegularFile } from './regular-file.js';

/** A file a command reads: never one it writes. */
export interface InputFile {
  /** Absolute. */
  readonly path: string;
  /** As typed, for messages. */
  readonly name: string;
  /** `the experiment file`, `the meta of parts/x.part-1-of-3.csv`. */
  readonly what: string;
}

/**
 * Refuses, before anything is written (the lock included), an output whose files (the CSV,
 * summary, time series, class table, meta, journal or lock) would be one of the inputs: the same path, or
 * the same file under another name (a link). No option allows it.
 */
export function refuseInputsAsOutputs(paths: OutputPaths, inputs: readonly InputFile[]): void {
  const outputs = [...Object.values(paths), journalPath(paths.csv), lockPath(paths.csv)] as string[];
  for (const input of inputs) {
    const inputStats = statSync(input.path, { throwIfNoEntry: false });
    for (const output of outputs) {
      const outputStats = statSync(output, { throwIfNoEntry: false });
      const same = resolve(output) === resolve(input.path) || (inputStats !== undefined && outputStats !== undefined && inputStats.dev === outputStats.dev && inputStats.ino === outputStats.ino);
      if (same) {
        throw new InputError(
          `Cannot write the output \`${output}\`: it is ${input.what}, ${input.name}, which eastwest reads and never overwrites; choose another --out`,
        );
      }
    }
  }
}

/** What is at an output's paths before it is written: files to remove once the new set is in. */
export interface ExistingResults {
  /** Files of the earlier set of this output (its meta listed them) that the new set does not have: removed with its commit. */
  readonly leftovers: readonly string[];
}

/**
 * Checks what is at the output's paths (docs/design.md, Contracts, "Command line"): nothing,
 * or the results of this same experiment (a re-run replaces its own results), or, only with
 * `overwrite`, anything else: the results of another experiment (another `name` in the meta)
 * or files eastwest did not write (no meta, a meta that is not eastwest's, or one that does
 * not list the file). Refusals are bad input naming what is there. Call it holding the lock.
 */
export function checkExistingResults(paths: OutputPaths, experiment: string, overwrite: boolean): ExistingResults {
  const files = [paths.csv, paths.summary, ...RUN_TABLE_NAMES.map((table) => paths[table])].filter((path): path is string => path !== undefined);
  const present = files.filter((path) => existsSync(path));
  const meta = existsSync(paths.meta) ? readMeta(paths.meta) : undefined;
  if (!overwrite) refuseForeign(paths, experiment, present, meta);
  return { leftovers: leftoversOf(paths, files, meta) };
}

interface EarlierMeta {
  /** Undefined when the file is not an eastwest meta; then `why` says what it is. */
  readonly experiment?: string;
  readonly file?: string;
  readonly startedAt?: string;
  /** Names of the files it lists. */
  readonly listed: readonly string[];
  readonly why?: string;
}

function readMeta(path: string): EarlierMeta {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(readRegularFile(path).toString('utf8')) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof NotARegularFileError) return { listed: [], why: 'it is not a regular file: a device, a pipe or a folder' };
    return { listed: [], why: error instanceof SyntaxError ? 'it is not JSON' : `it cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  const files = data?.files;
  if (typeof data?.experiment !== 'string' || typeof data.experimentHash !== 'string' || typeof files !== 'object' || files === null) {
    return { listed: [], why: 'it is JSON, but not the meta eastwest writes' };
  }
  const listed = Object.values(files).filter((value): value is string => typeof value === 'string').map((value) => basename(value));
  return { experiment: data.experiment, file: String(data.file ?? '?'), startedAt: String(data.startedAt ?? '?'), listed };
}

function refuseForeign(paths: OutputPaths, experiment: string, present: readonly string[], meta: EarlierMeta | undefined): void {
  const refuse = (what: string): InputError =>
    new InputError(`Cannot write the output \`${paths.csv}\`: ${what}; pass --overwrite to replace what is there, or choose another --out`);
  if (meta === undefined) {
    if (present.length > 0) throw refuse(`${present[0]} exists, and eastwest did not write it (there is no ${basename(paths.meta)} beside it saying so)`);
    return;
  }
  if (meta.experiment === undefined) throw refuse(`${paths.meta} exists, and eastwest did not write it (${meta.why})`);
  if (meta.experiment !== experiment) {
    throw refuse(
      `${paths.meta} says the files there are the results of another experiment, \`${meta.experiment}\` (from ${meta.file}, started ${meta.startedAt}), ` +
        `not of \`${experiment}\``,
    );
  }
  const unlisted = present.find((path) => !meta.listed.includes(basename(path)));
  if (unlisted !== undefined) throw refuse(`${unlisted} exists, and eastwest did not write it (${basename(paths.meta)} beside it does not list it)`);
}

/**
 * The earlier set's files (as its meta lists them) that the new set will not write again, so
 * that no file of an older result stays beside the new one (a time series of a run before, when
 * this one has none). Only this output's own names are ever removed, whatever the meta lists.
 */
function leftoversOf(paths: OutputPaths, files: readonly string[], meta: EarlierMeta | undefined): string[] {
  if (meta?.experiment === undefined) return [];
  const stem = paths.csv.slice(0, -'.csv'.length);
  const ownNames = [`${stem}.csv`, `${stem}.summary.csv`, ...RUN_TABLE_NAMES.map((table) => `${stem}.${table}.csv`)].map((path) => basename(path));
  const kept = new Set(files.map((path) => basename(path)));
  return meta.listed
    .filter((name) => ownNames.includes(name) && !kept.has(name))
    .map((name) => join(dirname(paths.csv), name))
    .filter((path) => existsSync(path));
}
