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

const BAR_WIDTH = 30;
const BAR_REDRAW_MS = 100;
const DEFAULT_LINE_INTERVAL_MS = 5_000;
const CLEAR_LINE = '\r\u001b[2K';

/** Runs done out of total, elapsed time and ETA, on stderr (docs/design.md, Contracts). */
export class ProgressReporter {
  private readonly started: number;
  private lastShown = -Infinity;
  private done = 0;
  private barVisible = false;

  constructor(
    private readonly output: TextOutput,
    private readonly total: number,
    private readonly options: ProgressOptions,
  ) {
    this.started = options.clock();
  }

  update(done: number): void {
    this.done = done;
    if (!this.options.enabled) return;
    const now = this.options.clock();
    const interval = this.options.terminal ? BAR_REDRAW_MS : (this.options.lineIntervalMs ?? DEFAULT_LINE_INTERVAL_MS);
    if (now - this.lastShown < interval && done < this.total) return;
    this.lastShown = now;
    this.show(now);
  }

  /** Prints a whole line (a warning) without tearing the bar; shown even when progress is off. */
  message(line: string): void {
    if (this.barVisible) this.output.write(CLEAR_LINE);
    this.output.write(`${line}\n`);
    if (this.barVisible) this.output.write(this.bar(this.options.clock()));
  }

  /** Ends the bar's line so later output starts on a fresh one. */
  finish(): void {
    if (this.barVisible) this.output.write('\n');
    this.barVisible = false;
  }

  private show(now: number): void {
    if (this.options.terminal) {
      this.output.write(this.bar(now));
      this.barVisible = true;
    } else {
      this.output.write(`progress: ${this.counts()}, ${this.times(now)}\n`);
    }
  }

  private bar(now: number): string {
    const filled = this.total === 0 ? BAR_WIDTH : Math.round((this.done / this.total) * BAR_WIDTH);
    return `${CLEAR_LINE}[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${this.counts()}  ${this.times(now)}`;
  }

  private counts(): string {
    const percent = this.total === 0 ? 100 : Math.floor((this.done / this.total) * 100);
    return `${this.done}/${this.total} runs (${percent}%)`;
  }

  private times(now: number): string {
    const elapsed = now - this.started;
    if (this.done >= this.total) return `${formatClock(elapsed)} elapsed`;
    const eta = this.done === 0 ? '?' : formatClock((elapsed / this.done) * (this.total - this.done));
    return `${formatClock(elapsed)} elapsed, ETA ${eta}`;
  }
}

/** `0:07`, `12:30`, `1:02:03` from milliseconds. */
export function formatClock(milliseconds: number): string {
  const total = Math.max(0, Math.round(milliseconds / 1000));
  const [hours, minutes, seconds] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const two = (n: number): string => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}
