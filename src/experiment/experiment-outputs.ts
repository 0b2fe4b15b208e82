import type { ScenarioModel } from '../contract/scenario-model.js';
import type { RunRecord } from './experiment-runs.js';
import { experimentMeta, type MetaContext } from './experiment-meta.js';
import { writeFilesAtomically } from './output-files.js';
import type { ResolvedExperiment } from './resolved-experiment.js';
import { resultsCsv } from './results-csv.js';
import { summaryCsv } from './summary-csv.js';

/**
 * Writes the CSV, the summary and the meta, all or nothing, once every run is in. The CSV and
 * summary depend only on the experiment and the records, so equal inputs give equal bytes.
 */
export function writeExperimentOutputs(
  experiment: ResolvedExperiment,
  model: ScenarioModel,
  records: readonly RunRecord[],
  context: MetaContext,
): void {
  const { files } = context;
  const meta = experimentMeta(experiment, records, context);
  writeFilesAtomically(
    new Map([
      [files.csv, resultsCsv(experiment, model.metrics, records)],
      [files.summary, summaryCsv(experiment, model.metrics, records)],
      [files.meta, `${JSON.stringify(meta, null, 2)}\n`],
    ]),
  );
}
