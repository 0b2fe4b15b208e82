import { closeSync, constants, fstatSync, openSync, readFileSync, statSync } from 'node:fs';

/** What readRegularFile throws for a path that is there but is not a regular file (a device, a pipe, a folder, a socket). */
export class NotARegularFileError extends Error {
  readonly code = 'ENOTREGULAR';

  constructor(readonly path: string) {
    super(`${path} is not a regular file`);
    this.name = 'NotARegularFileError';
  }
}

/**
 * Reads a file eastwest finds at one of its own paths (a journal, a lock, a commit record, a
 * meta, a shard's part) only if it is a regular file, so a device or a pipe put there
 * (`/dev/zero`, a FIFO) is refused instead of read until memory runs out, or waited on
 * forever. Other errors (ENOENT) are thrown as they are.
 */
export function readRegularFile(path: string): Buffer {
  if (!statSync(path).isFile()) throw new NotARegularFileError(path);
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw new NotARegularFileError(path);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Whether something is at `path` (following symbolic links) that is not a regular file. */
export function isThereButNotRegular(path: string): boolean {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat !== undefined && !stat.isFile();
}
