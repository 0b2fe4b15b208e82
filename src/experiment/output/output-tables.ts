import type { MetricSpec } from '../../contract/metric-spec.js';
import type { ScenarioModel } from '../../contract/scenario-model.js';
import type { ResolvedExperiment } from '../spec/resolved-experiment.js';
import { CLASS_TABLE } from './classes-csv.js';
import type { MetaContext } from './experiment-meta.js';
import type { RunTable } from './run-table.js';
import { timeseriesTable } from './timeseries-csv.js';

/** A table of rows per run an output writes, with the scenario's columns for it. */
export interface OutputTable {
  readonly table: RunTable;
  readonly columns: readonly MetricSpec[];
}

/**
 * The tables of rows per run an output has paths for, in file order: the time series (its
 * bucket width from the context) and the class table.
 */
export function outputTables(experiment: ResolvedExperiment, model: ScenarioModel, context: Pick<MetaContext, 'files' | 'timeseriesBucket'>): OutputTable[] {
  const tables: OutputTable[] = [];
  if (context.files.timeseries !== undefined) {
    if (!context.timeseriesBucket) throw new Error(`writeExperimentOutputs: ${context.files.timeseries} needs the bucket width in the context`);
    tables.push({ table: timeseriesTable(context.timeseriesBucket, experiment.header.duration), columns: model.timeseries ?? [] });
  }
  if (context.files.classes !== undefined) tables.push({ table: CLASS_TABLE, columns: model.classes ?? [] });
  return tables;
}
