import type { MetricSpec } from '../contract/metric-spec.js';

/** A metric spec's unit as an axis shows it; `count` and units not listed show as written. */
const UNIT_WORDS: Readonly<Record<string, string>> = {
  ms: 'ms',
  us: 'µs',
  s: 's',
  '1/s': 'per s',
  ratio: 'ratio',
  cores: 'cores',
  utilization: 'busy fraction',
};

/** Column-name suffixes and their units (docs/design.md, Metrics), for columns no spec declares; the longest match wins. */
const SUFFIX_UNITS: readonly (readonly [string, string])[] = [
  ['_per_s', 'per s'],
  ['_utilization', 'busy fraction'],
  ['_ratio', 'ratio'],
  ['_cores', 'cores'],
  ['_ms', 'ms'],
  ['_us', 'µs'],
  ['_s', 's'],
];

/**
 * An axis title with its unit: a metric as `request_latency_p50_ms (ms)`, from its spec where
 * the model declares it, else from its name's suffix; a summary's difference column as
 * `request_latency_p50_ms − baseline (ms)`; a parameter path as written (`cluster.services`),
 * since its values carry their own units (`100ms`) or have none.
 */
export function axisTitle(column: string, specs: readonly MetricSpec[]): string {
  const difference = column.endsWith('_diff');
  const metric = difference ? column.slice(0, -'_diff'.length) : column;
  const name = difference ? `${metric} − baseline` : metric;
  const unit = unitOf(metric, specs);
  return unit === undefined ? name : `${name} (${unit})`;
}

function unitOf(metric: string, specs: readonly MetricSpec[]): string | undefined {
  const spec = specs.find((candidate) => candidate.name === metric);
  if (spec !== undefined) return spec.unit === 'count' ? undefined : (UNIT_WORDS[spec.unit] ?? spec.unit);
  return SUFFIX_UNITS.find(([suffix]) => metric.endsWith(suffix))?.[1];
}
