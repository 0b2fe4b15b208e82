import { join, relative } from 'node:path';
import { formatDuration } from '../engine/time.js';
import {
  availableMemory,
  calibrationSeconds,
  describeMemory,
  estimateByCalibration,
  estimateExperimentMemory,
  estimateFromMeta,
  fitsIn,
  formatSeconds,
  groupThousands,
  loadExperiment,
  outputPaths,
  parameterCells,
  type ResolvedExperiment,
  type RunTimeEstimate,
} from '../experiment/index.js';
import type { CliContext } from './cli-context.js';
import { VALIDATE_HELP } from './help-text.js';
import { parseCommandArgs, singleFile, stringList } from './parse-command-args.js';
import { parseWorkers } from './run-options.js';
import { clip, renderTextTable } from './text-table.js';
import { wrapText } from './text-wrap.js';

const OPTIONS = {
  set: { type: 'string', multiple: true },
  force: { type: 'boolean' },
  workers: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Points listed in full; a larger grid shows its first points and a count of the rest. */
const MAX_LISTED_POINTS = 40;

/**
 * `eastwest validate FILE.yaml`: every check `run` makes before running (the memory check for
 * the workers asked for), then the points, a rough run-time estimate (from an earlier run's
 * meta, else a short calibration run) and a memory estimate; writes nothing. With --force, runs
 * that would not fit in memory are shown, but not calibrated.
 */
export async function validateCommand(args: readonly string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('eastwest validate', args, OPTIONS);
  if (values.help === true) {
    context.stdout.write(VALIDATE_HELP);
    return 0;
  }
  const file = singleFile('eastwest validate', positionals);
  const requested = parseWorkers(values.workers as string | undefined, context.defaultWorkers);
  const limit = context.memoryLimit ?? availableMemory();
  const options = { sets: stringList(values.set), force: values.force === true, cwd: context.cwd, workers: requested, memoryLimit: limit };
  const experiment = loadExperiment(file, context.model, options);
  const workers = Math.min(requested, experiment.runCount);
  const memory = estimateExperimentMemory(experiment.header, experiment.points, experiment.runCount, context.model, workers);
  const fits = fitsIn(memory, limit);
  const timeText = fits ? describeEstimate(estimateRunTime(experiment, context, workers), workers) : row('estimate', 'not measured: the runs would not fit in memory (see below), so no calibration run was made');
  const memoryText = row('memory', `${describeMemory(memory, limit)}${fits ? '' : '; OVER the memory available (--force)'}`);
  context.stdout.write(`${describeExperiment(experiment, context.cwd)}\n${timeText}\n${memoryText}\n\n${listPoints(experiment)}\n`);
  return 0;
}

/** From an earlier run's meta where `run` puts it (results/<name>.meta.json) or `report` does (results/<name>/), else by calibration. */
function estimateRunTime(experiment: ResolvedExperiment, context: CliContext, workers: number): RunTimeEstimate {
  const name = experiment.header.name;
  const metas = [outputPaths(name, undefined, context.cwd).meta, outputPaths(name, join('results', name, `${name}.csv`), context.cwd).meta];
  const calibrate = (point: number): number => calibrationSeconds(experiment, context.model, point, context.clock);
  for (const meta of metas) {
    const estimate = estimateFromMeta(experiment, meta, relative(context.cwd, meta), workers, calibrate);
    if (estimate !== undefined) return estimate;
  }
  return estimateByCalibration(experiment, context.model, workers, context.clock);
}

function describeEstimate(estimate: RunTimeEstimate, workers: number): string {
  return row('estimate', `about ${formatSeconds(estimate.seconds)} on ${workers} worker${workers === 1 ? '' : 's'} (${estimate.basis})`);
}

/** A key and its text, wrapped under the text's first column. */
function row(key: string, text: string): string {
  return `${key.padEnd(12)}${wrapText(text, 98, ' '.repeat(12)).trimStart()}`;
}

export function describeExperiment(experiment: ResolvedExperiment, cwd: string): string {
  const { header, points, runCount } = experiment;
  const output = relative(cwd, outputPaths(header.name, undefined, cwd).csv);
  const rows = [
    ['experiment', header.name],
    ...(header.description === '' ? [] : [['about', wrapText(header.description, 98, ' '.repeat(12)).trimStart()]]),
    ['hash', experiment.hash],
    ['points', `${groupThousands(points.length)}: ${describeShape(experiment)}`],
    ['runs', `${groupThousands(runCount)}: ${groupThousands(points.length)} points × ${header.replications} replications`],
    ['each run', `${formatDuration(header.duration)} measured after ${formatDuration(header.warmup)} warmup, seed ${header.seed}`],
    ['output', `${output} (with .summary.csv and .meta.json beside it)`],
  ];
  return [`${experiment.file} is valid.`, ...rows.map(([key, value]) => `${key.padEnd(12)}${value}`)].join('\n');
}

function describeShape(experiment: ResolvedExperiment): string {
  const { sweep, cases } = experiment.canonical;
  const caseText = `${cases.length} case${cases.length === 1 ? '' : 's'}`;
  if (sweep.length === 0) return cases.length === 0 ? 'the scenario alone (no sweep, no cases)' : caseText;
  const axes = sweep.map((axis) => `${axis.path} ${axis.values.length}`).join(' × ');
  const gridSize = experiment.points.length - cases.length;
  return `a grid of ${groupThousands(gridSize)} (${axes})${cases.length === 0 ? '' : ` and ${caseText}`}`;
}

function listPoints(experiment: ResolvedExperiment): string {
  const listed = experiment.points.slice(0, MAX_LISTED_POINTS);
  const columns = [
    { header: 'point', align: 'right' as const },
    { header: 'from', align: 'left' as const },
    ...experiment.parameterColumns.map((header) => ({ header, align: 'left' as const })),
  ];
  const rows = listed.map((point) => [String(point.index), point.origin, ...parameterCells(point, experiment.parameterColumns).map((cell) => clip(cell, 30))]);
  const rest = experiment.points.length - listed.length;
  return renderTextTable(columns, rows) + (rest > 0 ? `\n… and ${groupThousands(rest)} more points` : '');
}
