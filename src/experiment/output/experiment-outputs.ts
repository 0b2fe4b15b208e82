import type { ScenarioModel } from '../../contract/scenario-model.js';
import type { RunRecord } from '../run/experiment-runs.js';
import { withEveryParameterColumn } from '../spec/every-parameter-column.js';
import type { ResolvedExperiment } from '../spec/resolved-experiment.js';
import type { Baseline } from './baseline.js';
import { experimentMeta, type MetaContext } from './experiment-meta.js';
import { checksumsOf, metaText, sealedMetaText, type FileRole } from './file-checksums.js';
import { writeFilesAtomically } from './output-files.js';
import { commitPath } from './output-set.js';
import { resultsCsv } from './results-csv.js';
import { summaryCsv } from './summary-csv.js';
import { outputTables } from './output-tables.js';
import { runTableCsv } from './run-table.js';

/** The meta as written; a merge adds the parts' provenance to it. */
export type MetaFields = Record<string, unknown>;

/**
 * Writes the CSV, the summary (unless the files have none: a shard's part), the tables of rows
 * per run the files have (the time series with `--timeseries`, the class table when the scenario
 * declares class columns) and the meta, all or nothing, once every run is in.
 * The meta records each CSV's checksum (and, for a shard's part, each line's, and its own
 * checksum: merge checks them).
 * `remove` names files of an earlier set that go with the commit (output-set.ts).
 * With `allParams` in the context every scenario parameter is a column of the CSVs
 * (every-parameter-column.ts), not only the swept ones.
 * The CSVs depend only on the experiment, the records, the bucket width, `allParams` and the
 * baseline, so equal inputs give equal bytes whatever ran the runs.
 */
export function writeExperimentOutputs(
  experiment: ResolvedExperiment,
  model: ScenarioModel,
  records: readonly RunRecord[],
  context: MetaContext,
  options: { readonly baseline?: Baseline; readonly extraMeta?: MetaFields; readonly remove?: readonly string[] } = {},
): void {
  const { files } = context;
  // The same experiment with the parameter columns the files get (only those differ).
  const written = context.allParams === true ? withEveryParameterColumn(experiment, model.parameters) : experiment;
  const csvs = new Map<FileRole, string>([['csv', resultsCsv(written, model.metrics, records)]]);
  if (files.summary !== undefined) csvs.set('summary', summaryCsv(written, model.metrics, records, options.baseline));
  for (const { table, columns } of outputTables(experiment, model, context)) csvs.set(table.name, runTableCsv(written, table, columns, records));
  const part = context.selection?.kind === 'shard';
  const checksums = checksumsOf(csvs, part);
  const meta = { ...experimentMeta(experiment, records, context), ...options.extraMeta, checksums };
  const contents = new Map([...csvs].map(([role, text]) => [files[role] as string, text]));
  contents.set(files.meta, part ? sealedMetaText(meta) : metaText(meta));
  writeFilesAtomically(contents, { commit: commitPath(files.csv), remove: options.remove });
}
