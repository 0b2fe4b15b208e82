import { readCodeVersion } from '../experiment/index.js';
import { InputError } from '../input-error.js';
import { closestName } from '../text/closest-name.js';
import type { CliContext } from './cli-context.js';
import { describeCommand } from './describe-command.js';
import { EXIT_BAD_INPUT, EXIT_OK, reportError, takeDebugOption } from './error-report.js';
import { MAIN_HELP } from './help-text.js';
import { importClusterCommand } from './import-cluster-command.js';
import { mergeCommand } from './merge-command.js';
import { plotCommand } from './plot-command.js';
import { reportCommand } from './report-command.js';
import { runCommand } from './run-command.js';
import { validateCommand } from './validate-command.js';

type Command = (args: readonly string[], context: CliContext) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = { run: runCommand, validate: validateCommand, describe: describeCommand, merge: mergeCommand, 'import-cluster': importClusterCommand, plot: plotCommand, report: reportCommand };

export { EXIT_BAD_INPUT, EXIT_OK, EXIT_RUN_FAILED } from './error-report.js';

/**
 * The eastwest command line: dispatches to a command and turns errors into exit statuses,
 * 2 for bad input (named, with what was expected and found), 1 for a failed run or an
 * internal error; one line each, the stack only with the global option `--debug`.
 */
export async function runCli(args: readonly string[], context: CliContext): Promise<number> {
  const { debug, rest } = takeDebugOption(args);
  try {
    return await dispatch(rest, context);
  } catch (error) {
    return reportError(error, context.stderr, debug);
  }
}

async function dispatch(args: readonly string[], context: CliContext): Promise<number> {
  const [first, ...rest] = args;
  if (first === '--help' || first === '-h' || first === 'help') {
    context.stdout.write(MAIN_HELP);
    return EXIT_OK;
  }
  if (first === '--version' || first === '-v') {
    context.stdout.write(`eastwest ${readCodeVersion().label}\n`);
    return EXIT_OK;
  }
  if (first === undefined) {
    context.stderr.write(MAIN_HELP);
    return EXIT_BAD_INPUT;
  }
  const command = COMMANDS[first];
  if (command === undefined) throw unknownCommand(first);
  return command(rest, context);
}

function unknownCommand(name: string): InputError {
  const suggestion = closestName(name, Object.keys(COMMANDS));
  const hint = suggestion === undefined ? '' : `; did you mean \`${suggestion}\`?`;
  return new InputError(`eastwest: unknown command \`${name}\`${hint} (the commands are ${Object.keys(COMMANDS).join(', ')}; see \`eastwest --help\`)`);
}
