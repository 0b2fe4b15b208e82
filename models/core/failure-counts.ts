import type { MetricValues } from '../../src/contract/metric-spec.js';
import { failureMetricName, type FailureReason } from './failure-reason.js';
import type { Request } from './request.js';
import type { RequestProbe } from './request-probe.js';

/**
 * Counts the measured window's failed requests by reason, for the `failures_<reason>` columns:
 * every declared reason gets a count (0 is a real count: nothing failed that way), so the
 * columns add up to the failed requests. A reason no model declared is a bug and throws.
 */
export class FailureCounts implements RequestProbe {
  private readonly counts = new Map<string, number>();

  constructor(private readonly declared: readonly FailureReason[]) {
    for (const reason of declared) this.counts.set(reason, 0);
  }

  failed(request: Request): void {
    if (!request.measured) return;
    const reason = request.failure;
    const count = reason === undefined ? undefined : this.counts.get(reason);
    if (count === undefined) throw new Error(`A request failed with reason \`${String(reason)}\`, which no model declares`);
    this.counts.set(reason as string, count + 1);
  }

  values(): MetricValues {
    return Object.fromEntries(this.declared.map((reason) => [failureMetricName(reason), this.counts.get(reason) as number]));
  }
}
