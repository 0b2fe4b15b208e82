/**
 * Finished runs that could not be saved: an I/O error (ENOSPC, EACCES, EROFS, EIO) while
 * journaling a run or writing the results. The command line prints the one-line message, which
 * says where the finished runs are kept and to rerun with --resume, and exits 1.
 */
export class SaveFailedError extends Error {
  constructor(
    /** What could not be saved: `the results`, `run 3 (point 1, replication 1) to the journal`. */
    readonly what: string,
    override readonly cause: unknown,
    /** What became of the work, with the --resume hint; one sentence. */
    readonly aftermath = '',
  ) {
    super(`Could not save ${what}: ${ioReason(cause)}${aftermath === '' ? '' : `; ${aftermath}`}`);
    this.name = 'SaveFailedError';
  }

  /** The same failure, saying what became of the work. */
  withAftermath(aftermath: string): SaveFailedError {
    return new SaveFailedError(this.what, this.cause, aftermath);
  }
}

function ioReason(cause: unknown): string {
  const text = cause instanceof Error ? cause.message : String(cause);
  return text.split('\n')[0];
}
