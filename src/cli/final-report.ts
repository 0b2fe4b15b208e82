import { relative } from 'node:path';
import type { MetricSpec } from '../contract/metric-spec.js';
import type { OutputPaths, ResolvedExperiment, RunRecord } from '../experiment/index.js';
import { renderSummaryTable } from './summary-table.js';

/**
 * What `run` and `merge` print on stdout at the end: the table of means and the files written.
 * A shard's part gets no table (its points lack the other shards' replications), but the
 * merge command that joins the parts.
 */
export function finalReport(
  experiment: ResolvedExperiment,
  metrics: readonly MetricSpec[],
  records: readonly RunRecord[],
  files: OutputPaths,
  cwd: string,
): string {
  const shown = (path: string): string => {
    const near = relative(cwd, path);
    return near.startsWith('..') ? path : near;
  };
  const written = [files.csv, files.summary, files.timeseries, files.classes, files.meta].filter((path): path is string => path !== undefined).map(shown);
  const wrote = [`Wrote ${written[0]}`, ...written.slice(1).map((path) => `      ${path}`)];
  if (files.summary === undefined) {
    const parts = shown(files.csv).replace(/\.part-\d+-of-(\d+)\.csv$/, '.part-*-of-$1.csv');
    const whole = shown(files.csv).replace(/\.part-\d+-of-\d+\.csv$/, '.csv');
    return [...wrote, `When every shard is done: eastwest merge ${parts} --out ${whole}`, ''].join('\n');
  }
  const replications = new Set(records.map((record) => record.run.replication)).size;
  return [
    renderSummaryTable(experiment, metrics, records),
    '',
    `Means over ${replications} replication${replications === 1 ? '' : 's'}; every metric with its 95% CI is in the summary.`,
    ...wrote,
    '',
  ].join('\n');
}
