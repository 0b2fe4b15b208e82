import type { MetricSpec } from '../../contract/metric-spec.js';
import { InputError } from '../../input-error.js';
import { parseCsv } from '../output/csv-rows.js';
import { resultsCsv } from '../output/results-csv.js';
import type { RunRecord } from '../run/experiment-runs.js';
import { selectRuns } from '../run/run-selection.js';
import type { ResolvedExperiment } from '../spec/resolved-experiment.js';
import type { PartRunTimes, ShardPart } from './shard-part.js';

/**
 * The run records in a part's CSV, with wall times and workers from its meta. Metric cells
 * are the shortest round-trip text of each number, so reading them gives back the very
 * numbers the shard computed. The part must be exactly what its records give back (every run
 * of its shard, no edits), so a merged result is the single run's, byte for byte.
 */
export function partRecords(part: ShardPart, experiment: ResolvedExperiment, metrics: readonly MetricSpec[]): RunRecord[] {
  const [header, ...rows] = parseCsv(part.csvText);
  const expectedHeader = resultsCsv(experiment, metrics, []).trimEnd();
  if (header === undefined || header.join(',') !== expectedHeader) {
    throw new InputError(
      `${part.name}: Expected the columns \`${expectedHeader}\`, got \`${header?.join(',') ?? ''}\`; ` +
        `merge with the eastwest version that wrote the parts (${part.meta.codeVersion})`,
    );
  }
  const times = new Map(part.meta.wallTime.perRun.map((run) => [run.run, run]));
  const records = withWarnings(rows.map((row, i) => recordOf(row, header, experiment, times, `${part.name}:${i + 2}`)), part);
  const expectedRuns = selectRuns({ kind: 'shard', shard: part.shard, of: part.of }, experiment.points.length, experiment.header.replications);
  if (records.length !== expectedRuns.length || resultsCsv(experiment, metrics, records) !== part.csvText) {
    throw new InputError(
      `${part.name}: Expected the ${expectedRuns.length} runs of shard ${part.shard} of ${part.of} as eastwest wrote them, ` +
        `got ${records.length} rows that differ from them (edited, cut short, or from another run)`,
    );
  }
  return records;
}

function recordOf(row: readonly string[], header: readonly string[], experiment: ResolvedExperiment, times: ReadonlyMap<number, PartRunTimes>, where: string): RunRecord {
  const [point, replication] = [Number(row[1]), Number(row[2])];
  const inRange = (value: number, count: number): boolean => Number.isInteger(value) && value >= 0 && value < count;
  if (!inRange(point, experiment.points.length) || !inRange(replication, experiment.header.replications)) {
    throw new InputError(`${where}: Expected a point from 0 to ${experiment.points.length - 1} and a replication from 0 to ${experiment.header.replications - 1}, got \`${row[1]}\` and \`${row[2]}\``);
  }
  const index = point * experiment.header.replications + replication;
  const firstMetric = 4 + experiment.parameterColumns.length;
  const metrics = Object.fromEntries(header.slice(firstMetric).map((name, i) => [name, metricValue(row[firstMetric + i])]));
  const time = times.get(index);
  return {
    run: { index, point, replication },
    metrics,
    warnings: [],
    events: time?.events ?? 0,
    buildSeconds: time?.buildSeconds ?? 0,
    runSeconds: time?.runSeconds ?? 0,
    worker: time?.worker ?? 0,
  };
}

/** The part's warnings (per point in its meta) go back on its first run of that point, for the merged meta. */
function withWarnings(records: RunRecord[], part: ShardPart): RunRecord[] {
  const warnings = part.meta.warnings ?? [];
  const seen = new Set<number>();
  return records.map((record) => {
    if (seen.has(record.run.point)) return record;
    seen.add(record.run.point);
    const own = warnings.filter((warning) => warning.point === record.run.point).map((warning) => warning.message);
    return own.length === 0 ? record : { ...record, warnings: own };
  });
}

/** A metric cell read back: empty is no samples. */
export function metricValue(cell: string | undefined): number | undefined {
  return cell === undefined || cell === '' ? undefined : Number(cell);
}
