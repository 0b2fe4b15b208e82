import type { Nanoseconds } from '../engine/time.js';
import {
  describeSelection,
  formatPointWarning,
  PointWarnings,
  SweepTracker,
  type ResolvedExperiment,
  type RunId,
  type RunRecord,
  type RunSelection,
  type SessionStart,
} from '../experiment/index.js';
import { InputError } from '../input-error.js';
import type { CliContext } from './cli-context.js';
import { ProgressReporter, type ProgressStatus } from './progress-reporter.js';

export interface RunProgressOptions {
  readonly selection: RunSelection;
  readonly quiet: boolean;
  readonly resume: boolean;
  readonly clock: () => number;
  /** Each point's wall seconds per run in an earlier run's meta (priorCosts), for the ETA; empty without one. */
  readonly prior?: ReadonlyMap<number, number>;
}

/** The ETA is worked out at most this often; the bar redraws more often than that. */
const ESTIMATE_EVERY_MS = 500;

/**
 * What `eastwest run` shows on stderr while a session runs: a line saying what will run
 * (runs, shard or --only, what the journal had, workers), then progress over the runs left —
 * the share of the work done, runs in hand counted by their simulated time, the rate and an
 * ETA (SweepTracker, sweep-eta.ts) — and each point's warnings once (also from runs read from
 * the journal). `--quiet` leaves only the warnings.
 */
export class RunProgress {
  private reporter: ProgressReporter | undefined;
  private tracker: SweepTracker | undefined;
  private runsTotal = 0;
  private lastEstimate: { at: number; fraction: number | undefined; etaSeconds: number | undefined } | undefined;
  private readonly warnings = new PointWarnings();
  /** Read before the session starts, so a bad value stops it before any run. */
  private readonly lineIntervalMs: number | undefined;

  constructor(
    private readonly context: CliContext,
    private readonly experiment: ResolvedExperiment,
    private readonly options: RunProgressOptions,
  ) {
    this.lineIntervalMs = progressLineInterval(context.env);
  }

  start(start: SessionStart): void {
    const { quiet, clock } = this.options;
    if (!quiet) this.context.stderr.write(this.startLine(start));
    const terminal = this.context.stderr.isTTY === true;
    const { warmup, duration } = this.experiment.header;
    this.runsTotal = start.toRun;
    this.tracker = new SweepTracker(start.runsToRun, start.workers, warmup + duration, this.options.prior);
    const lineIntervalMs = this.lineIntervalMs;
    this.reporter = new ProgressReporter(this.context.stderr, () => this.status(), { enabled: !quiet, terminal, clock, lineIntervalMs });
    for (const record of start.fromJournal) this.warn(record);
  }

  runStarted(run: RunId): void {
    this.tracker?.started(run, this.seconds());
    this.reporter?.update();
  }

  runProgressed(run: RunId, simulated: Nanoseconds): void {
    this.tracker?.progressed(run, simulated, this.seconds());
    this.reporter?.update();
  }

  runDone(record: RunRecord, done: number): void {
    this.tracker?.ended(record.run, this.seconds(), record.buildSeconds + record.runSeconds);
    this.lastEstimate = undefined;
    this.warn(record);
    this.reporter?.update(done >= this.runsTotal);
  }

  finish(): void {
    this.reporter?.finish();
  }

  private seconds(): number {
    return this.options.clock() / 1000;
  }

  private status(): ProgressStatus {
    const tracker = this.tracker!;
    const now = this.options.clock();
    if (this.lastEstimate === undefined || now - this.lastEstimate.at >= ESTIMATE_EVERY_MS) {
      const { fraction, etaSeconds } = tracker.estimate(now / 1000);
      this.lastEstimate = { at: now, fraction, etaSeconds };
    }
    const elapsed = (now - this.lastEstimate.at) / 1000;
    return {
      runsDone: tracker.runsFinished,
      runsTotal: this.runsTotal,
      runsInHand: tracker.runsInHand,
      fraction: this.lastEstimate.fraction,
      etaSeconds: this.lastEstimate.etaSeconds === undefined ? undefined : Math.max(0, this.lastEstimate.etaSeconds - elapsed),
      simulatedSeconds: tracker.simulatedDone() / 1e9,
    };
  }

  private warn(record: RunRecord): void {
    for (const warning of this.warnings.add(record)) {
      const line = formatPointWarning(warning);
      if (this.reporter === undefined) this.context.stderr.write(`${line}\n`);
      else this.reporter.message(line);
    }
  }

  /** `eastwest: sweep: shard 2 of 3: 5 of 14 runs; 2 already in the journal, 3 to run on 2 workers` */
  private startLine({ runs, fromJournal, toRun, workers }: SessionStart): string {
    const { selection, resume } = this.options;
    const scope = selection.kind === 'all' ? `${runs} runs` : `${describeSelection(selection)}: ${runs} of ${this.experiment.runCount} runs`;
    const journal = fromJournal.length > 0 ? `; ${fromJournal.length} already in the journal, ${toRun} to run` : resume ? '; no journal to resume, running all' : '';
    return `eastwest: ${this.experiment.header.name}: ${scope}${journal} on ${workers} worker${workers === 1 ? '' : 's'}\n`;
  }
}

/** EASTWEST_PROGRESS_INTERVAL: seconds between progress lines when stderr is not a terminal (default 5). */
function progressLineInterval(env: CliContext['env']): number | undefined {
  const text = env.EASTWEST_PROGRESS_INTERVAL;
  if (text === undefined || text === '') return undefined;
  const seconds = Number(text);
  if (!(seconds > 0) || !Number.isFinite(seconds)) {
    throw new InputError(`EASTWEST_PROGRESS_INTERVAL: expected seconds between progress lines, a number above 0 (such as 5 or 0.5), found \`${text}\``);
  }
  return seconds * 1000;
}
