import type { MetricValues } from '../../src/contract/metric-spec.js';
import { NS_PER_S, type Nanoseconds } from '../../src/engine/index.js';
import { QuantileSketch } from '../../src/stats/index.js';
import type { Request } from '../core/request.js';
import type { RequestProbe } from '../core/request-probe.js';
import { quantileMs } from '../core/quantile-ms.js';

/**
 * Collects request facts of the measured window into counts and a latency sketch; only
 * requests that started inside the window count (docs/design.md, Metrics).
 */
export class RequestMetrics implements RequestProbe {
  private readonly latencyNs = new QuantileSketch();
  private completedCount = 0;
  private failedCount = 0;
  private dialledCount = 0;

  /** Measured requests that settled (completed or failed). */
  get started(): number {
    return this.completedCount + this.failedCount;
  }

  completed(request: Request, latency: Nanoseconds): void {
    if (!request.measured) return;
    this.completedCount++;
    if (request.dialled) this.dialledCount++;
    this.latencyNs.add(latency);
  }

  failed(request: Request): void {
    if (!request.measured) return;
    this.failedCount++;
    if (request.dialled) this.dialledCount++;
  }

  /** The request metrics; a ratio with no requests is empty, not 0. */
  values(duration: Nanoseconds): MetricValues {
    const started = this.completedCount + this.failedCount;
    return {
      requests_completed: this.completedCount,
      throughput_per_s: this.completedCount / (duration / NS_PER_S),
      request_latency_p50_ms: quantileMs(this.latencyNs, 0.5),
      request_latency_p99_ms: quantileMs(this.latencyNs, 0.99),
      request_error_ratio: started > 0 ? this.failedCount / started : undefined,
      new_connection_ratio: started > 0 ? this.dialledCount / started : undefined,
    };
  }
}
