/**
 * A metric declared once, as data: the CSV column name, its unit and what it counts, over
 * which window and population. `eastwest describe --metrics` and the docs come from these.
 */
export interface MetricSpec {
  /** snake_case CSV column with a unit suffix where there is a unit (docs/design.md, Contracts). */
  readonly name: string;
  /** `ms`, `us`, `1/s`, `ratio`, `count`, `cores`, `utilization`. */
  readonly unit: string;
  /** What it counts, in one or two sentences. */
  readonly doc: string;
  /** Over which window and population (`requests started in the measured window`). */
  readonly window: string;
  /** The model that produces it (`first scenario`, `proxy`, `DNS`, `churn`). */
  readonly model: string;
  /**
   * Shown in the short table printed after a run (the summary CSV has every metric): the
   * headline metrics of the swept parameters' models come first (src/cli/table-metrics.ts).
   */
  readonly headline?: boolean;
}

/** One run's metric values by name; `undefined` means "no samples" and is written empty. */
export type MetricValues = Readonly<Record<string, number | undefined>>;
