import { RunFailedError, SaveFailedError } from '../experiment/index.js';
import { InputError } from '../input-error.js';
import type { TextOutput } from './progress-reporter.js';

/** Exit statuses (docs/design.md, Contracts). */
export const EXIT_OK = 0;
export const EXIT_RUN_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

/** What follows an internal error's one line when the stack is not shown. */
export const BUG_HINT = 'this is a bug; rerun with --debug for the stack';

/**
 * `--debug` is a global option: taken out wherever it appears before a `--`, so
 * `eastwest --debug run x.yaml` and `eastwest run x.yaml --debug` both work.
 */
export function takeDebugOption(args: readonly string[]): { debug: boolean; rest: string[] } {
  const end = args.indexOf('--');
  const options = end === -1 ? args : args.slice(0, end);
  const rest = options.filter((arg) => arg !== '--debug');
  return { debug: rest.length !== options.length, rest: end === -1 ? rest : [...rest, ...args.slice(end)] };
}

/**
 * Prints an error the way the command line promises (docs/design.md, Contracts) and returns
 * the exit status. Bad input is one line naming what was wrong (exit 2). A run that failed is
 * its line and what became of the work (exit 1). Anything else is an internal error: one line
 * saying what failed and that it is a bug (exit 1). No stack is printed unless `debug`, for
 * any input.
 */
export function reportError(error: unknown, stderr: TextOutput, debug: boolean): number {
  if (error instanceof InputError) {
    stderr.write(`error: ${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
  if (error instanceof RunFailedError) return reportRunFailure(error, stderr, debug);
  if (error instanceof SaveFailedError) {
    // An I/O error while saving (ENOSPC, EACCES, EROFS): not a bug; the message says where the finished runs are.
    stderr.write(`error: ${oneLine(error.message)}\n`);
    if (debug) stderr.write(stackOf(error.cause));
    return EXIT_RUN_FAILED;
  }
  stderr.write(`eastwest: internal error: ${oneLine(messageOf(error))}${debug ? '\n' : ` — ${BUG_HINT}\n`}`);
  if (debug) stderr.write(stackOf(error));
  return EXIT_RUN_FAILED;
}

/**
 * A model that finds its parameters cannot go together when it is built (`churn.failedNodes`
 * over `cluster.nodes`) throws InputError inside the run: that is bad input, exit 2, named
 * with the run. Any other failure inside a run is a bug in a model.
 */
function reportRunFailure(error: RunFailedError, stderr: TextOutput, debug: boolean): number {
  if (error.cause instanceof InputError) {
    stderr.write(`error: ${error.message}\n${error.aftermath}\n`);
    return EXIT_BAD_INPUT;
  }
  stderr.write(`error: ${oneLine(error.message)}\n${error.aftermath}\n`);
  stderr.write(debug ? stackOf(error.cause) : `(${BUG_HINT})\n`);
  return EXIT_RUN_FAILED;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message === '' ? error.name : `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`;
  return String(error);
}

/** The first line of a message: the rest of a multi-line message is detail the stack has. */
function oneLine(message: string): string {
  const [first] = message.split('\n');
  return first.length > 500 ? `${first.slice(0, 500)}…` : first;
}

function stackOf(error: unknown): string {
  return `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;
}
