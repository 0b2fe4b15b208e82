import type { MetricSpec } from '../contract/metric-spec.js';
import type { ScenarioModel } from '../contract/scenario-model.js';

/** What a chart needs to know of the model: its columns, their units, and which metrics lead. */
export interface ModelColumns {
  /** The metrics, then the time-series and class columns. */
  readonly specs: readonly MetricSpec[];
  /** Their names: a per-run CSV's first metric column is the first of these it has. */
  readonly known: ReadonlySet<string>;
  /**
   * The metrics a report charts and the default y: the model's headline metrics, or where it
   * marks none every metric but plain counts (as the table after a run chooses).
   */
  readonly headlines: readonly string[];
}

export function modelColumns(model: ScenarioModel): ModelColumns {
  const specs = [...model.metrics, ...(model.timeseries ?? []), ...(model.classes ?? [])];
  const marked = model.metrics.filter((metric) => metric.headline === true);
  const headlines = (marked.length > 0 ? marked : model.metrics.filter((metric) => metric.unit !== 'count')).map((metric) => metric.name);
  return { specs, known: new Set(specs.map((spec) => spec.name)), headlines };
}
