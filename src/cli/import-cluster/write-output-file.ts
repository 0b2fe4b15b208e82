import { linkSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { syncFolders, writeDurably } from '../../experiment/output/durable-files.js';
import { InputError } from '../../input-error.js';
import { writeFailureReason } from '../../experiment/output/write-failure-reason.js';

export interface OutputFileOptions {
  /** The output as typed, for messages. */
  readonly name: string;
  /** Replace a file already there; without it one is refused (exit 2). */
  readonly overwrite: boolean;
  /** The file the command reads, which is never written over, whatever `overwrite` says. */
  readonly input: string;
}

/**
 * Writes one file atomically: a temporary file beside it, fsynced, then put in place, so a
 * reader never sees half of it. Without `overwrite` it is put in place with link(), which fails
 * if a file appeared there meanwhile, rather than checking first and renaming over it.
 */
export function writeOutputFile(path: string, content: string, options: OutputFileOptions): void {
  refuseInput(path, options);
  const existing = statSync(path, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw cannotWrite(options.name, 'it is a directory');
  if (existing !== undefined && !options.overwrite) throw exists(options.name);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeDurably(temporary, content, true);
    putInPlace(temporary, path, options);
    syncFolders([path]);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw cannotWrite(options.name, writeFailureReason(error));
  } finally {
    rmSync(temporary, { force: true });
  }
}

function refuseInput(path: string, options: OutputFileOptions): void {
  const output = statSync(path, { throwIfNoEntry: false });
  const input = statSync(options.input, { throwIfNoEntry: false });
  const sameFile = output !== undefined && input !== undefined && output.dev === input.dev && output.ino === input.ino;
  if (resolve(path) === resolve(options.input) || sameFile) {
    throw new InputError(`Cannot write the output \`${options.name}\`: it is the kubectl JSON being read, which eastwest never overwrites; choose another --out`);
  }
}

function putInPlace(temporary: string, path: string, options: OutputFileOptions): void {
  if (options.overwrite) {
    renameSync(temporary, path);
    return;
  }
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw exists(options.name);
    throw error;
  }
}

function exists(name: string): InputError {
  return new InputError(`Cannot write the output \`${name}\`: a file is already there; pass --overwrite to replace it, or choose another --out`);
}

function cannotWrite(name: string, reason: string): InputError {
  return new InputError(`Cannot write the output \`${name}\`: ${reason}`);
}
