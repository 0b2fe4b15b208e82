import { NS_PER_S, type Nanoseconds } from '../../src/engine/index.js';
import { mserTruncation } from '../../src/stats/index.js';
import type { TimeConstant } from './model-definition.js';
import type { Request } from './request.js';
import type { RequestProbe } from './request-probe.js';

/** Batches the run is cut into, by request start time: fine enough to place a transient, coarse enough for stable means. */
const BATCHES = 200;

/** A transient that ends this many standard errors away from the measured mean is worth a warning. */
const BIAS_STANDARD_ERRORS = 3;

/** One series the check watches: a batch mean per batch of start times. */
interface Series {
  readonly sums: Float64Array;
  readonly counts: Float64Array;
}

/**
 * Is the measured window past the start-up transient? Models start empty (no pooled
 * connections, no conntrack entries, no cached answers), so early requests are not typical.
 * This collector keeps batch means of the run's own series — the share of requests that dial,
 * and the latency — over the whole run, warm-up included, and applies MSER-5 (White 1997) to
 * find where the transient ends. If that is after the warm-up, and cutting there moves the
 * measured mean by more than its noise, it warns with a warm-up that would have been enough.
 * If the run is too short for MSER to find the end, it falls back to the slowest time
 * constant the models declare (an idle timeout, a TTL, a sync period), and warns when the
 * warm-up is shorter than that.
 */
export class WarmupCheck implements RequestProbe {
  private readonly batch: Nanoseconds;
  private readonly dialled: Series = newSeries();
  private readonly latency: Series = newSeries();

  constructor(
    private readonly warmup: Nanoseconds,
    duration: Nanoseconds,
  ) {
    this.batch = (warmup + duration) / BATCHES;
  }

  completed(request: Request, latency: Nanoseconds): void {
    const index = this.batchOf(request);
    if (index < 0) return;
    add(this.dialled, index, request.dialled ? 1 : 0);
    add(this.latency, index, latency);
  }

  failed(request: Request): void {
    const index = this.batchOf(request);
    if (index >= 0) add(this.dialled, index, request.dialled ? 1 : 0);
  }

  /**
   * The warning for this run, if its warm-up was too short (empty otherwise). Its wording does
   * not depend on the replication's draws, so a point's replications say it once.
   */
  warnings(timeConstants: readonly TimeConstant[]): string[] {
    const findings = [this.dialled, this.latency].map((series) => this.transientOf(series));
    const late = findings.filter((finding): finding is LateTransient => typeof finding === 'object');
    const bound = slowest(timeConstants);
    const tooShort = findings.includes('too short') && bound !== undefined && this.warmup < bound.duration;
    if (late.length === 0 && !tooShort) return [];
    const endsAt = Math.max(0, ...late.map((finding) => finding.endsAt));
    const slowestText = bound === undefined ? '' : `; the models' slowest time constant is ${bound.parameter}, ${seconds(bound.duration)} s`;
    return [
      `Warm-up ${seconds(this.warmup)} s is too short for steady state: the start-up transient outlasts it ` +
        `(MSER-5 on the run's own new_connection_ratio and latency${slowestText}), so the measured figures are biased: ` +
        `use warmup: ${suggestion(Math.max(endsAt, bound?.duration ?? 0))} or more.`,
    ];
  }

  private batchOf(request: Request): number {
    const index = Math.floor(request.startedAt / this.batch);
    return index < BATCHES ? index : -1;
  }

  /** Where the series' transient ends, if after the warm-up and large enough to matter. */
  private transientOf(series: Series): LateTransient | 'too short' | 'settled' {
    const means: number[] = [];
    const starts: number[] = [];
    for (let i = 0; i < BATCHES; i++) {
      if (series.counts[i] === 0) continue;
      means.push(series.sums[i] / series.counts[i]);
      starts.push(i * this.batch);
    }
    const { discard, atLimit } = mserTruncation(means);
    if (atLimit) return 'too short';
    const endsAt = starts[discard] ?? 0;
    if (endsAt <= this.warmup) return 'settled';
    return this.biased(means, starts, discard) ? { endsAt } : 'settled';
  }

  /** Whether the measured batches before the cut differ from those after it by more than their noise. */
  private biased(means: readonly number[], starts: readonly number[], discard: number): boolean {
    const before = means.filter((_, i) => i < discard && starts[i] >= this.warmup);
    const after = means.slice(discard);
    if (before.length === 0 || after.length < 2) return false;
    const afterMean = mean(after);
    const spread = Math.sqrt(after.reduce((sum, y) => sum + (y - afterMean) ** 2, 0) / (after.length - 1));
    const standardError = spread / Math.sqrt(before.length);
    return Math.abs(mean(before) - afterMean) > BIAS_STANDARD_ERRORS * standardError;
  }
}

interface LateTransient {
  readonly endsAt: Nanoseconds;
}

function newSeries(): Series {
  return { sums: new Float64Array(BATCHES), counts: new Float64Array(BATCHES) };
}

function add(series: Series, index: number, value: number): void {
  series.sums[index] += value;
  series.counts[index]++;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, y) => sum + y, 0) / values.length;
}

function slowest(constants: readonly TimeConstant[]): TimeConstant | undefined {
  return constants.reduce<TimeConstant | undefined>((a, b) => (a === undefined || b.duration > a.duration ? b : a), undefined);
}

function seconds(time: Nanoseconds): string {
  return (time / NS_PER_S).toFixed(time < 10 * NS_PER_S ? 1 : 0);
}

/** A warm-up a little longer than `time`, rounded up to 10 s (or 1 s below 10 s), as written in a file. */
function suggestion(time: Nanoseconds): string {
  const withMargin = (time * 1.1) / NS_PER_S;
  const step = withMargin < 10 ? 1 : 10;
  return `${Math.ceil(withMargin / step) * step}s`;
}
