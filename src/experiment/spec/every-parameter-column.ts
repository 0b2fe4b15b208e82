import type { ParameterSpec } from '../../contract/parameter-spec.js';
import type { ResolvedExperiment } from './resolved-experiment.js';

/**
 * The experiment as `--all-params` writes it: every scenario parameter is a parameter column
 * of the CSVs, the swept and case ones first as always, then the others in the scenario's
 * parameter order (`eastwest describe`), each cell the point's resolved value as written. A
 * whole distribution or list is a column of its own beside a swept field of it
 * (`workload.serviceTime` after `workload.serviceTime.median`). Only the columns change: the
 * points, the runs and the experiment hash are the experiment's, so a journal or a part is
 * the same with it or without it.
 */
export function withEveryParameterColumn(experiment: ResolvedExperiment, parameters: readonly ParameterSpec[]): ResolvedExperiment {
  const swept = new Set(experiment.parameterColumns);
  const others = parameters.map((spec) => spec.path).filter((path) => !swept.has(path));
  return { ...experiment, parameterColumns: [...experiment.parameterColumns, ...others] };
}
