import type { Nanoseconds } from '../engine/time.js';

/**
 * The time average of a piecewise-constant quantity (busy servers, queue length, open
 * connections) over simulated time: ∫ value dt / (now − start), the value holding from each
 * `set` to the next. `reset(now)` starts the measurement window at the end of warmup while the
 * quantity keeps its current level, since a queue does not empty because measuring began.
 */
export class TimeWeightedAverage {
  private start: Nanoseconds;
  private lastChange: Nanoseconds;
  private level: number;
  /** ∫ value dt from `start` to `lastChange`, in value × nanoseconds. */
  private area = 0;

  constructor(start: Nanoseconds, initialValue = 0) {
    this.start = start;
    this.lastChange = start;
    this.level = initialValue;
  }

  /** The value now in force. */
  get value(): number {
    return this.level;
  }

  /** The quantity becomes `value` at time `now` (not before the last change). */
  set(now: Nanoseconds, value: number): void {
    this.area += this.level * this.elapsedSinceChange(now);
    this.lastChange = now;
    this.level = value;
  }

  /** Mean over [start, now]; undefined over an empty window, where there is nothing to average. */
  mean(now: Nanoseconds): number | undefined {
    const total = this.area + this.level * this.elapsedSinceChange(now);
    return now === this.start ? undefined : total / (now - this.start);
  }

  /** Forgets the past and measures from `now`, keeping the current value. */
  reset(now: Nanoseconds): void {
    this.elapsedSinceChange(now);
    this.start = now;
    this.lastChange = now;
    this.area = 0;
  }

  private elapsedSinceChange(now: Nanoseconds): Nanoseconds {
    const elapsed = now - this.lastChange;
    if (!(elapsed >= 0)) {
      throw new RangeError(`Expected a time >= ${this.lastChange} ns (the last change), got \`${now}\``);
    }
    return elapsed;
  }
}
