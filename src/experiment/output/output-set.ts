import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { InputError } from '../../input-error.js';
import { sealJson, unsealJson } from '../journal/checksum.js';
import type { OutputPaths } from './output-files.js';
import { syncFolders, writeDurably } from './durable-files.js';
import { isThereButNotRegular, readRegularFile } from './regular-file.js';

/** `X.csv.commit`: while it exists, the set of files written for `X.csv` is being put in place (or was, when a crash stopped it). */
export function commitPath(csv: string): string {
  return `${csv}.commit`;
}

export interface SetOptions {
  /** The commit record; `<first file>.commit` by default (`X.csv.commit` for an output, whose CSV comes first). */
  readonly commit?: string;
  /** Files of an earlier set to remove with the commit (they are not part of the new one). */
  readonly remove?: readonly string[];
}

const COMMIT_MARK = 'eastwest output set';

/**
 * Puts a set of files in place together (docs/design.md, Contracts, "Output files"):
 * 1. each file is written to a temporary file beside it (`.<name>.<pid>.tmp`) and fsynced, and
 *    so are the folders; a failure here removes the temporary files and leaves the old set as it was;
 * 2. the commit record `X.csv.commit` (the renames and removals to come, with a checksum) is
 *    written to a temporary file, fsynced and renamed into place: from then on the new set is
 *    decided, and a crash is completed by the next run or merge on this output (recoverOutputSet);
 * 3. the files are renamed into place in order (the meta last), the removals done, the folder
 *    fsynced, and the commit record removed.
 * A reader never sees a partial file; between 2 and 3 the old meta, renamed last, still
 * describes the old set (its checksums tell the files that are already new).
 */
export function writeFilesAtomically(files: ReadonlyMap<string, string>, options: SetOptions = {}): void {
  const paths = [...files.keys()];
  if (paths.length === 0) return;
  const commit = options.commit ?? `${paths[0]}.commit`;
  const temporary = new Map<string, string>();
  try {
    for (const [path, content] of files) {
      const temp = temporaryName(path);
      temporary.set(path, temp);
      writeDurably(temp, content);
    }
    syncFolders(paths);
    const record: CommitRecord = {
      commit: COMMIT_MARK,
      renames: [...temporary].map(([path, temp]) => [relativeTo(commit, temp), relativeTo(commit, path)]),
      remove: (options.remove ?? []).map((path) => relativeTo(commit, path)),
    };
    const commitTemp = temporaryName(commit);
    temporary.set(commit, commitTemp);
    writeDurably(commitTemp, `${sealJson(JSON.stringify(record))}\n`);
    renameSync(commitTemp, commit);
    syncFolders([commit]);
  } catch (error) {
    for (const temp of temporary.values()) rmSync(temp, { force: true });
    throw error;
  }
  completeCommit(commit, readCommit(commit));
}

/**
 * Before a run or merge writes an output (holding its lock): completes a commit a crash
 * interrupted (the renames and removals its record lists), then removes the temporary files a
 * crashed write left of this output's files. Says what it did through `onNotice`. A commit record
 * that fails its checksum is bad input: which files are new is then unknown.
 */
export function recoverOutputSet(paths: OutputPaths, onNotice?: (message: string) => void): void {
  const commit = commitPath(paths.csv);
  if (existsSync(commit)) {
    const record = readCommit(commit);
    checkOwnNames(commit, record, paths);
    completeCommit(commit, record);
    onNotice?.(`completed the write of ${paths.csv} and the files beside it that a crash interrupted (${basename(commit)} was left)`);
  }
  const leftovers = leftoverTemporaries(paths);
  for (const path of leftovers) rmSync(path, { force: true });
  if (leftovers.length > 0) onNotice?.(`removed ${leftovers.length === 1 ? 'a temporary file' : `${leftovers.length} temporary files`} of an earlier write of ${paths.csv} that did not finish`);
}

interface CommitRecord {
  readonly commit: typeof COMMIT_MARK;
  /** [temporary, final], relative to the commit record's folder, in the order they are renamed. */
  readonly renames: readonly (readonly [string, string])[];
  readonly remove: readonly string[];
}

function readCommit(commit: string): CommitRecord {
  if (isThereButNotRegular(commit)) {
    throw new InputError(`${commit}: expected the record of an interrupted write, found something that is not a regular file (a device, a pipe or a folder); it is left as it is: move it away`);
  }
  const unsealed = unsealJson(readRegularFile(commit).toString('utf8').trimEnd());
  const record = unsealed.ok ? (JSON.parse(unsealed.json) as CommitRecord) : undefined;
  if (record?.commit !== COMMIT_MARK || !Array.isArray(record.renames) || !Array.isArray(record.remove)) {
    throw new InputError(
      `${commit}: the record of an interrupted write fails its checksum, so which files beside it are new is unknown; ` +
        'check them (the meta\'s checksums say which match it), then remove the record',
    );
  }
  return record;
}

/** A record found on disk may only name this output's own files and their temporary files. */
function checkOwnNames(commit: string, record: CommitRecord, paths: OutputPaths): void {
  const own = new Set(Object.values(paths) as string[]);
  const folder = dirname(commit);
  const isOwn = (name: string): boolean => own.has(resolve(folder, name));
  const ok = record.renames.every(([temp, final]) => isOwn(final) && isTemporaryOf(resolve(folder, final), resolve(folder, temp))) && record.remove.every(isOwn);
  if (!ok) throw new InputError(`${commit}: the record of an interrupted write names files that are not this output's; remove it after checking the files beside it`);
}

/** The renames and removals of a commit record whose temporary files are still there, then the record goes. */
function completeCommit(commit: string, record: CommitRecord): void {
  const folder = dirname(commit);
  const touched = [commit];
  for (const [temp, final] of record.renames) {
    if (!existsSync(resolve(folder, temp))) continue; // Renamed before the crash.
    renameSync(resolve(folder, temp), resolve(folder, final));
    touched.push(resolve(folder, final));
  }
  for (const name of record.remove) rmSync(resolve(folder, name), { force: true });
  syncFolders(touched);
  rmSync(commit, { force: true });
  syncFolders([commit]);
}

/** `.<name>.<pid>.tmp` beside `path`. */
function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/** Whether `temp` is a temporary name of `final` (any PID), both absolute. */
function isTemporaryOf(final: string, temp: string): boolean {
  const pattern = new RegExp(`^\\.${escape(basename(final))}\\.\\d+\\.tmp$`);
  return dirname(temp) === dirname(final) && pattern.test(basename(temp));
}

/** Temporary files of this output's files (and of its commit record, and checkWritable's probe) left by a write that did not finish. */
function leftoverTemporaries(paths: OutputPaths): string[] {
  const folder = dirname(paths.csv);
  const names = [...(Object.values(paths) as string[]), commitPath(paths.csv)].map((path) => escape(basename(path)));
  const pattern = new RegExp(`^\\.(${names.join('|')})\\.\\d+\\.(tmp|probe)$`);
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return [];
  }
  return entries.filter((name) => pattern.test(name)).map((name) => join(folder, name));
}

function relativeTo(commit: string, path: string): string {
  return relative(dirname(commit), path);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
