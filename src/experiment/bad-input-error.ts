/**
 * Bad input found by the experiment layer or the command line, with its whole message
 * already written for the user (the file or option first, then InputError's wording):
 *   experiments/x.yaml: Expected `cluster.services` to be an integer >= 1, got `-3`
 * The command line maps it, like InputError, to exit status 2.
 */
export class BadInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadInputError';
  }
}

/** `prefix: message`, keeping InputError's own wording intact after the prefix. */
export function badInput(prefix: string, error: unknown): BadInputError {
  const message = error instanceof Error ? error.message : String(error);
  return new BadInputError(`${prefix}: ${message}`);
}
