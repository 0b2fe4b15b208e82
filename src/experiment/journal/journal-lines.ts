import type { MetricValues } from '../../contract/metric-spec.js';
import type { Nanoseconds } from '../../engine/time.js';
import { RUN_TABLE_NAMES, RUN_TABLES, tableRows, type RunRecord, type RunTableName, type RunTableRow } from '../run/experiment-runs.js';
import { sealJson, unsealJson } from './checksum.js';

/** First line of a journal: what the runs in it belong to (resume compares the last two). */
export interface JournalHeader {
  readonly journal: 'eastwest run journal';
  readonly experiment: string;
  readonly experimentHash: string;
  readonly codeVersion: string;
  /** Runs the output needs in all (this shard's or --only's share). */
  readonly runs: number;
  readonly createdAt: string;
  /** The `--timeseries` width its runs were asked for; absent without one (resume compares it too). */
  readonly timeseriesBucketNs?: Nanoseconds;
}

export const JOURNAL_MARK = 'eastwest run journal';

/** A journal line whose checksum is missing or does not match its text: edited or damaged, so not to be trusted. */
export class DamagedLineError extends Error {
  constructor(readonly reason: 'no checksum' | 'checksum fails') {
    super(reason === 'no checksum' ? 'it has no checksum' : 'its checksum fails (the line was edited or damaged)');
    this.name = 'DamagedLineError';
  }
}

/**
 * One finished run as one line of JSON: run index, point, replication, metrics, warnings,
 * events, wall times and worker, then its tables of rows per run if it has them (its time
 * series, `[{ bucket, values }]`, then its class rows, `[{ name, values }]`), and last `sum`,
 * the checksum of the line before it (checksum.ts, sealJson). A metric with no samples is
 * `null` and a non-finite one a string (`"NaN"`), since JSON has neither; decoding gives back
 * the very same numbers, so a resumed result is byte-identical to an uninterrupted one.
 */
export function encodeRecord(record: RunRecord): string {
  const { run, warnings, events, buildSeconds, runSeconds, worker } = record;
  const metrics = encodeValues(record.metrics);
  const line: Record<string, unknown> = { run: run.index, point: run.point, replication: run.replication, metrics, warnings, events, buildSeconds, runSeconds, worker };
  for (const table of RUN_TABLE_NAMES) {
    const rows = tableRows(record, table);
    if (rows !== undefined) line[table] = rows.map((row) => encodeRow(table, row));
  }
  return sealJson(JSON.stringify(line));
}

/**
 * Reads a line `encodeRecord` wrote: a DamagedLineError when its checksum is missing or
 * fails, else a plain Error saying what is wrong with it.
 */
export function decodeRecord(line: string): RunRecord {
  const unsealed = unsealJson(line);
  if (!unsealed.ok) throw new DamagedLineError(unsealed.reason);
  const data = JSON.parse(unsealed.json) as Record<string, unknown>;
  const numbers = ['run', 'point', 'replication', 'events', 'buildSeconds', 'runSeconds', 'worker'] as const;
  for (const key of numbers) if (typeof data[key] !== 'number') throw new Error(`\`${key}\` is not a number`);
  if (typeof data.metrics !== 'object' || data.metrics === null) throw new Error('`metrics` is not an object');
  if (!Array.isArray(data.warnings)) throw new Error('`warnings` is not a list');
  const number = (key: (typeof numbers)[number]): number => data[key] as number;
  const record: RunRecord = {
    run: { index: number('run'), point: number('point'), replication: number('replication') },
    metrics: decodeValues(data.metrics),
    warnings: data.warnings.map(String),
    events: number('events'),
    buildSeconds: number('buildSeconds'),
    runSeconds: number('runSeconds'),
    worker: number('worker'),
  };
  const tables = RUN_TABLE_NAMES.filter((table) => data[table] !== undefined).map((table) => [table, decodeRows(table, data[table])]);
  return { ...record, ...Object.fromEntries(tables) };
}

/** A row as `{ <its row field>, values }`: `{ bucket, values }`, `{ name, values }`. */
function encodeRow(table: RunTableName, row: RunTableRow): object {
  const field = RUN_TABLES[table].rowField;
  return { [field]: (row as unknown as Record<string, unknown>)[field], values: encodeValues(row.values) };
}

function decodeRows(table: RunTableName, data: unknown): RunTableRow[] {
  const { rowField, type } = RUN_TABLES[table];
  if (!Array.isArray(data)) throw new Error(`\`${table}\` is not a list`);
  return data.map((item: unknown, i) => {
    const row = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    if (typeof row[rowField] !== type) throw new Error(`\`${table}[${i}].${rowField}\` is not a ${type}`);
    if (typeof row.values !== 'object' || row.values === null) throw new Error(`\`${table}[${i}].values\` is not an object`);
    return { [rowField]: row[rowField], values: decodeValues(row.values) } as unknown as RunTableRow;
  });
}

export function encodeHeader(header: JournalHeader): string {
  return sealJson(JSON.stringify(header));
}

/** A journal's first line read: its header, a header whose checksum fails, or no journal header at all. */
export type HeaderLine =
  | { readonly kind: 'header'; readonly header: JournalHeader }
  | { readonly kind: 'damaged'; readonly reason: 'no checksum' | 'checksum fails' }
  | { readonly kind: 'foreign' };

/** Reads the first line of a file at a journal path; `foreign` when it is not a journal's (a file of something else). */
export function decodeHeader(line: string): HeaderLine {
  let data: Partial<JournalHeader> & { sum?: unknown };
  try {
    data = JSON.parse(line) as typeof data;
  } catch {
    return { kind: 'foreign' };
  }
  if (data?.journal !== JOURNAL_MARK) return { kind: 'foreign' };
  const unsealed = unsealJson(line);
  if (!unsealed.ok) return { kind: 'damaged', reason: unsealed.reason };
  const { sum: _sum, ...header } = data;
  return { kind: 'header', header: header as JournalHeader };
}

/** Whether `text` (a file's content with no complete line) could be the start of a journal header cut by a kill. */
export function isTornHeader(text: string): boolean {
  const start = `{"journal":"${JOURNAL_MARK}"`;
  return text.length <= start.length ? start.startsWith(text) : text.startsWith(start);
}

function encodeValues(values: MetricValues): Record<string, number | string | null> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, encodeMetric(value)]));
}

function decodeValues(data: object): MetricValues {
  return Object.fromEntries(Object.entries(data).map(([name, value]) => [name, decodeMetric(value)]));
}

function encodeMetric(value: number | undefined): number | string | null {
  if (value === undefined) return null;
  return Number.isFinite(value) ? value : String(value);
}

function decodeMetric(value: unknown): number | undefined {
  if (value === null) return undefined;
  if (typeof value === 'number') return value;
  if (value === 'NaN' || value === 'Infinity' || value === '-Infinity') return Number(value);
  throw new Error(`a metric value is \`${JSON.stringify(value)}\`, not a number`);
}
