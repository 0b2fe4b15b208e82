import type { MetricValues } from '../../src/contract/metric-spec.js';
import type { Connection } from '../core/connection.js';
import type { MetricEntry } from '../core/model-definition.js';
import type { Request } from '../core/request.js';
import type { RequestProbe } from '../core/request-probe.js';
import type { TimeBuckets } from '../core/time-buckets.js';

/** The failure reasons a stale endpoint causes, each with what the client met. */
export const STALE_ENDPOINT_REASONS = {
  connection_refused: 'the endpoint had stopped listening (its preStop was over) but its IP was up: RST, refused in one round trip',
  no_route_to_host: "the endpoint's pod had exited and its IP was gone from the node: no route to host after ≈ 3 s",
  connection_reset: 'the pod exited while the request was in it (an established connection breaks at the pod\'s exit)',
  syn_timeout: "the endpoint's node was down: its SYNs vanished and the client gave up at workload.connectTimeout",
  response_timeout: "the endpoint's node died with the request sent: no response or reset came, and the client gave up at workload.requestTimeout",
} as const;

const MEASURED = 'requests that start in the measured window [warmup, warmup + duration], followed until they finish';

/** The churn model's columns (docs/design.md, Metrics). */
export const CHURN_METRICS: readonly MetricEntry[] = [
  { name: 'stale_endpoint_errors', unit: 'count', doc: 'Requests that failed because their connection went to an endpoint that was no longer there or no longer listening (the sum of failures_connection_refused, failures_no_route_to_host, failures_connection_reset, failures_syn_timeout and failures_response_timeout).', window: MEASURED, headline: true },
  { name: 'new_version_traffic_ratio', unit: 'ratio', doc: "Share of the rolled Service's completed requests that a pod of the new version served; empty without a rollout.", window: MEASURED },
];

const BY_START = 'requests that start in the bucket, followed until they finish';

/** The churn model's time-series columns: the same figures per bucket. */
export const CHURN_TIMESERIES: readonly MetricEntry[] = [
  { name: 'stale_endpoint_errors', unit: 'count', doc: 'Requests that failed on a stale endpoint (as the metric of that name).', window: BY_START },
  { name: 'new_version_traffic_ratio', unit: 'ratio', doc: "Share of the rolled Service's completed requests served by the new version; empty without a rollout or such requests.", window: BY_START },
];

/** Stale-endpoint failures and the rolled Service's requests by version, for the window and per bucket. */
export class ChurnMetrics implements RequestProbe {
  private readonly window = { stale: 0, rolled: 0, newVersion: 0 };
  private readonly stale: Float64Array;
  private readonly rolled: Float64Array;
  private readonly newVersion: Float64Array;

  constructor(
    /** The Service whose Deployment rolls (-1: none). */
    private readonly rolledService: number,
    private readonly isNewVersion: (pod: number) => boolean,
    private readonly buckets: TimeBuckets,
  ) {
    this.stale = buckets.counters();
    this.rolled = buckets.counters();
    this.newVersion = buckets.counters();
  }

  completed(request: Request): void {
    if (!request.measured || request.service !== this.rolledService) return;
    const isNew = this.isNewVersion((request.connection as Connection).endpointPod) ? 1 : 0;
    this.window.rolled++;
    this.window.newVersion += isNew;
    const bucket = this.buckets.of(request.startedAt);
    if (bucket < 0) return;
    this.rolled[bucket]++;
    this.newVersion[bucket] += isNew;
  }

  failed(request: Request): void {
    if (!request.measured || request.failure === undefined || !(request.failure in STALE_ENDPOINT_REASONS)) return;
    this.window.stale++;
    const bucket = this.buckets.of(request.startedAt);
    if (bucket >= 0) this.stale[bucket]++;
  }

  values(): MetricValues {
    return this.figures(this.window.stale, this.window.rolled, this.window.newVersion);
  }

  rows(): MetricValues[] {
    return Array.from({ length: this.buckets.count }, (_, b) => this.figures(this.stale[b], this.rolled[b], this.newVersion[b]));
  }

  private figures(stale: number, rolled: number, newVersion: number): MetricValues {
    return {
      stale_endpoint_errors: stale,
      new_version_traffic_ratio: this.rolledService >= 0 && rolled > 0 ? newVersion / rolled : undefined,
    };
  }
}
