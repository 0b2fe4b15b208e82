import { readCodeVersion, RunFailedError } from '../experiment/index.js';
import { InputError } from '../input-error.js';
import { closestName } from '../text/closest-name.js';
import type { CliContext } from './cli-context.js';
import { describeCommand } from './describe-command.js';
import { MAIN_HELP } from './help-text.js';
import { mergeCommand } from './merge-command.js';
import { runCommand } from './run-command.js';
import { validateCommand } from './validate-command.js';

type Command = (args: readonly string[], context: CliContext) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = { run: runCommand, validate: validateCommand, describe: describeCommand, merge: mergeCommand };

/** Exit statuses (docs/design.md, Contracts). */
export const EXIT_OK = 0;
export const EXIT_RUN_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

/**
 * The eastwest command line: dispatches to a command and turns errors into exit statuses,
 * 2 for bad input (named, with what was expected and found), 1 for a failure while running.
 */
export async function runCli(args: readonly string[], context: CliContext): Promise<number> {
  try {
    return await dispatch(args, context);
  } catch (error) {
    return reportError(error, context);
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

function reportError(error: unknown, context: CliContext): number {
  if (error instanceof InputError) {
    context.stderr.write(`error: ${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
  if (error instanceof RunFailedError) {
    context.stderr.write(`error: ${error.message}\n${error.aftermath}\n${stackOf(error.cause)}`);
    return EXIT_RUN_FAILED;
  }
  context.stderr.write(`error: ${stackOf(error)}`);
  return EXIT_RUN_FAILED;
}

/** The stack of a failure inside a run: it is a bug somewhere, and the stack says where. */
function stackOf(error: unknown): string {
  return `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;
}
