import { join, resolve } from 'node:path';
import { availableMemory, loadExperiment } from '../experiment/index.js';
import { InputError } from '../input-error.js';
import type { CliContext } from './cli-context.js';
import { REPORT_HELP } from './help-text.js';
import { parseCommandArgs, singleFile, stringList, type OptionValues } from './parse-command-args.js';
import { checkReportIndex, renderAfterRun, renderReportFolder, writtenReport } from './report-folder.js';
import { runCommand } from './run-command.js';
import { parseWorkers, RUN_OPTIONS } from './run-options.js';

/** Run's options a report passes on to the run, as they are. */
const PASSED_TO_RUN = ['set', 'workers', 'resume', 'baseline', 'timeseries', 'force', 'overwrite', 'quiet'] as const;

const REPORT_OPTIONS = {
  ...Object.fromEntries(PASSED_TO_RUN.map((name) => [name, RUN_OPTIONS[name]])),
  out: { type: 'string' },
  'no-run': { type: 'boolean' },
  rerun: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `eastwest report FILE.yaml [--out DIR]`: the experiment's results and a report on them in one
 * folder (results/<name>/ by default). When the folder already holds the complete results of
 * this very experiment (same hash, every run, checksums intact, the --timeseries and
 * --baseline asked for), it renders them without running, saying so; otherwise it runs the
 * experiment as `eastwest run --out DIR/<name>.csv` does (journal, --resume, lock, workers),
 * then renders. `--no-run` never runs; `--rerun` always does.
 */
export async function reportCommand(args: readonly string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('eastwest report', args, REPORT_OPTIONS);
  if (values.help === true) {
    context.stdout.write(REPORT_HELP);
    return 0;
  }
  if (values['no-run'] === true && values.rerun === true) throw new InputError('eastwest report: give `--no-run` (render what is there) or `--rerun` (run again), not both');
  const file = singleFile('eastwest report', positionals);
  const experiment = loadExperiment(file, context.model, {
    sets: stringList(values.set),
    force: values.force === true,
    cwd: context.cwd,
    workers: parseWorkers(text(values, 'workers'), context.defaultWorkers),
    memoryLimit: context.memoryLimit ?? availableMemory(),
  });
  const folder = text(values, 'out') ?? join('results', experiment.header.name);
  const csv = join(folder, `${experiment.header.name}.csv`);
  const wanted = { timeseries: text(values, 'timeseries'), baseline: text(values, 'baseline') };
  const overwrite = values.overwrite === true;
  if (values.rerun !== true) {
    const outcome = await renderReportFolder(experiment, resolve(context.cwd, csv), context, { wanted, overwrite });
    if (outcome.rendered) {
      context.stderr.write(`${folder} holds the results of this experiment (${outcome.codeVersion}); rendered the report from them without running (--rerun runs it again)\n`);
      return writtenReport(outcome, values.quiet === true, context);
    }
    if (values['no-run'] === true) throw new InputError(`--no-run: ${folder} holds no results of this experiment to render: ${outcome.why}`);
    context.stderr.write(`running ${experiment.header.name} into ${folder}: ${outcome.why}\n`);
  }
  checkReportIndex(csv, context, overwrite);
  await runCommand(runArgs(file, csv, values), context);
  return writtenReport(await renderAfterRun(experiment, csv, context, overwrite), values.quiet === true, context);
}

/** The `eastwest run` command line this report runs: the file, --out DIR/<name>.csv, and run's own options as given. */
function runArgs(file: string, csv: string, values: OptionValues): string[] {
  const args = [file, '--out', csv];
  for (const name of PASSED_TO_RUN) {
    const value = values[name];
    if (value === true) args.push(`--${name}`);
    else if (typeof value === 'string') args.push(`--${name}`, value);
    else if (Array.isArray(value)) for (const each of value) args.push(`--${name}`, String(each));
  }
  return args;
}

function text(values: OptionValues, name: string): string | undefined {
  return values[name] === undefined ? undefined : String(values[name]);
}
