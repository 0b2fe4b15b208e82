import { resolve } from 'node:path';
import { parseDuration, type Nanoseconds } from '../../engine/time.js';
import { InputError } from '../../input-error.js';
import { checkMetaChecksum } from '../output/file-checksums.js';
import { NotARegularFileError, readRegularFile } from '../output/regular-file.js';
import type { CodeVersion } from '../run/code-version.js';
import type { RunTableName } from '../run/experiment-runs.js';
import type { CanonicalExperiment } from '../spec/resolved-experiment.js';
import type { PartChecksums } from './part-checksums.js';

/** The fields of a part's meta that merge uses (experiment-meta.ts writes them). */
export interface PartMeta {
  readonly experiment: string;
  readonly file: string;
  readonly experimentHash: string;
  readonly codeVersion: string;
  readonly eastwestVersion: string;
  readonly gitCommit: string | null;
  readonly gitDirty: boolean;
  readonly nodeVersion: string;
  readonly commandLine: readonly string[];
  readonly selection: { readonly kind: string; readonly shard?: number; readonly of?: number };
  /** The `--timeseries` width as a duration (`1s`); absent when the shard wrote no time series. */
  readonly timeseriesBucket?: string;
  /** True when the shard ran with `--all-params` (every parameter a column of its CSVs); absent otherwise. */
  readonly allParams?: boolean;
  /** The part's files by role, as the shard wrote them: `classes` says it wrote a class table. */
  readonly files?: Readonly<Record<string, unknown>>;
  readonly workers: number;
  readonly startedAt: string;
  readonly resolved: CanonicalExperiment;
  readonly warnings?: readonly { readonly point: number; readonly message: string }[];
  readonly wallTime: { readonly totalSeconds: number; readonly perRun: readonly PartRunTimes[] };
  /** The checksums of the part's files, each line's included (merge checks them: part-checksums.ts). */
  readonly checksums?: PartChecksums;
}

export interface PartRunTimes {
  readonly run: number;
  readonly worker: number;
  readonly events: number;
  readonly buildSeconds: number;
  readonly runSeconds: number;
}

/** One `X.part-K-of-N.csv` given to merge, with its meta. */
export interface ShardPart {
  /** As typed on the command line, for messages. */
  readonly name: string;
  readonly shard: number;
  readonly of: number;
  readonly csvText: string;
  readonly meta: PartMeta;
  /** Its `X.part-K-of-N.timeseries.csv`, when its meta says the shard wrote one. */
  readonly timeseries?: PartTimeseries;
  /** Its `X.part-K-of-N.classes.csv`, when its meta lists one. */
  readonly classes?: PartTable;
}

/** A part's table of rows per run (its time series, its class table). */
export interface PartTable {
  /** As the part's name is typed, with `.<table>.csv` for `.csv`. */
  readonly name: string;
  readonly text: string;
}

export interface PartTimeseries extends PartTable {
  readonly bucketWidth: Nanoseconds;
}

const PART_NAME = /\.part-(\d+)-of-(\d+)\.csv$/;

/**
 * Reads a part, its meta (`X.part-K-of-N.meta.json` beside it), when the meta records a
 * `--timeseries` width its time series (`X.part-K-of-N.timeseries.csv`), and when the meta
 * lists one its class table (`X.part-K-of-N.classes.csv`); bad input names the file.
 */
