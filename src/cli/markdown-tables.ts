import type { MetricSpec } from '../contract/metric-spec.js';
import { describeDefault, describeRange, type ParameterSpec } from '../contract/parameter-spec.js';

/** A markdown cell: pipes escaped and line breaks flattened, so one value never breaks a row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

const code = (text: string): string => (text === '' ? '' : `\`${text}\``);

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, header.map(() => '---'), ...rows].map((row) => `| ${row.map(cell).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

/** Every parameter: path, unit, default, range, meaning, source of the default. */
export function parameterTable(parameters: readonly ParameterSpec[]): string {
  const rows = parameters.map((spec) => [code(spec.path), spec.unit, code(describeDefault(spec)), describeRange(spec), spec.doc, spec.source]);
  return table(['Path', 'Unit', 'Default', 'Range', 'Meaning', 'Source of the default'], rows);
}

/** Every metric: CSV column, unit, what it counts, window and population, model. */
export function metricTable(metrics: readonly MetricSpec[]): string {
  const rows = metrics.map((metric) => [code(metric.name), metric.unit, metric.doc, metric.window, metric.model]);
  return table(['Column', 'Unit', 'What it counts', 'Window and population', 'Model'], rows);
}
