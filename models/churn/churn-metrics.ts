import type { MetricValues } from '../../src/contract/metric-spec.js';
import type { Connection } from '../core/connection.js';
import type { MetricEntry } from '../core/model-definition.js';
import type { Request } from '../core/request.js';
import type { RequestProbe } from '../core/request-probe.js';

/** The failure reasons a stale endpoint causes, each with what the client met. */
export const STALE_ENDPOINT_REASONS = {
  connection_refused: 'the endpoint had stopped listening (its preStop was over) but its IP was up: RST, refused in one round trip',
  no_route_to_host: "the endpoint's pod had exited and its IP was gone from the node: no route to host after ≈ 3 s",
  connection_reset: 'the pod exited while the request was in it (an established connection breaks at the pod\'s exit)',
} as const;

const MEASURED = 'requests that start in the measured window [warmup, warmup + duration], followed until they finish';

/** The churn model's columns (docs/design.md, Metrics). */
export const CHURN_METRICS: readonly MetricEntry[] = [
  { name: 'stale_endpoint_errors', unit: 'count', doc: 'Requests that failed because their connection went to an endpoint that was no longer there or no longer listening (the sum of failures_connection_refused, failures_no_route_to_host and failures_connection_reset).', window: MEASURED, headline: true },
  { name: 'new_version_traffic_ratio', unit: 'ratio', doc: "Share of the rolled Service's completed requests that a pod of the new version served; empty without a rollout.", window: MEASURED },
];

/** Counts stale-endpoint failures and the rolled Service's traffic by version. */
export class ChurnMetrics implements RequestProbe {
  private staleErrors = 0;
  private rolledRequests = 0;
  private newVersionRequests = 0;

  constructor(
    /** The Service whose Deployment rolls (-1: none). */
    private readonly rolledService: () => number,
    private readonly isNewVersion: (pod: number) => boolean,
  ) {}

  completed(request: Request): void {
    if (!request.measured || request.service !== this.rolledService()) return;
    this.rolledRequests++;
    if (this.isNewVersion((request.connection as Connection).endpointPod)) this.newVersionRequests++;
  }

  failed(request: Request): void {
    if (request.measured && request.failure !== undefined && request.failure in STALE_ENDPOINT_REASONS) this.staleErrors++;
  }

  values(rollout: boolean): MetricValues {
    return {
      stale_endpoint_errors: this.staleErrors,
      new_version_traffic_ratio: rollout && this.rolledRequests > 0 ? this.newVersionRequests / this.rolledRequests : undefined,
    };
  }
}
