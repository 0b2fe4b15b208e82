import type { MetricSpec } from '../contract/metric-spec.js';
import { InputError } from '../input-error.js';
import { closestName } from '../text/closest-name.js';

/** One metric column of the table after a run: a metric's mean over replications, or its paired difference from the baseline. */
export interface TableColumn {
  readonly metric: string;
  /** `<metric>_diff`: the mean paired difference from the `--baseline` point, with its 95% CI. */
  readonly diff: boolean;
}

/**
 * The metric columns the table shows, in groups that are shown whole or not at all (a metric
 * and its difference from the baseline). Chosen columns (`--columns`) are all shown; the
 * default ones only as far as they fit the terminal.
 */
export interface ColumnChoice {
  readonly groups: readonly (readonly TableColumn[])[];
  /** True for `--columns`: every group is shown, however wide the table gets. */
  readonly chosen: boolean;
}

/** At most this many metrics by default: the table is a glance, the summary CSV has them all. */
export const MAX_DEFAULT_METRICS = 6;

/** The default columns: the first metrics of `ordered` (table-metrics.ts), each followed by its difference when there is a baseline. */
export function defaultColumns(ordered: readonly MetricSpec[], baseline: boolean): ColumnChoice {
  const groups = ordered.slice(0, MAX_DEFAULT_METRICS).map((metric) => {
    const mean = { metric: metric.name, diff: false };
    return baseline ? [mean, { metric: metric.name, diff: true }] : [mean];
  });
  return { groups, chosen: false };
}

/**
 * `--columns a,b_diff,c`: metric names (the mean over replications) or `<metric>_diff` (the
 * difference from `--baseline`, which it then needs), in the order given, each once.
 */
export function parseColumns(text: string, metrics: readonly MetricSpec[], baseline: boolean): ColumnChoice {
  const names = text.split(',').map((name) => name.trim());
  const known = new Set(metrics.map((metric) => metric.name));
  const seen = new Set<string>();
  const groups = names.map((name) => {
    if (name === '') throw new InputError('--columns', 'metric names separated by commas (e.g. `request_latency_p50_ms,first_packet_p50_us`)', text);
    if (seen.has(name)) throw new InputError(`--columns ${text}: \`${name}\` is given twice; give each column once`);
    seen.add(name);
    const column = columnOf(name, known);
    if (column === undefined) throw unknownColumn(text, name, metrics, baseline);
    if (column.diff && !baseline) {
      throw new InputError(`--columns ${text}: \`${name}\` is a difference from the baseline, so it needs \`--baseline path=value\`; give one, or ask for \`${column.metric}\``);
    }
    return [column];
  });
  return { groups, chosen: true };
}

function columnOf(name: string, known: ReadonlySet<string>): TableColumn | undefined {
  if (known.has(name)) return { metric: name, diff: false };
  const metric = name.endsWith('_diff') ? name.slice(0, -'_diff'.length) : undefined;
  return metric !== undefined && known.has(metric) ? { metric, diff: true } : undefined;
}

function unknownColumn(text: string, name: string, metrics: readonly MetricSpec[], baseline: boolean): InputError {
  const names = metrics.map((metric) => metric.name);
  const columns = baseline ? [...names, ...names.map((metric) => `${metric}_diff`)] : names;
  const suggestion = closestName(name, columns);
  const hint = suggestion === undefined ? `the metrics are ${names.map((metric) => `\`${metric}\``).join(', ')}` : `did you mean \`${suggestion}\`?`;
  const diff = baseline ? ', or one with `_diff` after it' : '';
  return new InputError(`--columns ${text}: \`${name}\` is not a metric${diff}; ${hint} (\`eastwest describe --metrics\` lists them)`);
}
