import type { MetricSpec } from '../contract/metric-spec.js';
import type { ParameterSpec } from '../contract/parameter-spec.js';
import type { SavedMeta } from '../experiment/output/saved-outputs.js';
import type { ResolvedExperiment } from '../experiment/spec/resolved-experiment.js';
import { formatWritten } from '../experiment/spec/written-value.js';
import { formatTableNumber } from '../text/table-number.js';
import { axisTitle } from './axis-title.js';
import { hasNumbers } from './chart-choice.js';
import { changedParameters } from './changed-parameters.js';
import type { ReportChart } from './report-charts.js';
import { columnCells, type ResultsTable } from './results-table.js';

/** The first line of every index.md eastwest writes: tells its own from a file someone wrote. */
export const INDEX_MARK = '<!-- written by eastwest report from the results in this folder; edits are lost when it renders again -->';

export interface ReportIndexInput {
  readonly experiment: ResolvedExperiment;
  readonly parameters: readonly ParameterSpec[];
  /** Every column spec of the model, for units. */
  readonly specs: readonly MetricSpec[];
  /** The model's headline metrics, in table order. */
  readonly headlines: readonly string[];
  readonly summary: ResultsTable;
  readonly charts: readonly ReportChart[];
  readonly meta: SavedMeta;
  /** The output set's file names, in the folder. */
  readonly files: readonly string[];
}

/**
 * index.md of a report folder: the question (the experiment's description), the set-up (what
 * the scenario changes from the defaults, what is swept and over which values, seed,
 * replications, warm-up and measured window), the charts, and the headline metrics per point
 * as mean ± 95% half-width, with the paired differences from the baseline when the summary has
 * them. Only the experiment and its results go in (no wall times), so the same results give
 * the same bytes.
 */
export function reportIndex(input: ReportIndexInput): string {
  const { experiment } = input;
  const sections = [
    INDEX_MARK,
    `# ${experiment.header.name}`,
    experiment.header.description.trim() === '' ? '*(The experiment has no description.)*' : experiment.header.description.trim(),
    setUp(input),
    charts(input),
    headlineNumbers(input),
    files(input),
  ];
  return `${sections.filter((section) => section !== '').join('\n\n')}\n`;
}

function setUp({ experiment, parameters, meta }: ReportIndexInput): string {
  const { header, canonical } = experiment;
  const points = experiment.points.length;
  const lines = [
    '## Set-up',
    '',
    `- Experiment file \`${experiment.file}\`, hash \`${experiment.hash.slice(0, 12)}\`; results from eastwest \`${meta.codeVersion}\`.`,
    `- ${points} point${points === 1 ? '' : 's'} × ${header.replications} replication${header.replications === 1 ? '' : 's'} = ${experiment.runCount} runs, seed ${header.seed}; each run ${canonical.warmup} of warm-up, then ${canonical.duration} measured.`,
    ...(meta.timeseriesBucket === undefined ? [] : [`- Time series in buckets of ${meta.timeseriesBucket}.`]),
    ...(meta.baseline === null ? [] : [`- Baseline \`${meta.baseline}\`: differences are paired replication by replication (common random numbers).`]),
  ];
  if (canonical.sweep.length > 0) {
    lines.push('', 'Swept (a full grid, the last one varying fastest):', '', ...table(['Parameter', 'Values'], canonical.sweep.map((axis) => [code(axis.path), axis.values.map(formatWritten).join(', ')])));
  }
  if (canonical.cases.length > 0) {
    const rows = canonical.cases.map((overrides, i) => [String(i + 1), Object.entries(overrides).map(([path, value]) => `\`${path}\`: ${formatWritten(value)}`).join(', ')]);
    lines.push('', 'Cases (extra points):', '', ...table(['Case', 'Overrides'], rows));
  }
  const changed = changedParameters(canonical, parameters);
  lines.push('');
  if (changed.length === 0) lines.push('Every other parameter has its default (`eastwest describe`).');
  else lines.push('Set away from their defaults (every other parameter has its default, `eastwest describe`):', '', ...table(['Parameter', 'Value', 'Default'], changed.map((change) => [code(change.path), code(formatWritten(change.value)), code(formatWritten(change.defaultValue))])));
  return lines.join('\n');
}

