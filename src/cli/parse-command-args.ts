import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../input-error.js';
import { closestName } from '../text/closest-name.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Values of a command's options: strings, string lists (repeatable) and flags. */
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/**
 * node:util parseArgs with the house's messages: an unknown option, a missing value or a
 * stray argument is an InputError (exit 2) naming the command and suggesting the option
 * the user most likely meant.
 */
export function parseCommandArgs(command: string, args: readonly string[], options: Options): { values: OptionValues; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: values as OptionValues, positionals };
  } catch (error) {
    throw new InputError(`${command}: ${argumentProblem(error as Error & { code?: string }, options)} (see \`${command} --help\`)`);
  }
}

function argumentProblem(error: Error & { code?: string }, options: Options): string {
  const option = /'(-[^' ]*)/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option !== undefined) {
    const suggestion = closestName(option.replace(/^-+/, ''), Object.keys(options));
    return `unknown option \`${option}\`${suggestion === undefined ? '' : `; did you mean \`--${suggestion}\`?`}`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) {
    return error.message.includes('does not take') ? `option \`${option}\` takes no value` : `option \`${option}\` needs a value`;
  }
  return error.message;
}

/** The one FILE argument a command takes. */
export function singleFile(command: string, positionals: readonly string[]): string {
  if (positionals.length === 1) return positionals[0];
  const found = positionals.length === 0 ? 'nothing' : positionals.join(' ');
  throw new InputError(`${command}: Expected one experiment file (FILE.yaml), got \`${found}\` (see \`${command} --help\`)`);
}

/** A repeatable option's values as strings. */
export function stringList(value: OptionValues[string]): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}
