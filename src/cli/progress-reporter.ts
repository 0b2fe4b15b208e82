/** Where progress goes: stderr, or a fake in tests. */
export interface TextOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface ProgressOptions {
  /** False with --quiet: no bar, no lines (messages such as warnings still print). */
  readonly enabled: boolean;
  /** A redrawn bar on a terminal; otherwise a line every `lineIntervalMs` (a Job log). */
  readonly terminal: boolean;
  /** Wall clock in milliseconds. */
  readonly clock: () => number;
  readonly lineIntervalMs?: number;
}

/** How far a sweep is, as the reporter shows it (RunProgress fills it in from a SweepTracker). */
export interface ProgressStatus {
  readonly runsDone: number;
  readonly runsTotal: number;
  /** Runs started and not finished. */
  readonly runsInHand: number;
  /** Work done ÷ all the work, partial runs counted (0 to 1); undefined until it can be told. */
  readonly fraction: number | undefined;
  /** Wall seconds left; undefined until it can be told. */
  readonly etaSeconds: number | undefined;
  /** Simulated seconds done, all runs together. */
  readonly simulatedSeconds: number;
}

const BAR_WIDTH = 20;
const BAR_REDRAW_MS = 100;
const DEFAULT_LINE_INTERVAL_MS = 5_000;
const CLEAR_LINE = '\r\u001b[2K';

/**
 * Progress on stderr (docs/design.md, Contracts): a bar redrawn on a terminal, else a line
 * every few seconds; the share of the work done, partial runs counted, the rate and the ETA.
 * It asks for the status only when it shows it, so a costly estimate is not made per event.
 */
export class ProgressReporter {
  private readonly started: number;
  private lastShown: number;
  private barVisible = false;

  constructor(
    private readonly output: TextOutput,
    private readonly status: () => ProgressStatus,
    private readonly options: ProgressOptions,
  ) {
    this.started = options.clock();
    // A bar shows at once; a log's first line waits an interval, so it has something to say.
    this.lastShown = options.terminal ? -Infinity : this.started;
  }

  /** Something moved: shows the status if the last showing is old enough, or the sweep is done. */
  update(done = false): void {
    if (!this.options.enabled) return;
    const now = this.options.clock();
    const interval = this.options.terminal ? BAR_REDRAW_MS : (this.options.lineIntervalMs ?? DEFAULT_LINE_INTERVAL_MS);
    if (now - this.lastShown < interval && !done) return;
    this.lastShown = now;
    this.show(now, this.status());
  }

  /** Prints a whole line (a warning) without tearing the bar; shown even when progress is off. */
  message(line: string): void {
    if (this.barVisible) this.output.write(CLEAR_LINE);
    this.output.write(`${line}\n`);
    if (this.barVisible) this.output.write(this.bar(this.options.clock(), this.status()));
  }

  /** Ends the bar's line so later output starts on a fresh one. */
  finish(): void {
    if (this.barVisible) this.output.write('\n');
    this.barVisible = false;
  }

  private show(now: number, status: ProgressStatus): void {
    if (this.options.terminal) {
      this.output.write(this.bar(now, status));
      this.barVisible = true;
    } else if (status.runsDone >= status.runsTotal) {
      this.output.write(`progress: ${counts(status)}, ${formatClock(now - this.started)} elapsed\n`);
    } else {
      this.output.write(`progress: ${counts(status)}, ${status.runsInHand} running, ${formatClock(now - this.started)} elapsed, ETA ${eta(status)}${this.rates(now, status).map((rate) => `, ${rate}`).join('')}\n`);
    }
  }

  /** `[####................] 23%  5/24 runs  0:12  ETA 0:41  25 runs/min  410 sim s/s` */
  private bar(now: number, status: ProgressStatus): string {
    const filled = Math.round(share(status) * BAR_WIDTH);
    const done = status.runsDone >= status.runsTotal;
    const timing = done ? `${formatClock(now - this.started)} elapsed` : `${formatClock(now - this.started)}  ETA ${eta(status)}`;
    const rates = this.rates(now, status).map((rate) => `  ${rate}`).join('');
    return `${CLEAR_LINE}[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${percent(status)}%  ${status.runsDone}/${status.runsTotal} runs  ${timing}${rates}`;
  }

  /** `25 runs/min` once a run is done, and `410 sim s/s`: simulated seconds per wall second, all workers together. */
  private rates(now: number, status: ProgressStatus): string[] {
    const minutes = (now - this.started) / 60_000;
    if (!(minutes > 0)) return [];
    const runsPerMinute = status.runsDone > 0 ? [`${formatRate(status.runsDone / minutes)} runs/min`] : [];
    const simulatedPerSecond = status.simulatedSeconds > 0 ? [`${formatRate(status.simulatedSeconds / (minutes * 60))} sim s/s`] : [];
    return [...runsPerMinute, ...simulatedPerSecond];
  }
}

/** The share done: of the work when it is known, else of the runs. */
function share(status: ProgressStatus): number {
  if (status.runsTotal === 0 || status.runsDone >= status.runsTotal) return 1;
  return Math.min(1, status.fraction ?? status.runsDone / status.runsTotal);
}

function percent(status: ProgressStatus): number {
  return Math.floor(share(status) * 100);
}

/** `5/24 runs (23%)` */
function counts(status: ProgressStatus): string {
  return `${status.runsDone}/${status.runsTotal} runs (${percent(status)}%)`;
}

function eta(status: ProgressStatus): string {
  return status.etaSeconds === undefined ? '?' : formatClock(status.etaSeconds * 1000);
}

/** Two significant figures below 100, whole numbers above: `0.52`, `25`, `1,840`. */
function formatRate(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : String(Number(value.toPrecision(2)));
}

/** `0:07`, `12:30`, `1:02:03` from milliseconds. */
export function formatClock(milliseconds: number): string {
  const total = Math.max(0, Math.round(milliseconds / 1000));
  const [hours, minutes, seconds] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const two = (n: number): string => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}
