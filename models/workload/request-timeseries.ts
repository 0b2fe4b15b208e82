import type { MetricValues } from '../../src/contract/metric-spec.js';
import type { Nanoseconds } from '../../src/engine/index.js';
import type { MetricEntry } from '../core/model-definition.js';
import { quantileMs } from '../core/quantile-ms.js';
import type { Request } from '../core/request.js';
import type { RequestProbe } from '../core/request-probe.js';
import type { TimeBuckets } from '../core/time-buckets.js';

const BY_START = 'requests that start in the bucket, followed until they finish';

/** The workload's time-series columns (docs/design.md, Output files). */
export const WORKLOAD_TIMESERIES: readonly MetricEntry[] = [
  { name: 'requests', unit: 'count', doc: 'Requests started.', window: BY_START },
  { name: 'request_errors', unit: 'count', doc: 'Requests that failed, for any reason.', window: BY_START },
  { name: 'request_latency_p50_ms', unit: 'ms', doc: 'Median latency of the requests that completed; empty with none.', window: BY_START },
  { name: 'request_latency_p99_ms', unit: 'ms', doc: '99th percentile latency of the requests that completed; empty with none.', window: BY_START },
];

/** Requests bucketed by start time: counts, errors and latency per bucket. */
export class RequestTimeseries implements RequestProbe {
  private readonly started: Float64Array;
  private readonly failedCounts: Float64Array;
  private readonly latencies;

  constructor(private readonly buckets: TimeBuckets) {
    this.started = buckets.counters();
    this.failedCounts = buckets.counters();
    this.latencies = buckets.sketches();
  }

  completed(request: Request, latency: Nanoseconds): void {
    const bucket = this.buckets.of(request.startedAt);
    if (bucket < 0) return;
    this.started[bucket]++;
    this.latencies.add(bucket, latency);
  }

  failed(request: Request): void {
    const bucket = this.buckets.of(request.startedAt);
    if (bucket < 0) return;
    this.started[bucket]++;
    this.failedCounts[bucket]++;
  }

  rows(): MetricValues[] {
    return Array.from({ length: this.buckets.count }, (_, bucket) => {
      const sketch = this.latencies.at(bucket);
      return {
        requests: this.started[bucket],
        request_errors: this.failedCounts[bucket],
        request_latency_p50_ms: quantileMs(sketch, 0.5),
        request_latency_p99_ms: quantileMs(sketch, 0.99),
      };
    });
  }
}