function charts({ charts: all, experiment }: ReportIndexInput): string {
  const image = (chart: ReportChart): string => `![${chart.value}${chart.overTime ? ' over time' : ''}](${chart.file})`;
  const summary = all.filter((chart) => !chart.overTime);
  const overTime = all.filter((chart) => chart.overTime);
  const lines = ['## Charts', '', chartsNote(experiment.header.replications), ...summary.flatMap((chart) => ['', image(chart)])];
  if (overTime.length > 0) lines.push('', '### Over time', '', 'Each point\'s mean over its replications, per time bucket of the measured window.', ...overTime.flatMap((chart) => ['', image(chart)]));
  return lines.join('\n');
}

function chartsNote(replications: number): string {
  return replications === 1 ? 'One replication per point: each point\'s value, with no confidence interval.' : `Means over ${replications} replications, with 95% confidence intervals.`;
}

function headlineNumbers({ summary, headlines, specs, meta, experiment }: ReportIndexInput): string {
  const shown = headlines.filter((metric) => summary.valueColumns.includes(metric) && hasNumbers(summary, metric));
  const empty = headlines.filter((metric) => summary.valueColumns.includes(metric) && !shown.includes(metric));
  const keys = ['point', ...summary.parameterColumns];
  const keyCells = keys.map((column) => columnCells(summary, column));
  const rowsOf = (value: (metric: string) => string[]): string[][] => {
    const columns = shown.map(value);
    return summary.rows.map((_, row) => [...keyCells.map((cells) => cells[row]), ...columns.map((cells) => cells[row])]);
  };
  const header = [...keys.map(code), ...shown.map((metric) => axisTitle(metric, specs))];
  const what = experiment.header.replications === 1 ? 'The value of the one replication' : 'Mean ± 95% confidence half-width over replications';
  const lines = ['## Headline numbers', '', `${what}, per point (every metric is in the summary CSV).`, ''];
  lines.push(...table(header, rowsOf((metric) => plusMinus(summary, `${metric}_mean`, `${metric}_ci95`, false))));
  if (meta.baseline !== null) {
    lines.push('', `Paired difference from the baseline point (\`${meta.baseline}\`, the same other parameters), ± its 95% half-width; empty where a point has no baseline partner.`, '');
    lines.push(...table(header, rowsOf((metric) => plusMinus(summary, `${metric}_diff`, `${metric}_diff_ci95`, true))));
  }
  if (empty.length > 0) lines.push('', `No samples in this experiment: ${empty.map(code).join(', ')}.`);
  return lines.join('\n');
}

function plusMinus(summary: ResultsTable, valueColumn: string, errorColumn: string, signed: boolean): string[] {
  const values = columnCells(summary, valueColumn);
  const errors = summary.header.includes(errorColumn) ? columnCells(summary, errorColumn) : values.map(() => '');
  return values.map((cell, row) => {
    if (cell === '') return '';
    const value = Number(cell);
    const text = `${signed && value > 0 ? '+' : ''}${formatTableNumber(value)}`;
    return errors[row] === '' ? text : `${text} ± ${halfWidth(Number(errors[row]))}`;
  });
}

/** A 95% half-width to two significant digits: more would claim a precision it does not have. */
function halfWidth(value: number): string {
  if (value !== 0 && Math.abs(value) < 1e-4) return value.toExponential(1);
  return formatTableNumber(Number(value.toPrecision(2)));
}

function files({ files: names }: ReportIndexInput): string {
  const what = (name: string): string => {
    if (name.endsWith('.summary.csv')) return 'one row per point: each metric\'s mean and 95% half-width';
    if (name.endsWith('.timeseries.csv')) return 'one row per run and time bucket';
    if (name.endsWith('.classes.csv')) return 'one row per run and Service class';
    if (name.endsWith('.meta.json')) return 'the resolved scenario of every point, versions, checksums, wall times';
    return 'one row per run';
  };
  return ['## Files', '', ...names.map((name) => `- [${name}](${name}): ${what(name)}`), '', 'Rendered again from these files by `eastwest report`, without running, while they match their checksums.'].join('\n');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
  return [header, header.map(() => '---'), ...rows].map((row) => `| ${row.map(cell).join(' | ')} |`);
}

function code(text: string): string {
  return text === '' ? '' : `\`${text}\``;
}
