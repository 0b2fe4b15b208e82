/**
 * Why a file could not be written, in words a user can act on, for the "Cannot write …" errors
 * of the output set, the report's charts and import-cluster's output (one wording for all three).
 */
export function writeFailureReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  // mkdir -p says EEXIST when a folder on the way is a file.
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a part of the path is a file, not a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOSPC') return 'no space left on the device';
  return error instanceof Error ? error.message : String(error);
}
