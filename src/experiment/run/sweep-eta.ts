import { Heap } from 'heap-js';
import type { Nanoseconds } from '../../engine/time.js';

/** A run that has finished: its point and the wall seconds it took (build and run). */
export interface FinishedRun {
  readonly point: number;
  readonly seconds: number;
}

/** A run in hand: its point, wall seconds since it started, and its last report, if any. */
export interface RunInFlight {
  readonly point: number;
  readonly elapsedSeconds: number;
  /** Simulated time done at its last report, and the run's elapsed seconds then. */
  readonly reported?: RunReport;
  /**
   * Its first report, when it has made more than one: its pace is taken between the two, past
   * the build and the first half second, when a fresh worker is still compiling the model's code.
   */
  readonly firstReport?: RunReport;
}

export interface RunReport {
  readonly simulated: Nanoseconds;
  readonly elapsedSeconds: number;
}

/** Everything the estimate rests on, at one moment of a sweep. No clock, no files: a value. */
export interface SweepSnapshot {
  readonly workers: number;
  /** Warmup + duration: where a run's simulated clock is when it is (nearly) done. */
  readonly simulatedPerRun: Nanoseconds;
  readonly finished: readonly FinishedRun[];
  readonly inFlight: readonly RunInFlight[];
  /** The points of the runs not handed out yet, in the order the pool will hand them out. */
  readonly queued: readonly number[];
  /**
   * Wall seconds of one run of each point as an earlier run of the experiment measured them
   * (its meta), on whatever machine and load: relative weights, scaled by the speed observed now.
   */
  readonly prior: ReadonlyMap<number, number>;
}

export interface SweepEstimate {
  /** Worker-seconds of work done: finished runs, and the time spent so far on runs in hand. */
  readonly doneWork: number;
  /** Worker-seconds of work left; undefined while nothing is known about any run's cost. */
  readonly remainingWork: number | undefined;
  /** Wall seconds until the last run ends, the runs left spread over the workers as the pool does. */
  readonly etaSeconds: number | undefined;
  /** Work done ÷ all the work, 0 to 1, partial runs counted; undefined with the remaining work. */
  readonly fraction: number | undefined;
}

/**
 * The time left in a sweep (docs/design.md, Contracts, progress). Runs differ a lot in cost
 * from point to point (10 or 10,000 Services, iptables or eBPF) and go out in point order, so
 * "time so far ÷ runs done" is biased; instead each run left is weighted by its own point's cost:
 *
 * 1. a point an earlier run measured costs that (`prior`) times the speed now: the wall time
 *    of the last few finished runs and of the runs in hand (pro rata of their simulated time)
 *    over what the prior said it would be, so a slower machine or a busier one scales every
 *    point alike, and a load that comes and goes is followed;
 * 2. else a point with finished runs costs what they took (the mean);
 * 3. else the mean of the prior's points times the speed now, or with no prior, the mean cost
 *    of the points seen so far (runs in hand projected from their simulated-time pace).
 *
 * A run in hand has done a fraction f of its simulated time; what is left of it blends its
 * own pace ((1 − f) × the wall time a whole run takes at the pace between its first and last
 * reports, past its build and a fresh worker's compiling; exact at the end) with (1 − f) of its
 * point's cost, by f.
 * The runs left then go, in order, to whichever worker frees first (as the pool hands them
 * out), and the ETA is when the last worker ends.
 */
export function estimateSweep(snapshot: SweepSnapshot): SweepEstimate {
  const costs = new PointCosts(snapshot);
  const doneWork = sum(snapshot.finished.map((run) => run.seconds)) + sum(snapshot.inFlight.map((run) => run.elapsedSeconds));
  const inHand = snapshot.inFlight.map((run) => costs.remainingOf(run));
  const queued = snapshot.queued.map((point) => costs.of(point));
  if (inHand.some((left) => left === undefined) || queued.some((cost) => cost === undefined)) {
    return { doneWork, remainingWork: undefined, etaSeconds: undefined, fraction: undefined };
  }
  const remainingWork = sum(inHand as number[]) + sum(queued as number[]);
  const etaSeconds = listScheduleEnd(inHand as number[], queued as number[], snapshot.workers);
  const all = doneWork + remainingWork;
  return { doneWork, remainingWork, etaSeconds, fraction: all > 0 ? doneWork / all : 1 };
}

/**
 * When the last of `queued` ends if workers are busy for `inHand` seconds (one each) and the
 * others are idle, and each queued run in turn goes to the worker that frees first.
 */
export function listScheduleEnd(inHand: readonly number[], queued: readonly number[], workers: number): number {
  // A heap of the times the workers free: a million runs on 64 workers stay cheap.
  const freeAt = new Heap<number>((a, b) => a - b);
  freeAt.init(Array.from({ length: Math.max(1, workers, inHand.length) }, (_, i) => inHand[i] ?? 0));
  let end = 0;
  for (const cost of queued) {
    const finish = freeAt.pop()! + cost;
    end = Math.max(end, finish);
    freeAt.push(finish);
  }
  return Math.max(end, ...inHand);
}

