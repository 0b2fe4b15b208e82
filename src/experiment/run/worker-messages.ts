import type { Nanoseconds } from '../../engine/time.js';
import type { RunId, RunRecord } from './experiment-runs.js';
import type { ModelSource } from './model-source.js';
import type { RunPlan } from './run-plan.js';

/** What a worker thread starts with (its `workerData`). */
export interface WorkerSetup {
  /** Seed, windows, the `--timeseries` width if any, and every point's values. */
  readonly plan: RunPlan;
  readonly source: ModelSource;
  /** The worker's number, from 0, recorded with every run it does. */
  readonly worker: number;
}

/** Main thread → worker: do this run. */
export interface RunRequest {
  readonly kind: 'run';
  readonly run: RunId;
}

/**
 * What kind of error a run threw: `input` for an InputError (a parameter clash the model finds
 * while building: bad input, exit 2), `error` for anything else (a bug in a model, exit 1).
 */
export type RunErrorKind = 'input' | 'error';

/**
 * Worker → main thread: a run begins (the worker may have spent a while starting up since it
 * was handed the run), how far the run in hand has got (simulated time done; at most every
 * RUN_PROGRESS_INTERVAL_MS), a finished run, or the error a run threw (errors do not clone well, and
 * a clone would lose its class, so its kind travels beside its message and stack).
 */
export type WorkerReply =
  | { readonly kind: 'began'; readonly run: RunId }
  | { readonly kind: 'progress'; readonly run: RunId; readonly simulated: Nanoseconds }
  | { readonly kind: 'done'; readonly record: RunRecord }
  | { readonly kind: 'failed'; readonly run: RunId; readonly errorKind: RunErrorKind; readonly message: string; readonly stack: string | undefined };
