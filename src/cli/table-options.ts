import type { ScenarioModel } from '../contract/scenario-model.js';
import type { ResolvedExperiment } from '../experiment/index.js';
import type { OptionValues } from './parse-command-args.js';
import { defaultColumns, parseColumns, type ColumnChoice } from './table-columns.js';
import { parseTableFormat, type TableFormat } from './table-format.js';
import { defaultTableMetrics } from './table-metrics.js';

/** The options of `run` and `merge` that shape the table on stdout, for node:util parseArgs. */
export const TABLE_OPTIONS = {
  columns: { type: 'string' },
  format: { type: 'string' },
} as const;

/** `--columns` as typed (checked once the metrics and the baseline are known) and `--format`, checked. */
export interface TableRequest {
  readonly columns: string | undefined;
  readonly format: TableFormat;
}

export function readTableRequest(values: OptionValues): TableRequest {
  const text = (name: string): string | undefined => (values[name] === undefined ? undefined : String(values[name]));
  return { columns: text('columns'), format: parseTableFormat(text('format')) };
}

/** The columns asked for with `--columns`, or else the default ones (table-metrics.ts), with their differences when there is a baseline. */
export function columnChoice(request: TableRequest, experiment: ResolvedExperiment, model: ScenarioModel, baseline: boolean): ColumnChoice {
  if (request.columns !== undefined) return parseColumns(request.columns, model.metrics, baseline);
  return defaultColumns(defaultTableMetrics(experiment.parameterColumns, model.parameters, model.metrics), baseline);
}
