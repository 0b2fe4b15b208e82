import { describeRun, type RunId } from './experiment-runs.js';

/** A run that threw, or whose worker died; the command line prints which run and exits 1. */
export class RunFailedError extends Error {
  constructor(
    readonly run: RunId,
    override readonly cause: unknown,
    /** What became of the work: printed after the error line. */
    readonly aftermath = 'No result files were written.',
  ) {
    super(`Run failed: ${describeRun(run)}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'RunFailedError';
  }
}
