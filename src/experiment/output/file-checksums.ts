import { fileChecksum, lineChecksums } from '../journal/checksum.js';

/** A written file's checksums as its meta records them (`checksums` in X.meta.json). */
export interface FileChecksums {
  /** SHA-256 of the whole file. */
  readonly sha256: string;
  /** For a shard's part: the checksum of each line (line n is element n − 1), so merge names a damaged line. */
  readonly lines?: readonly string[];
}

/** Which of an output's files: the keys of `files` in the meta. */
export type FileRole = 'csv' | 'summary' | 'timeseries';

/**
 * The checksums of the CSV files of one output, by their key in the meta's `files` (so a
 * part keeps them when renamed): the whole file's always, and each line's for a shard's
 * part, which merge reads back.
 */
export function checksumsOf(contents: ReadonlyMap<FileRole, string>, withLines: boolean): Partial<Record<FileRole, FileChecksums>> {
  return Object.fromEntries([...contents].map(([role, text]) => [role, withLines ? { sha256: fileChecksum(text), lines: lineChecksums(text) } : { sha256: fileChecksum(text) }]));
}
