import type { Worker } from 'node:worker_threads';
import type { Nanoseconds } from '../../engine/time.js';
import type { RunId, RunRecord } from './experiment-runs.js';
import type { ModelSource } from './model-source.js';
import { RunFailedError } from './run-failed-error.js';
import type { RunPlan } from './run-plan.js';
import { startRunWorker } from './start-worker.js';
import { InputError } from '../../input-error.js';
import type { RunRequest, WorkerReply } from './worker-messages.js';

export interface PoolOptions {
  readonly workers: number;
  /** Called on the main thread as each run comes back (to journal it, show progress). */
  readonly onRecord: (record: RunRecord) => void;
  /** Called as a worker begins a run (once it has started up, the first time). */
  readonly onRunStart?: (run: RunId) => void;
  /** Called as a worker reports how much simulated time its run has done. */
  readonly onRunProgress?: (run: RunId, simulated: Nanoseconds) => void;
}

/**
 * Runs `runs` on `workers` threads. Worker i is handed run i first (round-robin, so even a
 * sweep of two runs uses two threads); after that each worker gets the next run as soon as it
 * returns one, so a slow run never holds up the others. Records come back in finishing order.
 * The first failure (a run that throws, a worker that crashes or exits) stops every worker
 * and rejects with RunFailedError naming the run; runs already returned were passed to onRecord.
 * An InputError a run threw stays an InputError (its cause), as it is in-process: exit 2.
 */
export function runInWorkers(plan: RunPlan, source: ModelSource, runs: readonly RunId[], options: PoolOptions): Promise<RunRecord[]> {
  return new WorkerPool(plan, source, runs, options).run();
}

class WorkerPool {
  private readonly queue: RunId[];
  private readonly records: RunRecord[] = [];
  /** The run each worker is doing; a worker that is not in here is idle. */
  private readonly running = new Map<Worker, RunId>();
  private readonly workers: Worker[] = [];
  private settled = false;
  private resolve!: (records: RunRecord[]) => void;
  private reject!: (error: unknown) => void;

  constructor(
    private readonly plan: RunPlan,
    private readonly source: ModelSource,
    runs: readonly RunId[],
    private readonly options: PoolOptions,
  ) {
    this.queue = [...runs];
  }

  run(): Promise<RunRecord[]> {
    const promise = new Promise<RunRecord[]>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    for (let number = 0; number < this.options.workers; number++) this.startWorker(number);
    return promise;
  }

  private startWorker(number: number): void {
    const worker = startRunWorker({ plan: this.plan, source: this.source, worker: number });
    this.workers.push(worker);
    worker.on('message', (reply: WorkerReply) => this.onReply(worker, reply));
    worker.on('error', (error) => this.fail(this.crash(worker, number, `crashed: ${error.message}`, error)));
    worker.on('exit', (code) => this.fail(this.crash(worker, number, `exited with code ${code}`)));
    this.handOut(worker);
  }

  private onReply(worker: Worker, reply: WorkerReply): void {
    if (this.settled) return;
    if (reply.kind === 'began') {
      this.options.onRunStart?.(reply.run);
      return;
    }
    if (reply.kind === 'progress') {
      this.options.onRunProgress?.(reply.run, reply.simulated);
      return;
    }
    if (reply.kind === 'failed') {
      this.fail(new RunFailedError(reply.run, rebuiltError(reply)));
      return;
    }
    this.running.delete(worker);
    this.records.push(reply.record);
    try {
      this.options.onRecord(reply.record);
    } catch (error) {
      this.fail(error);
      return;
    }
    this.handOut(worker);
  }

  /** Gives the worker the next run; with none left and no worker busy, the sweep is done. */
  private handOut(worker: Worker): void {
    const run = this.queue.shift();
    if (run !== undefined) {
      this.running.set(worker, run);
      worker.postMessage({ kind: 'run', run } satisfies RunRequest);
    } else if (this.running.size === 0) {
      this.settle(() => this.resolve(this.records));
    }
  }

  /** A worker that dies is named with the run it was doing; one that dies idle has no run. */
  private crash(worker: Worker, number: number, what: string, error?: Error): Error {
    const run = this.running.get(worker);
    const cause = Object.assign(new Error(`worker ${number} ${what}`), { stack: error?.stack ?? `worker ${number} ${what}` });
    return run === undefined ? new Error(`Worker ${number} ${what} between runs`) : new RunFailedError(run, cause);
  }

  private fail(error: unknown): void {
    this.settle(() => this.reject(error));
  }

  /** Ends every thread before settling, so none outlives the sweep; later events are ignored. */
  private settle(finish: () => void): void {
    if (this.settled) return;
    this.settled = true;
    void Promise.all(this.workers.map((worker) => worker.terminate())).then(finish, finish);
  }
}

/** The error a worker's run threw, as the class it was thrown as (InputError or Error), with the worker's stack. */
function rebuiltError(reply: Extract<WorkerReply, { kind: 'failed' }>): Error {
  const error = reply.errorKind === 'input' ? new InputError(reply.message) : new Error(reply.message);
  return Object.assign(error, { stack: reply.stack ?? reply.message });
}
