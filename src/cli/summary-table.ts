import type { MetricSpec } from '../contract/metric-spec.js';
import type { ResolvedExperiment, RunRecord } from '../experiment/index.js';
import { groupByPoint, parameterCells, summarizeMetric } from '../experiment/index.js';
import { formatTableNumber } from './table-number.js';
import { clip, renderTextTable, textTableWidth, type TextColumn } from './text-table.js';

/** Parameter values longer than this are cut in the terminal table (the CSV has them whole). */
const MAX_PARAMETER_CELL = 24;
/** At most this many metrics: the table is a glance, the summary CSV has them all. */
const MAX_METRICS = 6;
/** Parameter headers longer than this lose leading path segments (`serviceTime.median`). */
const MAX_PARAMETER_HEADER = 18;

/**
 * The stdout table after a run: one row per point with its parameter columns and the means
 * of the model's first metrics, as many as fit in `maxWidth` columns (a metric too wide to
 * fit is skipped, so a narrower later one may still show). The model's headline metrics are
 * shown where it marks any; otherwise plain counts are left out while other metrics exist: a
 * rate (`throughput_per_s`) says the same per second.
 */
export function renderSummaryTable(
  experiment: ResolvedExperiment,
  metrics: readonly MetricSpec[],
  records: readonly RunRecord[],
  maxWidth = 100,
): string {
  const byPoint = groupByPoint(records);
  const points = experiment.points.filter((point) => byPoint.has(point.index));
  const parameterColumns = experiment.parameterColumns.map((path) => ({ header: shortHeader(path), align: 'left' as const }));
  const columns: TextColumn[] = [{ header: 'point', align: 'right' }, ...parameterColumns];
  const rows = points.map((point) => [
    String(point.index),
    ...parameterCells(point, experiment.parameterColumns).map((cell) => clip(cell, MAX_PARAMETER_CELL)),
  ]);
  let shown = 0;
  for (const metric of tableMetrics(metrics)) {
    if (shown === MAX_METRICS) break;
    const cells = points.map((point) => formatTableNumber(summarizeMetric(byPoint.get(point.index)!, metric.name).mean));
    const wider = [...columns, { header: metric.name, align: 'right' as const }];
    const widerRows = rows.map((row, i) => [...row, cells[i]]);
    if (shown > 0 && textTableWidth(wider, widerRows) > maxWidth) continue;
    columns.push(wider[wider.length - 1]);
    rows.forEach((row, i) => row.push(cells[i]));
    shown += 1;
  }
  return renderTextTable(columns, rows);
}

function tableMetrics(metrics: readonly MetricSpec[]): readonly MetricSpec[] {
  const headlines = metrics.filter((metric) => metric.headline === true);
  if (headlines.length > 0) return headlines;
  const rates = metrics.filter((metric) => metric.unit !== 'count');
  return rates.length > 0 ? rates : metrics;
}

/** `workload.serviceTime.median` → `serviceTime.median`; short paths stay whole. */
export function shortHeader(path: string): string {
  const segments = path.split('.');
  while (segments.length > 1 && segments.join('.').length > MAX_PARAMETER_HEADER) segments.shift();
  return segments.join('.');
}
