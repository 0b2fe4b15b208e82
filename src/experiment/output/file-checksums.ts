import { fileChecksum, lineChecksums } from '../journal/checksum.js';
import type { RunTableName } from '../run/experiment-runs.js';

/** A written file's checksums as its meta records them (`checksums` in X.meta.json). */
export interface FileChecksums {
  /** SHA-256 of the whole file. */
  readonly sha256: string;
  /** For a shard's part: the checksum of each line (line n is element n − 1), so merge names a damaged line. */
  readonly lines?: readonly string[];
}

/** Which of an output's files: the keys of `files` in the meta. */
export type FileRole = 'csv' | 'summary' | RunTableName;

/**
 * The checksums of the CSV files of one output, by their key in the meta's `files` (so a
 * part keeps them when renamed): the whole file's always, and each line's for a shard's
 * part, which merge reads back.
 */
export function checksumsOf(contents: ReadonlyMap<FileRole, string>, withLines: boolean): Partial<Record<FileRole, FileChecksums>> {
  return Object.fromEntries([...contents].map(([role, text]) => [role, withLines ? { sha256: fileChecksum(text), lines: lineChecksums(text) } : { sha256: fileChecksum(text) }]));
}

/** A meta's text as eastwest writes it: JSON indented by two spaces, and a final newline. */
export function metaText(meta: object): string {
  return `${JSON.stringify(meta, null, 2)}\n`;
}

/**
 * A shard part's meta text with `checksums.meta`: the SHA-256 of the meta's text without that
 * entry, so merge catches an edit to anything in it (the points' warnings, wall times, the
 * resolved experiment), not only to its CSVs. The entry goes inside `meta.checksums`.
 */
export function sealedMetaText(meta: { readonly checksums: object } & Record<string, unknown>): string {
  const sha256 = fileChecksum(metaText(meta));
  return metaText({ ...meta, checksums: { ...meta.checksums, meta: { sha256 } } });
}

/**
 * Checks a part's meta, as parsed, against `checksums.meta`: its text without that entry,
 * written again as eastwest writes it, must have that checksum. `missing` for a meta with none.
 */
export function checkMetaChecksum(meta: Record<string, unknown>): 'ok' | 'missing' | 'fails' {
  const checksums = meta.checksums as Record<string, unknown> | undefined;
  const own = (typeof checksums === 'object' && checksums !== null ? checksums.meta : undefined) as { sha256?: unknown } | undefined;
  if (typeof own?.sha256 !== 'string') return 'missing';
  const { meta: _own, ...files } = checksums!;
  return fileChecksum(metaText({ ...meta, checksums: files })) === own.sha256 ? 'ok' : 'fails';
}
