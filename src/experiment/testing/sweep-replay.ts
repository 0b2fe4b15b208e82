import { readFileSync } from 'node:fs';
import { parseDuration, type Nanoseconds } from '../../engine/time.js';
import type { RunId } from '../run/experiment-runs.js';
import { RUN_PROGRESS_INTERVAL_MS } from '../run/progress-throttle.js';
import { SweepTracker } from '../run/sweep-tracker.js';

/** One run as a meta recorded it. */
export interface RecordedRun {
  readonly run: RunId;
  readonly buildSeconds: number;
  readonly runSeconds: number;
}

export interface RecordedSweep {
  readonly runs: readonly RecordedRun[];
  readonly workers: number;
  readonly simulatedPerRun: Nanoseconds;
}

/** The runs of a meta (results/<name>.meta.json) in run order, with the workers it ran on. */
export function readRecordedSweep(metaPath: string): RecordedSweep {
  const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
  const runs = (meta.wallTime.perRun as Array<{ run: number; point: number; replication: number; buildSeconds: number; runSeconds: number }>)
    .map((entry) => ({ run: { index: entry.run, point: entry.point, replication: entry.replication }, buildSeconds: entry.buildSeconds, runSeconds: entry.runSeconds }))
    .sort((a, b) => a.run.index - b.run.index);
  return { runs, workers: meta.workers, simulatedPerRun: parseDuration(meta.resolved.warmup) + parseDuration(meta.resolved.duration) };
}

/** The ETA the tracker gave at one moment, and the time that was really left. */
export interface EtaCheck {
  readonly at: number;
  readonly eta: number | undefined;
  readonly actualRemaining: number;
  /** eta ÷ actual − 1: +0.3 is an ETA 30 % too long. */
  readonly error: number | undefined;
}

/**
 * Replays a recorded sweep through a SweepTracker as the pool would run it on `workers`
 * workers (runs handed out in order, each to the first worker free; every run reports its
 * simulated time every RUN_PROGRESS_INTERVAL_MS of its run phase, at an even pace) and asks for
 * the ETA at each of `checkpoints` (shares of the sweep's wall time).
 */
export function replaySweep(sweep: RecordedSweep, workers: number, checkpoints: readonly number[], prior?: ReadonlyMap<number, number>): EtaCheck[] {
  const schedule = scheduleRuns(sweep, workers);
  const end = Math.max(...schedule.map((entry) => entry.end));
  const tracker = new SweepTracker(sweep.runs.map((entry) => entry.run), workers, sweep.simulatedPerRun, prior);
  const events = schedule.flatMap((entry) => runEvents(entry, sweep.simulatedPerRun)).sort((a, b) => a.at - b.at || a.order - b.order);
  const checks: EtaCheck[] = [];
  let next = 0;
  for (const share of [...checkpoints].sort((a, b) => a - b)) {
    const at = share * end;
    for (; next < events.length && events[next].at <= at; next++) events[next].apply(tracker);
    const eta = tracker.estimate(at).etaSeconds;
    const actualRemaining = end - at;
    checks.push({ at, eta, actualRemaining, error: eta === undefined ? undefined : eta / actualRemaining - 1 });
  }
  return checks;
}

interface Scheduled {
  readonly recorded: RecordedRun;
  readonly start: number;
  readonly end: number;
}

/** Each run in order to the worker that frees first, as worker-pool.ts hands them out. */
function scheduleRuns(sweep: RecordedSweep, workers: number): Scheduled[] {
  const freeAt = new Array<number>(workers).fill(0);
  return sweep.runs.map((recorded) => {
    const worker = freeAt.indexOf(Math.min(...freeAt));
    const start = freeAt[worker];
    const end = start + recorded.buildSeconds + recorded.runSeconds;
    freeAt[worker] = end;
    return { recorded, start, end };
  });
}

interface ReplayEvent {
  readonly at: number;
  /** Ends before starts at the same moment, as a worker frees before it takes the next run. */
  readonly order: number;
  readonly apply: (tracker: SweepTracker) => void;
}

function runEvents({ recorded, start, end }: Scheduled, simulatedPerRun: Nanoseconds): ReplayEvent[] {
  const { run, buildSeconds, runSeconds } = recorded;
  const events: ReplayEvent[] = [{ at: start, order: 1, apply: (tracker) => tracker.started(run, start) }];
  const interval = RUN_PROGRESS_INTERVAL_MS / 1000;
  for (let at = start + interval; at < end; at += interval) {
    const simulated = Math.max(0, ((at - start - buildSeconds) / runSeconds) * simulatedPerRun);
    if (simulated > 0) events.push({ at, order: 2, apply: (tracker) => tracker.progressed(run, simulated, at) });
  }
  events.push({ at: end, order: 0, apply: (tracker) => tracker.ended(run, end, buildSeconds + runSeconds) });
  return events;
}
