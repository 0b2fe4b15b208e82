import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  availableMemory,
  checkWritable,
  hasClassColumns,
  loadExperiment,
  outputPaths,
  priorCosts,
  readCodeVersion,
  readEarlierRuns,
  readTimeseriesBucket,
  resolveBaseline,
  runSession,
  type ResolvedExperiment,
} from '../experiment/index.js';
import type { CliContext } from './cli-context.js';
import { finalReport } from './final-report.js';
import { RUN_HELP } from './help-text.js';
import { parseCommandArgs } from './parse-command-args.js';
import { checkReportIndex, renderAfterRun, writtenReport } from './report-folder.js';
import { readRunRequest, RUN_OPTIONS, selectionOf, type RunRequest } from './run-options.js';
import { RunProgress } from './run-progress.js';
import { columnChoice } from './table-options.js';

/**
 * `eastwest run FILE.yaml`: resolve, pick the runs (all, a shard, --only), check the output
 * path, the baseline and the time-series width, then run a session (journal, workers, atomic
 * outputs). Bad input throws InputError before any run starts; so do runs that would not fit in
 * memory on the workers asked for (counted as validate counts them), unless --force.
 */
export async function runCommand(args: readonly string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('eastwest run', args, RUN_OPTIONS);
  if (values.help === true) {
    context.stdout.write(RUN_HELP);
    return 0;
  }
  const request = readRunRequest(values, positionals, context.defaultWorkers);
  const memoryLimit = context.memoryLimit ?? availableMemory();
  const loadOptions = { sets: request.sets, force: request.force, cwd: context.cwd, workers: request.workers, memoryLimit };
  const experiment = loadExperiment(request.file, context.model, loadOptions);
  const selection = selectionOf(request, experiment, context.env);
  const baseline = request.baseline === undefined ? undefined : resolveBaseline(request.baseline, experiment);
  const choice = columnChoice(request.table, experiment, context.model, baseline !== undefined);
  const timeseriesBucket = request.timeseries === undefined ? undefined : readTimeseriesBucket(request.timeseries, experiment.header, context.model);
  const tables = { timeseries: timeseriesBucket !== undefined, classes: hasClassColumns(context.model) };
  // With --report the results get a folder of their own, as `eastwest report` gives them.
  const out = request.out ?? (request.report ? join('results', experiment.header.name, `${experiment.header.name}.csv`) : undefined);
  const files = outputPaths(experiment.header.name, out, context.cwd, selection, tables);
  checkWritable(files);
  if (request.report) checkReportIndex(files.csv, context, request.overwrite);
  const clock = context.clock ?? (() => performance.now());
  const prior = earlierCosts(experiment, files.meta, context.cwd);
  const progress = new RunProgress(context, experiment, { selection, quiet: request.quiet, resume: request.resume, clock, prior });
  let records;
  try {
    records = await runSession(experiment, context.model, {
      ...sessionSettings(request, context),
      selection,
      files,
      baseline,
      timeseriesBucket,
      allParams: request.allParams,
      clock,
      onStart: (start) => progress.start(start),
      onRunStart: (run) => progress.runStarted(run),
      onRunProgress: (run, simulated) => progress.runProgressed(run, simulated),
      onRunDone: (record, done) => progress.runDone(record, done),
      onNotice: (message) => context.stderr.write(`warning: ${message}\n`),
    });
  } finally {
    progress.finish();
  }
  if (!request.quiet) {
    const report = finalReport(experiment, records, files, context.cwd, { choice, format: request.table.format, baseline });
    context.stderr.write(report.stderr);
    context.stdout.write(report.stdout);
  }
  if (request.report) return writtenReport(await renderAfterRun(experiment, files.csv, context, request.overwrite), request.quiet, context);
  return 0;
}

/**
 * Each point's wall time per run in an earlier run of this experiment, for the ETA: the meta
 * at this output (a re-run), else at the default output (results/<name>.meta.json, as
 * validate reads it); empty with neither.
 */
function earlierCosts(experiment: ResolvedExperiment, outputMeta: string, cwd: string): Map<number, number> {
  const earlier = readEarlierRuns(outputMeta) ?? readEarlierRuns(outputPaths(experiment.header.name, undefined, cwd).meta);
  return earlier === undefined ? new Map() : priorCosts(experiment, earlier);
}

function sessionSettings(request: RunRequest, context: CliContext) {
  return {
    workers: request.workers,
    modelSource: context.modelSource,
    resume: request.resume,
    overwrite: request.overwrite,
    inputs: [{ path: resolve(context.cwd, request.file), name: request.file, what: 'the experiment file' }],
    codeVersion: readCodeVersion(),
    commandLine: context.commandLine,
  };
}
