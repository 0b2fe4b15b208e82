/**
 * Bad input: a field of an experiment file, a `--set`, a distribution written as data.
 * The message names the field path, what was expected and what was found (DESIGN.md §6):
 *   Expected `cluster.services` to be an integer >= 1, got `-3`
 * The experiment loader prefixes the file name; the command line maps it to exit status 2.
 */
export class InputError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
    readonly found: unknown,
  ) {
    super(`Expected \`${path}\` to be ${expected}, got \`${describeFound(found)}\``);
    this.name = 'InputError';
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
