import type { Nanoseconds } from '../../engine/time.js';
import type { RunId } from './experiment-runs.js';
import { estimateSweep, type FinishedRun, type SweepEstimate } from './sweep-eta.js';

interface InHand {
  readonly point: number;
  readonly startedAt: number;
  reported?: { simulated: Nanoseconds; at: number };
  firstReport?: { simulated: Nanoseconds; at: number };
}

/**
 * What a sweep has done so far, fed as runs start, report and finish, with the wall time of
 * each event passed in (seconds from any origin): the state behind the progress display and its
 * ETA (sweep-eta.ts). It reads no clock, so a test can replay recorded timings through it.
 */
export class SweepTracker {
  private readonly finished: FinishedRun[] = [];
  private readonly inHand = new Map<number, InHand>();
  private readonly notStarted: Map<number, RunId>;
  private simulatedFinished = 0;

  constructor(
    runs: readonly RunId[],
    private readonly workers: number,
    private readonly simulatedPerRun: Nanoseconds,
    private readonly prior: ReadonlyMap<number, number> = new Map(),
  ) {
    this.notStarted = new Map(runs.map((run) => [run.index, run]));
  }

  get runsFinished(): number {
    return this.finished.length;
  }

  get runsInHand(): number {
    return this.inHand.size;
  }

  started(run: RunId, at: number): void {
    this.notStarted.delete(run.index);
    this.inHand.set(run.index, { point: run.point, startedAt: at });
  }

  progressed(run: RunId, simulated: Nanoseconds, at: number): void {
    const entry = this.inHand.get(run.index);
    if (entry === undefined) return;
    const report = { simulated, at };
    entry.firstReport ??= report;
    entry.reported = report;
  }

  /** A run ended; `seconds` is its own measure (build + run), else the time since it started. */
  ended(run: RunId, at: number, seconds?: number): void {
    const entry = this.inHand.get(run.index);
    this.notStarted.delete(run.index);
    this.inHand.delete(run.index);
    this.finished.push({ point: run.point, seconds: seconds ?? (entry === undefined ? 0 : at - entry.startedAt) });
    this.simulatedFinished += this.simulatedPerRun;
  }

  /** Simulated time done across all runs, finished and in hand (for a "simulated s per s" rate). */
  simulatedDone(): Nanoseconds {
    let inHand = 0;
    for (const entry of this.inHand.values()) inHand += Math.min(entry.reported?.simulated ?? 0, this.simulatedPerRun);
    return this.simulatedFinished + inHand;
  }

  estimate(at: number): SweepEstimate {
    const inFlight = [...this.inHand.values()].map(({ point, startedAt, reported, firstReport }) => ({
      point,
      elapsedSeconds: Math.max(0, at - startedAt),
      ...(reported === undefined ? {} : { reported: { simulated: reported.simulated, elapsedSeconds: reported.at - startedAt } }),
      ...(firstReport === undefined || firstReport === reported ? {} : { firstReport: { simulated: firstReport.simulated, elapsedSeconds: firstReport.at - startedAt } }),
    }));
    const queued = [...this.notStarted.values()].map((run) => run.point);
    return estimateSweep({ workers: this.workers, simulatedPerRun: this.simulatedPerRun, finished: this.finished, inFlight, queued, prior: this.prior });
  }
}
