/** One field of the input that is wrong: its dotted path, what it should be, what it was. */
interface FieldProblem {
  readonly path: string;
  readonly expected: string;
  readonly found: unknown;
}

/**
 * Bad input: a field of an experiment file, a `--set` or another option, a distribution written
 * as data, a file that cannot be read or does not belong. The command line prints the message
 * and exits with status 2 (docs/design.md, Contracts). Made one of two ways:
 * - about one field: `new InputError(path, expected, found)` names the field, what was expected
 *   and what was found (docs/design.md, House style): Expected `cluster.services` to be an integer >= 1, got `-3`
 * - with a message written whole, for what does not fit that form (an unknown key with a
 *   "did you mean", a malformed file, a journal of another experiment): `new InputError(message)`.
 * Code that knows where the input came from puts it in front with `prefixed`:
 *   experiments/x.yaml: Expected `cluster.services` to be an integer >= 1, got `-3`
 */
export class InputError extends Error {
  #field: FieldProblem | undefined;

  constructor(message: string);
  constructor(path: string, expected: string, found: unknown);
  constructor(...args: [message: string] | [path: string, expected: string, found: unknown]) {
    super(args.length === 1 ? args[0] : `Expected \`${args[0]}\` to be ${args[1]}, got \`${describeFound(args[2])}\``);
    this.name = 'InputError';
    this.#field = args.length === 1 ? undefined : { path: args[0], expected: args[1], found: args[2] };
  }

  /** The field's path, when the error is about one field; undefined for a message written whole. */
  get path(): string | undefined {
    return this.#field?.path;
  }

  /** What the field should be, when the error is about one field. */
  get expected(): string | undefined {
    return this.#field?.expected;
  }

  /** What the field was, when the error is about one field. */
  get found(): unknown {
    return this.#field?.found;
  }

  /**
   * The same error with `prefix: ` before its message: the file, or the option as typed
   * (`--set cluster.services=-3`), which the code that found the problem does not know.
   */
  prefixed(prefix: string): InputError {
    const error = new InputError(`${prefix}: ${this.message}`);
    error.#field = this.#field;
    return error;
  }
}

/** Shows a found value the way the user wrote it: scalars as is, objects as compact JSON. */
export function describeFound(found: unknown): string {
  if (found === undefined) return 'nothing';
  if (typeof found === 'string') return found;
  if (typeof found === 'number' || typeof found === 'boolean' || found === null) return String(found);
  try {
    return JSON.stringify(found);
  } catch {
    return String(found);
  }
}
