/**
 * Entry of a worker thread (started by worker-pool.ts): imports the model, then does each run
 * the main thread posts and replies with its record, or with the error it threw and its kind
 * (bad input or not), which the main thread rebuilds. While a run goes it posts, now and then,
 * how much simulated time is done.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../../input-error.js';
import { loadModel } from './model-source.js';
import { runOne } from './run-experiment.js';
import { throttledProgress } from './progress-throttle.js';
import { RunFailedError } from './run-failed-error.js';
import type { RunRequest, WorkerReply, WorkerSetup } from './worker-messages.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;
const model = await loadModel(setup.source);
const clock = (): number => performance.now();

port.on('message', (request: RunRequest) => {
  port.postMessage(doRun(request));
});

function doRun({ run }: RunRequest): WorkerReply {
  port.postMessage({ kind: 'began', run } satisfies WorkerReply);
  try {
    const progress = throttledProgress(clock, (simulated) => port.postMessage({ kind: 'progress', run, simulated } satisfies WorkerReply));
    return { kind: 'done', record: { ...runOne(setup.plan, model, run, clock, progress), worker: setup.worker } };
  } catch (error) {
    const cause = error instanceof RunFailedError ? error.cause : error;
    const message = cause instanceof Error ? cause.message : String(cause);
    const errorKind = cause instanceof InputError ? 'input' : 'error';
    return { kind: 'failed', run, errorKind, message, stack: cause instanceof Error ? cause.stack : undefined };
  }
}
