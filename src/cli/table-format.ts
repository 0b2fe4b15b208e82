import { InputError } from '../input-error.js';
import { closestName } from '../text/closest-name.js';

/**
 * How the table after a run goes to stdout: `table` for a terminal (the default), `csv` or
 * `json` for another program (table-output.ts); with csv and json nothing else goes to stdout.
 */
export type TableFormat = 'table' | 'csv' | 'json';

const FORMATS: readonly TableFormat[] = ['table', 'csv', 'json'];

/** `--format FORMAT`; `table` when not given. */
export function parseTableFormat(text: string | undefined): TableFormat {
  if (text === undefined) return 'table';
  if ((FORMATS as readonly string[]).includes(text)) return text as TableFormat;
  const suggestion = closestName(text, FORMATS);
  const didYouMean = suggestion === undefined ? '' : `; did you mean \`${suggestion}\`?`;
  throw new InputError(`Expected \`--format\` to be one of ${FORMATS.map((format) => `\`${format}\``).join(', ')}, got \`${text}\`${didYouMean}`);
}
