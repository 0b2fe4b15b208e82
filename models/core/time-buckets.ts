import type { Nanoseconds } from '../../src/engine/index.js';
import type { RunSettings } from '../../src/contract/scenario-model.js';
import { QuantileSketch } from '../../src/stats/index.js';

/**
 * The measured window cut into time-series buckets (`run --timeseries`): bucket b covers
 * [warmup + b × width, warmup + (b + 1) × width), the last one cut at the window's end.
 * Without a bucket width there are no buckets and every time is outside.
 */
export class TimeBuckets {
  readonly count: number;
  private readonly start: Nanoseconds;
  private readonly width: Nanoseconds;

  constructor(settings: RunSettings) {
    this.width = settings.timeseriesBucket ?? 0;
    this.start = settings.warmup;
    this.count = this.width > 0 ? Math.ceil(settings.duration / this.width) : 0;
  }

  /** Whether a time series was asked for. */
  get enabled(): boolean {
    return this.count > 0;
  }

  /** The bucket holding `time`, or -1 outside the window (or with no time series). */
  of(time: Nanoseconds): number {
    if (this.count === 0 || time < this.start) return -1;
    const bucket = Math.floor((time - this.start) / this.width);
    return bucket < this.count ? bucket : -1;
  }

  /** One counter per bucket. */
  counters(): Float64Array {
    return new Float64Array(this.count);
  }

  /** One sketch per bucket, made when first written. */
  sketches(): BucketSketches {
    return new BucketSketches(this.count);
  }
}

/** A QuantileSketch per bucket, allocated only for buckets that get samples. */
export class BucketSketches {
  private readonly sketches: Array<QuantileSketch | undefined>;

  constructor(count: number) {
    this.sketches = new Array(count);
  }

  add(bucket: number, value: number): void {
    if (bucket < 0) return;
    (this.sketches[bucket] ??= new QuantileSketch()).add(value);
  }

  /** Bucket `bucket`'s sketch, or undefined with no samples there. */
  at(bucket: number): QuantileSketch | undefined {
    return this.sketches[bucket];
  }
}
