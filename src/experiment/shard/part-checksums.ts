import { InputError } from '../../input-error.js';
import { fileChecksum, lineChecksum, textLines } from '../journal/checksum.js';
import type { FileChecksums, FileRole } from '../output/file-checksums.js';

/**
 * Checks a part's file (its CSV or its time series) against the checksums its meta records,
 * line by line and then whole, so an edit that keeps the file well-formed (117 → 118, two
 * values swapped, a value deleted) or bit rot is refused, naming the file and the line.
 * `name` is the file as typed, `role` its key in the meta (`csv`, `timeseries`), `metaName` the meta's name.
 */
export function checkPartChecksums(name: string, text: string, role: FileRole, checksums: PartChecksums | undefined, metaName: string): void {
  const recorded = checksums?.[role];
  if (recorded === undefined || !Array.isArray(recorded.lines) || typeof recorded.sha256 !== 'string') {
    throw new InputError(
      `${metaName}: Expected the checksums of ${name} (\`checksums.${role}\`, which \`eastwest run --shard\` records), got nothing; ` +
        'rerun the shard with this eastwest',
    );
  }
  const lines = textLines(text);
  const recordedLines = recorded.lines;
  const bad = lines.findIndex((line, i) => i >= recordedLines.length || lineChecksum(line) !== recordedLines[i]);
  if (bad >= 0) {
    const what = bad >= recordedLines.length ? `a line its meta has no checksum for (${metaName} records ${recordedLines.length})` : `its checksum fails (recorded in ${metaName})`;
    throw damaged(`${name}:${bad + 1}`, what);
  }
  if (lines.length < recordedLines.length) {
    throw damaged(`${name}:${lines.length + 1}`, `the line is missing: the file has ${lines.length} lines, ${metaName} records ${recordedLines.length} (cut short)`);
  }
  if (fileChecksum(text) !== recorded.sha256) throw damaged(name, `the checksum of the whole file fails (recorded in ${metaName})`);
}

/** `checksums` in a part's meta. */
export type PartChecksums = Readonly<Partial<Record<FileRole, FileChecksums>>>;

function damaged(where: string, what: string): InputError {
  return new InputError(`${where}: ${what}; the part was edited or damaged since its shard wrote it, so it is not merged (rerun that shard)`);
}
