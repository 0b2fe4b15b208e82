import { resolve } from 'node:path';
import { InputError } from '../input-error.js';
import { checkGeneratedPaths, writeGeneratedFiles } from '../report/chart-files.js';
import { readPlotInput } from '../report/plot-input.js';
import { plotSvg } from '../report/plot-svg.js';
import { SVG_MARK } from '../report/render-svg.js';
import { modelColumns } from '../report/model-columns.js';
import type { CliContext } from './cli-context.js';
import { PLOT_HELP } from './help-text.js';
import { parseCommandArgs, stringList } from './parse-command-args.js';

const PLOT_OPTIONS = {
  x: { type: 'string' },
  y: { type: 'string', multiple: true },
  color: { type: 'string' },
  'log-x': { type: 'boolean' },
  'log-y': { type: 'boolean' },
  out: { type: 'string' },
  overwrite: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `eastwest plot CSV --out FILE.svg`: a chart of one of eastwest's CSVs (src/report/plot-svg.ts),
 * written atomically. It replaces an SVG eastwest wrote there, and anything else only with
 * --overwrite. Notes on what the chart left out go to stderr.
 */
export async function plotCommand(args: readonly string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('eastwest plot', args, PLOT_OPTIONS);
  if (values.help === true) {
    context.stdout.write(PLOT_HELP);
    return 0;
  }
  const file = singleCsv(positionals);
  const out = svgPath(values.out);
  const columns = modelColumns(context.model);
  const input = readPlotInput(file, context.cwd, columns.known);
  if (input.note !== undefined) context.stderr.write(`note: ${input.note}\n`);
  const request = {
    x: values.x as string | undefined,
    y: stringList(values.y),
    color: values.color as string | undefined,
    logX: values['log-x'] === true,
    logY: values['log-y'] === true,
  };
  const chart = await plotSvg(input.table, request, { specs: columns.specs, defaultYs: columns.headlines });
  for (const note of chart.notes) context.stderr.write(`note: ${note}\n`);
  const target = { path: resolve(context.cwd, out), name: out, content: chart.svg, mark: SVG_MARK };
  checkGeneratedPaths([target], values.overwrite === true);
  writeGeneratedFiles([target]);
  context.stdout.write(`Wrote ${out} (${chart.ys.join(', ')})\n`);
  return 0;
}

function singleCsv(positionals: readonly string[]): string {
  if (positionals.length === 1) return positionals[0];
  const found = positionals.length === 0 ? 'nothing' : positionals.join(' ');
  throw new InputError(`eastwest plot: Expected one CSV (X.csv, X.summary.csv or X.timeseries.csv), got \`${found}\` (see \`eastwest plot --help\`)`);
}

function svgPath(out: unknown): string {
  if (typeof out !== 'string' || !out.endsWith('.svg')) throw new InputError('--out', 'a path ending in .svg', out);
  return out;
}
