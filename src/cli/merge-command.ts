import { mergeParts, readCodeVersion } from '../experiment/index.js';
import { InputError } from '../input-error.js';
import type { CliContext } from './cli-context.js';
import { finalReport } from './final-report.js';
import { MERGE_HELP } from './help-text.js';
import { parseCommandArgs } from './parse-command-args.js';

const OPTIONS = {
  out: { type: 'string' },
  baseline: { type: 'string' },
  overwrite: { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `eastwest merge PART.csv... --out PATH`: the single-run CSV, summary and meta from a sharded run's parts. */
export async function mergeCommand(args: readonly string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('eastwest merge', args, OPTIONS);
  if (values.help === true) {
    context.stdout.write(MERGE_HELP);
    return 0;
  }
  if (values.out === undefined) {
    throw new InputError('eastwest merge: Expected `--out PATH` (the merged CSV, e.g. `results/x.csv`), got nothing (see `eastwest merge --help`)');
  }
  const { experiment, records, files } = mergeParts(context.model, {
    parts: positionals,
    out: String(values.out),
    cwd: context.cwd,
    baseline: values.baseline === undefined ? undefined : String(values.baseline),
    codeVersion: readCodeVersion(),
    commandLine: context.commandLine,
    onNotice: (message) => context.stderr.write(`warning: ${message}\n`),
    overwrite: values.overwrite === true,
  });
  if (values.quiet !== true) context.stdout.write(finalReport(experiment, context.model.metrics, records, files, context.cwd));
  return 0;
}