export function readShardPart(name: string, cwd: string): ShardPart {
  const match = PART_NAME.exec(name);
  if (match === null) {
    throw new InputError(`${name}: Expected a shard's part, named \`X.part-K-of-N.csv\` as \`eastwest run --shard\` writes it, got \`${name}\``);
  }
  const [shard, of] = [Number(match[1]), Number(match[2])];
  const metaName = partMetaName(name);
  const csvText = readText(resolve(cwd, name), name, 'the part');
  const meta = parseMeta(readText(resolve(cwd, metaName), metaName, `the meta of ${name} (merge needs both files of every part)`), metaName);
  const { selection } = meta;
  if (selection?.kind !== 'shard' || selection.shard !== shard || selection.of !== of) {
    const found = selection?.kind === 'shard' ? `shard ${selection.shard} of ${selection.of}` : `\`${JSON.stringify(selection)}\``;
    throw new InputError(`${metaName}: Expected the meta of shard ${shard} of ${of}, as the file name says, got ${found}`);
  }
  const timeseries = meta.timeseriesBucket === undefined ? undefined : readPartTimeseries(name, cwd, meta.timeseriesBucket, metaName);
  const classes = meta.files?.classes === undefined ? undefined : readPartTable(name, cwd, 'classes', 'class table');
  return { name, shard, of, csvText, meta, ...(timeseries === undefined ? {} : { timeseries }), ...(classes === undefined ? {} : { classes }) };
}

/** `X.part-K-of-N.meta.json` for `X.part-K-of-N.csv`, as typed. */
export function partMetaName(name: string): string {
  return `${name.slice(0, -'.csv'.length)}.meta.json`;
}

function readPartTimeseries(name: string, cwd: string, written: string, metaName: string): PartTimeseries {
  let bucketWidth: Nanoseconds;
  try {
    bucketWidth = parseDuration(written);
  } catch {
    bucketWidth = 0;
  }
  if (!(bucketWidth > 0)) throw new InputError('timeseriesBucket', 'a duration > 0 such as `1s`', written).prefixed(metaName);
  return { ...readPartTable(name, cwd, 'timeseries', 'time series'), bucketWidth };
}

/** The part's `X.part-K-of-N.<table>.csv`, which its meta says the shard wrote. */
function readPartTable(name: string, cwd: string, table: RunTableName, what: string): PartTable {
  const tableName = `${name.slice(0, -'.csv'.length)}.${table}.csv`;
  return { name: tableName, text: readText(resolve(cwd, tableName), tableName, `the ${what} of ${name} (its meta says the shard wrote one)`) };
}

/** The code version recorded in a part's meta, as readCodeVersion would have given it. */
export function partCodeVersion(meta: PartMeta): CodeVersion {
  return { version: meta.eastwestVersion, gitCommit: meta.gitCommit, dirty: meta.gitDirty, label: meta.codeVersion };
}

function readText(path: string, name: string, what: string): string {
  try {
    return readRegularFile(path).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : error instanceof NotARegularFileError ? 'not a regular file: a device, a pipe or a folder' : String(error);
    throw new InputError(`${name}: cannot read ${what} (${reason})`);
  }
}

function parseMeta(text: string, name: string): PartMeta {
  let meta: PartMeta;
  try {
    meta = JSON.parse(text) as PartMeta;
    const required = ['experimentHash', 'codeVersion', 'resolved', 'selection', 'wallTime'] as const;
    const absent = required.find((key) => meta?.[key] === undefined);
    if (absent !== undefined) throw new Error(`it has no \`${absent}\``);
  } catch (error) {
    const what = error instanceof SyntaxError ? `it is not JSON (${oneLine(error.message)})` : (error as Error).message;
    throw new InputError(`${name}: Expected the meta JSON that \`eastwest run --shard\` writes, but ${what}`);
  }
  const sealed = checkMetaChecksum(meta as unknown as Record<string, unknown>);
  if (sealed === 'missing') {
    throw new InputError(`${name}: Expected the checksum of the meta itself (\`checksums.meta\`, which \`eastwest run --shard\` records), got nothing; rerun the shard with this eastwest`);
  }
  if (sealed === 'fails') {
    throw new InputError(`${name}: its checksum fails (\`checksums.meta\`); the part was edited or damaged since its shard wrote it, so it is not merged (rerun that shard)`);
  }
  return meta;
}

/**
 * A parser's message as one printable line: V8 quotes the text around a JSON syntax error, which
 * may hold line breaks, control characters or any garbage the file has; an error is one line.
 */
function oneLine(message: string): string {
  const line = message.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
