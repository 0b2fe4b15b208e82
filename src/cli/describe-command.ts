import type { MetricSpec } from '../contract/metric-spec.js';
import { describeDefault, describeRange, type ParameterSpec } from '../contract/parameter-spec.js';
import { InputError } from '../input-error.js';
import type { CliContext } from './cli-context.js';
import { DESCRIBE_HELP } from './help-text.js';
import { parseCommandArgs } from './parse-command-args.js';
import { wrapText } from './text-wrap.js';

const OPTIONS = {
  metrics: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `eastwest describe [--metrics]`: the model's tables, one block per entry (fits 100 columns). */
export async function describeCommand(args: readonly string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('eastwest describe', args, OPTIONS);
  if (values.help === true) {
    context.stdout.write(DESCRIBE_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new InputError(`eastwest describe: takes no arguments, got \`${positionals.join(' ')}\` (see \`eastwest describe --help\`)`);
  const { parameters, metrics } = context.model;
  if (values.metrics === true) {
    const series = columnBlock(context.model.timeseries, 'time-series columns (X.timeseries.csv with run --timeseries, after time_s)');
    const classes = columnBlock(context.model.classes, 'per-class columns (X.classes.csv, one row per run and Service class, after class)');
    context.stdout.write(`${metrics.length} metrics (CSV columns, in column order):\n\n${metrics.map(describeMetric).join('\n\n')}${series}${classes}\n`);
    return 0;
  }
  context.stdout.write(`${parameters.length} parameters (dotted paths as written in experiment files):\n\n${parameters.map(describeParameter).join('\n\n')}\n`);
  return 0;
}

/** `N <what>:` and the columns, after a blank line; nothing for a scenario with none. */
function columnBlock(columns: readonly MetricSpec[] | undefined, what: string): string {
  if (columns === undefined || columns.length === 0) return '';
  return `\n\n${columns.length} ${what}:\n\n${columns.map(describeMetric).join('\n\n')}`;
}

/** Lines are wrapped to this width so the listing reads in a 100-column terminal. */
const WIDTH = 98;
const INDENT = '  ';

export function describeParameter(spec: ParameterSpec): string {
  return [
    `${spec.path}  (${spec.unit})`,
    wrapText(spec.doc, WIDTH, INDENT),
    wrapText(`default ${describeDefault(spec)}; range ${describeRange(spec)}`, WIDTH, INDENT),
    wrapText(`source: ${spec.source}`, WIDTH, INDENT),
  ].join('\n');
}

export function describeMetric(metric: MetricSpec): string {
  return [
    `${metric.name}  (${metric.unit}; ${metric.model}${metric.headline === true ? '; headline' : ''})`,
    wrapText(metric.doc, WIDTH, INDENT),
    wrapText(`window: ${metric.window}`, WIDTH, INDENT),
  ].join('\n');
}
