import { mergeParts, readCodeVersion } from '../experiment/index.js';
import { InputError } from '../input-error.js';
import type { CliContext } from './cli-context.js';
import { finalReport } from './final-report.js';
import { MERGE_HELP } from './help-text.js';
import { parseCommandArgs } from './parse-command-args.js';
import { parseColumns } from './table-columns.js';
import { columnChoice, readTableRequest, TABLE_OPTIONS } from './table-options.js';

const OPTIONS = {
  out: { type: 'string' },
  baseline: { type: 'string' },
  overwrite: { type: 'boolean' },
  quiet: { type: 'boolean' },
  'all-params': { type: 'boolean' },
  ...TABLE_OPTIONS,
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
  const table = readTableRequest(values);
  const baselineText = values.baseline === undefined ? undefined : String(values.baseline);
  // Checked before the merge writes anything: --columns needs only the metrics.
  const chosen = table.columns === undefined ? undefined : parseColumns(table.columns, context.model.metrics, baselineText !== undefined);
  const { experiment, records, files, baseline } = mergeParts(context.model, {
    parts: positionals,
    out: String(values.out),
    cwd: context.cwd,
    baseline: baselineText,
    codeVersion: readCodeVersion(),
    commandLine: context.commandLine,
    onNotice: (message) => context.stderr.write(`warning: ${message}\n`),
    overwrite: values.overwrite === true,
    allParams: values['all-params'] === true,
  });
  if (values.quiet !== true) {
    const choice = chosen ?? columnChoice(table, experiment, context.model, baseline !== undefined);
    const report = finalReport(experiment, records, files, context.cwd, { choice, format: table.format, baseline });
    context.stderr.write(report.stderr);
    context.stdout.write(report.stdout);
  }
  return 0;
}
