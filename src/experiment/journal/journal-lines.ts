import type { MetricValues } from '../../contract/metric-spec.js';
import type { RunRecord } from '../run/experiment-runs.js';

/** First line of a journal: what the runs in it belong to (resume compares the last two). */
export interface JournalHeader {
  readonly journal: 'eastwest run journal';
  readonly experiment: string;
  readonly experimentHash: string;
  readonly codeVersion: string;
  /** Runs the output needs in all (this shard's or --only's share). */
  readonly runs: number;
  readonly createdAt: string;
}

export const JOURNAL_MARK = 'eastwest run journal';

/**
 * One finished run as one line of JSON: run index, point, replication, metrics, warnings,
 * events, wall times and worker. A metric with no samples is `null` and a non-finite one a
 * string (`"NaN"`), since JSON has neither; decoding gives back the very same numbers, so a
 * resumed result is byte-identical to an uninterrupted one.
 */
export function encodeRecord(record: RunRecord): string {
  const { run, warnings, events, buildSeconds, runSeconds, worker } = record;
  const metrics = Object.fromEntries(Object.entries(record.metrics).map(([name, value]) => [name, encodeMetric(value)]));
  return JSON.stringify({ run: run.index, point: run.point, replication: run.replication, metrics, warnings, events, buildSeconds, runSeconds, worker });
}

/** Reads a line `encodeRecord` wrote; throws a plain Error saying what is wrong with it. */
export function decodeRecord(line: string): RunRecord {
  const data = JSON.parse(line) as Record<string, unknown>;
  const numbers = ['run', 'point', 'replication', 'events', 'buildSeconds', 'runSeconds', 'worker'] as const;
  for (const key of numbers) if (typeof data[key] !== 'number') throw new Error(`\`${key}\` is not a number`);
  if (typeof data.metrics !== 'object' || data.metrics === null) throw new Error('`metrics` is not an object');
  if (!Array.isArray(data.warnings)) throw new Error('`warnings` is not a list');
  const metrics: MetricValues = Object.fromEntries(Object.entries(data.metrics).map(([name, value]) => [name, decodeMetric(value)]));
  const number = (key: (typeof numbers)[number]): number => data[key] as number;
  return {
    run: { index: number('run'), point: number('point'), replication: number('replication') },
    metrics,
    warnings: data.warnings.map(String),
    events: number('events'),
    buildSeconds: number('buildSeconds'),
    runSeconds: number('runSeconds'),
    worker: number('worker'),
  };
}

export function encodeHeader(header: JournalHeader): string {
  return JSON.stringify(header);
}

/** The header, or undefined when the line is not one (a journal of something else). */
export function decodeHeader(line: string): JournalHeader | undefined {
  try {
    const data = JSON.parse(line) as Partial<JournalHeader>;
    return data.journal === JOURNAL_MARK ? (data as JournalHeader) : undefined;
  } catch {
    return undefined;
  }
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