/** The speed now is judged on this many of the last runs finished (per worker, and at least). */
const RECENT_RUNS_PER_WORKER = 2;
const RECENT_RUNS_MIN = 4;

/** What one run of each point costs, in wall seconds on this machine now (rules 1–3 above). */
class PointCosts {
  private readonly finishedMean = new Map<number, number>();
  private readonly speed: number;
  private readonly meanSeen: number | undefined;
  private readonly priorMean: number | undefined;

  constructor(private readonly snapshot: SweepSnapshot) {
    this.priorMean = snapshot.prior.size === 0 ? undefined : mean([...snapshot.prior.values()]);
    const byPoint = groupBy(snapshot.finished, (run) => run.point, (run) => run.seconds);
    for (const [point, seconds] of byPoint) this.finishedMean.set(point, mean(seconds));
    this.speed = this.observedSpeed();
    this.meanSeen = this.meanOfPointsSeen();
  }

  /** A run of this point that has not started; undefined when nothing is known yet. */
  of(point: number): number | undefined {
    const prior = this.snapshot.prior.get(point);
    if (prior !== undefined) return prior * this.speed;
    const finished = this.finishedMean.get(point);
    if (finished !== undefined) return finished;
    if (this.priorMean !== undefined) return this.priorMean * this.speed;
    return this.meanSeen;
  }

  /** What is left of a run in hand. */
  remainingOf(run: RunInFlight): number | undefined {
    const cost = this.of(run.point);
    const pace = paceOf(run, this.snapshot.simulatedPerRun);
    if (pace === undefined) return cost === undefined ? undefined : Math.max(0, cost - run.elapsedSeconds);
    const { done, secondsPerRun } = pace;
    const byPace = (1 - done) * secondsPerRun;
    return cost === undefined ? byPace : done * byPace + (1 - done) * (1 - done) * cost;
  }

  /**
   * Wall time observed ÷ wall time the prior predicted, over the runs in hand and the last few
   * finished (of points the prior knows): the speed now, as the machine's load changes and the
   * first runs' JIT warm-up passes; 1 with nothing to go on.
   */
  private observedSpeed(): number {
    let observed = 0;
    let predicted = 0;
    const recent = this.snapshot.finished.slice(-Math.max(RECENT_RUNS_MIN, RECENT_RUNS_PER_WORKER * this.snapshot.workers));
    for (const run of recent) {
      const prior = this.snapshot.prior.get(run.point);
      if (prior === undefined) continue;
      observed += run.seconds;
      predicted += prior;
    }
    for (const run of this.snapshot.inFlight) {
      const prior = this.snapshot.prior.get(run.point);
      const pace = paceOf(run, this.snapshot.simulatedPerRun);
      if (prior === undefined || pace === undefined) continue;
      observed += pace.seconds;
      predicted += prior * pace.share;
    }
    return predicted > 0 ? observed / predicted : 1;
  }

  /** Mean over the points seen of their cost: finished runs, else runs in hand projected by pace. */
  private meanOfPointsSeen(): number | undefined {
    const perPoint = new Map(this.finishedMean);
    for (const run of this.snapshot.inFlight) {
      const pace = paceOf(run, this.snapshot.simulatedPerRun);
      if (!perPoint.has(run.point) && pace !== undefined) perPoint.set(run.point, pace.secondsPerRun);
    }
    return perPoint.size === 0 ? undefined : mean([...perPoint.values()]);
  }
}

/** How a run in hand is going, from its reports. */
interface Pace {
  /** The share of its simulated time done by now (its last report carried forward at its pace), at most 1. */
  readonly done: number;
  /** Wall seconds a whole run's simulated time takes at its pace. */
  readonly secondsPerRun: number;
  /** The stretch the pace was measured over: wall seconds, and the share of the run they did. */
  readonly seconds: number;
  readonly share: number;
}

/**
 * Its pace between its first and last reports when it has two, else from its start to its one
 * report (which counts the build and the first compiling half second); undefined before any.
 */
function paceOf(run: RunInFlight, simulatedPerRun: Nanoseconds): Pace | undefined {
  const { reported, firstReport } = run;
  if (reported === undefined || reported.simulated <= 0 || simulatedPerRun <= 0 || reported.elapsedSeconds <= 0) return undefined;
  const shareAt = (report: RunReport): number => Math.min(1, report.simulated / simulatedPerRun);
  const last = shareAt(reported);
  const from = firstReport !== undefined && reported.simulated > firstReport.simulated ? firstReport : { simulated: 0, elapsedSeconds: 0 };
  const seconds = reported.elapsedSeconds - from.elapsedSeconds;
  const share = last - shareAt(from);
  if (!(seconds > 0) || !(share > 0)) return undefined;
  const secondsPerRun = seconds / share;
  const done = Math.min(1, last + Math.max(0, run.elapsedSeconds - reported.elapsedSeconds) / secondsPerRun);
  return { done, secondsPerRun, seconds, share };
}

function groupBy<T>(items: readonly T[], key: (item: T) => number, value: (item: T) => number): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group === undefined) groups.set(key(item), [value(item)]);
    else group.push(value(item));
  }
  return groups;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function mean(values: readonly number[]): number {
  return sum(values) / values.length;
}
