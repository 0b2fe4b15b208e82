import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InputError } from '../../input-error.js';
import { formatBytes } from './byte-size.js';
import { groupThousands } from './written-value.js';

/** The largest experiment file read, by default (docs/design.md, Contracts: Experiment file). */
export const MAX_EXPERIMENT_FILE_BYTES = 16 * 1024 * 1024;

const CHUNK_BYTES = 64 * 1024;

/**
 * Reads a file as UTF-8 from one file descriptor, never more than `maxBytes` + 1 bytes, so a
 * device or a pipe that never ends (`/dev/zero`, `<(yes)`) is refused rather than read until
 * memory runs out. A regular file over the limit is refused from its size, unread. `name` is
 * the file as the user typed it and `what` what it is meant to be (`the experiment file`,
 * `the kubectl JSON`), for messages.
 */
export function readBoundedText(path: string, name: string, maxBytes = MAX_EXPERIMENT_FILE_BYTES, what = 'the experiment file'): string {
  const fd = openFile(path, name, what);
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw cannotRead(name, what, 'it is a directory');
    if (stat.isFile() && stat.size > maxBytes) throw tooLarge(name, what, maxBytes, `it is ${sizeBeside(stat.size, maxBytes)}`);
    return readUpTo(fd, name, what, maxBytes).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function openFile(path: string, name: string, what: string): number {
  try {
    return openSync(path, 'r');
  } catch (error) {
    throw cannotRead(name, what, reasonOf(error));
  }
}

function readUpTo(fd: number, name: string, what: string, maxBytes: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
    let read: number;
    try {
      read = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      throw cannotRead(name, what, reasonOf(error));
    }
    if (read === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, read));
    total += read;
    if (total > maxBytes) throw tooLarge(name, what, maxBytes, 'reading it went past the limit (a device or a stream that does not end?)');
  }
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? (error instanceof Error ? error.message : String(error));
}

function cannotRead(name: string, what: string, reason: string): InputError {
  return new InputError(`${name}: cannot read ${what} (${reason})`);
}

/** The size as formatBytes shows it, or in bytes when that would look the same as the limit. */
function sizeBeside(bytes: number, limit: number): string {
  return formatBytes(bytes) === formatBytes(limit) ? `${groupThousands(bytes)} bytes` : formatBytes(bytes);
}

function tooLarge(name: string, what: string, maxBytes: number, found: string): InputError {
  return new InputError(`${name}: ${what} is over the limit of ${formatBytes(maxBytes)}: ${found}`);
}
