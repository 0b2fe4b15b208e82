import { mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { syncFolders, writeDurably } from '../experiment/output/durable-files.js';
import { InputError } from '../input-error.js';
import { writeFailureReason } from '../experiment/output/write-failure-reason.js';

/** A file `plot` or `report` writes, with what marks it as eastwest's (the start of its text). */
export interface GeneratedFile {
  readonly path: string;
  /** As the user would name it, for messages. */
  readonly name: string;
  readonly content: string;
  /** Text that an earlier copy written by eastwest holds near its start (SVG_MARK, the index's first line). */
  readonly mark: string;
}

/** How far into a file its mark is looked for. */
const MARK_WINDOW_BYTES = 4096;

/**
 * Refuses, before anything is written, a file at one of the paths that eastwest did not write
 * (no mark near its start), unless `overwrite`: a chart or index written earlier is replaced,
 * as a re-run replaces its own results, but nobody's notes are. A folder there is refused
 * whatever the options.
 */
export function checkGeneratedPaths(files: readonly GeneratedFile[], overwrite: boolean): void {
  for (const file of files) {
    const stats = statSync(file.path, { throwIfNoEntry: false });
    if (stats === undefined) continue;
    if (!stats.isFile()) throw new InputError(`Cannot write \`${file.name}\`: something that is not a regular file is there (a folder, a device or a pipe)`);
    if (!overwrite && !startsWithMark(file.path, file.mark)) {
      throw new InputError(`Cannot write \`${file.name}\`: a file is there that eastwest did not write; pass --overwrite to replace it, or choose another --out`);
    }
  }
}

function startsWithMark(path: string, mark: string): boolean {
  return readFileSync(path).subarray(0, MARK_WINDOW_BYTES).toString('utf8').includes(mark);
}

/**
 * Writes each file atomically, in order: to a temporary file beside it (`.<name>.<pid>.tmp`),
 * fsynced, then renamed into place and the folder fsynced, so no reader ever sees a partial
 * chart. Put the file that links the others last (index.md), so it never names a chart that
 * is not there yet.
 */
export function writeGeneratedFiles(files: readonly GeneratedFile[]): void {
  for (const file of files) {
    const temporary = join(dirname(file.path), `.${basename(file.path)}.${process.pid}.tmp`);
    try {
      mkdirSync(dirname(file.path), { recursive: true });
      writeDurably(temporary, file.content);
      renameSync(temporary, file.path);
      syncFolders([file.path]);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw new InputError(`Cannot write \`${file.name}\`: ${writeFailureReason(error)}`);
    }
  }
}
