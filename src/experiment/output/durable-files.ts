import { closeSync, fsyncSync, openSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes `content` to `path` and fsyncs it before returning, so a rename or link that puts it
 * in place afterwards never publishes a file whose bytes a crash could lose. `exclusive`: fail
 * if the file exists (open with `wx`).
 */
export function writeDurably(path: string, content: string, exclusive = false): void {
  const fd = openSync(path, exclusive ? 'wx' : 'w');
  try {
    writeFileSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** fsyncs the folders of `paths`, so the names written or renamed in them last a crash. */
export function syncFolders(paths: readonly string[]): void {
  for (const folder of new Set(paths.map((path) => dirname(path)))) {
    let fd: number | undefined;
    try {
      fd = openSync(folder, 'r');
      fsyncSync(fd);
    } catch (error) {
      // Some file systems cannot fsync a folder (EINVAL, EISDIR, EPERM); the files themselves are synced.
      if (!['EINVAL', 'EISDIR', 'EPERM', 'EBADF'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}
