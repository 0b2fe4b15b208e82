import type { MetricSpec } from '../contract/metric-spec.js';
import type { ParameterSpec } from '../contract/parameter-spec.js';

/**
 * The metrics the table after a run shows when `--columns` does not choose them, in order:
 * the scenario's headline metrics, those of the models that declare the swept (or case)
 * parameters first, in the order of the parameter columns, then the other models' in model
 * order. An experiment sweeping `dns.ndots` leads with DNS metrics and one sweeping
 * `proxy.mode` with first-packet latency, however many other parameters it sweeps: the
 * table is narrow, and what the experiment varies decides what it is about.
 * A scenario that marks no headline shows its metrics that are not plain counts (a rate says
 * the same per second), or all of them when every one is a count.
 */
export function defaultTableMetrics(
  parameterColumns: readonly string[],
  parameters: readonly ParameterSpec[],
  metrics: readonly MetricSpec[],
): MetricSpec[] {
  const rank = new Map<string, number>();
  for (const column of parameterColumns) {
    const model = owningSpec(column, parameters)?.model;
    if (model !== undefined && !rank.has(model)) rank.set(model, rank.size);
  }
  const rankOf = (metric: MetricSpec): number => rank.get(metric.model) ?? rank.size;
  // Array.prototype.sort is stable: metrics of one rank keep the scenario's order.
  return [...candidates(metrics)].sort((a, b) => rankOf(a) - rankOf(b));
}

function candidates(metrics: readonly MetricSpec[]): readonly MetricSpec[] {
  const headlines = metrics.filter((metric) => metric.headline === true);
  if (headlines.length > 0) return headlines;
  const rates = metrics.filter((metric) => metric.unit !== 'count');
  return rates.length > 0 ? rates : metrics;
}

/**
 * The parameter a column is of: the column's own path, or the parameter it is a field of
 * (`workload.serviceTime.median`, `cluster.serviceClasses.1.count`).
 */
function owningSpec(column: string, parameters: readonly ParameterSpec[]): ParameterSpec | undefined {
  return parameters.find((spec) => spec.path === column) ?? parameters.find((spec) => column.startsWith(`${spec.path}.`));
}
