/**
 * Where the generator writes and the test reads: results/validation/{values.csv,
 * values.meta.json,index.md}, and how the three fit together.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderIndex, type RenderContext } from './render-index.js';
import type { ValidationCase } from './validation-case.js';
import { parseValuesCsv, type CaseValue } from './values-file.js';

export const RESULTS_FOLDER = fileURLToPath(new URL('../../results/validation/', import.meta.url));
export const VALUES_PATH = `${RESULTS_FOLDER}values.csv`;
export const META_PATH = `${RESULTS_FOLDER}values.meta.json`;
export const INDEX_PATH = `${RESULTS_FOLDER}index.md`;

/** What ran the values (written beside them, shown under the page's title). */
export interface ValuesMeta {
  readonly codeVersion: string;
  readonly nodeVersion: string;
  readonly wallSeconds: number;
  /** The --only prefixes of a partial run; null for a full one. */
  readonly only: readonly string[] | null;
}

export function provenanceOf(meta: ValuesMeta): RenderContext {
  const partial = meta.only === null ? '' : ` (partial run: only ${meta.only.join(', ')}; the rest from an earlier run)`;
  return { provenance: `computed at ${meta.codeVersion} with Node.js ${meta.nodeVersion}, ${meta.wallSeconds} s of wall time on 2 shared cores${partial}` };
}

export function readCommittedValues(): { values: CaseValue[]; meta: ValuesMeta } {
  return { values: parseValuesCsv(readFileSync(VALUES_PATH, 'utf8')), meta: JSON.parse(readFileSync(META_PATH, 'utf8')) as ValuesMeta };
}

export function renderCommitted(cases: readonly ValidationCase[]): string {
  const { values, meta } = readCommittedValues();
  return renderIndex(cases, values, provenanceOf(meta));
}
