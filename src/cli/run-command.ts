import { performance } from 'node:perf_hooks';
import { relative } from 'node:path';
import {
  checkWritable,
  formatPointWarning,
  loadExperiment,
  outputPaths,
  PointWarnings,
  readCodeVersion,
  runExperiment,
  writeExperimentOutputs,
  type OutputPaths,
  type ResolvedExperiment,
  type RunRecord,
} from '../experiment/index.js';
import type { CliContext } from './cli-context.js';
import { RUN_HELP } from './help-text.js';
import { parseCommandArgs, singleFile, stringList } from './parse-command-args.js';
import { ProgressReporter } from './progress-reporter.js';
import { renderSummaryTable } from './summary-table.js';

const OPTIONS = {
  out: { type: 'string' },
  set: { type: 'string', multiple: true },
  force: { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `eastwest run FILE.yaml`: resolve, check the output path, run every run in this process,
 * then write the files atomically. Bad input throws BadInputError before any run starts.
 */
export async function runCommand(args: readonly string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('eastwest run', args, OPTIONS);
  if (values.help === true) {
    context.stdout.write(RUN_HELP);
    return 0;
  }
  const file = singleFile('eastwest run', positionals);
  const experiment = loadExperiment(file, context.model, { sets: stringList(values.set), force: values.force === true, cwd: context.cwd });
  const files = outputPaths(experiment.header.name, values.out as string | undefined, context.cwd);
  checkWritable(files);
  const clock = context.clock ?? (() => performance.now());
  const startedAt = new Date().toISOString();
  const started = clock();
  const records = await runWithProgress(experiment, context, values.quiet === true, clock);
  const totalSeconds = (clock() - started) / 1000;
  const metaContext = { codeVersion: readCodeVersion(), commandLine: context.commandLine, workers: 1, startedAt, totalSeconds, files };
  writeExperimentOutputs(experiment, context.model, records, metaContext);
  if (values.quiet !== true) context.stdout.write(finalReport(experiment, records, files, context));
  return 0;
}

async function runWithProgress(experiment: ResolvedExperiment, context: CliContext, quiet: boolean, clock: () => number): Promise<RunRecord[]> {
  const terminal = context.stderr.isTTY === true;
  const progress = new ProgressReporter(context.stderr, experiment.runCount, { enabled: !quiet, terminal, clock });
  if (!quiet && !terminal) context.stderr.write(`eastwest: ${experiment.header.name}: ${experiment.runCount} runs\n`);
  const warnings = new PointWarnings();
  try {
    return await runExperiment(experiment, context.model, {
      clock,
      onRunDone: (record, done) => {
        for (const warning of warnings.add(record)) progress.message(formatPointWarning(warning));
        progress.update(done);
      },
    });
  } finally {
    progress.finish();
  }
}

function finalReport(experiment: ResolvedExperiment, records: readonly RunRecord[], files: OutputPaths, context: CliContext): string {
  const table = renderSummaryTable(experiment, context.model.metrics, records);
  const shown = (path: string): string => {
    const near = relative(context.cwd, path);
    return near.startsWith('..') ? path : near;
  };
  const replications = experiment.header.replications;
  return [
    table,
    '',
    `Means over ${replications} replication${replications === 1 ? '' : 's'}; every metric with its 95% CI is in the summary.`,
    `Wrote ${shown(files.csv)}`,
    `      ${shown(files.summary)}`,
    `      ${shown(files.meta)}`,
    '',
  ].join('\n');
}
