import { NS_PER_MS, NS_PER_S, type Nanoseconds } from '../../src/engine/time.js';
import { QuantileSketch } from '../../src/stats/quantile-sketch.js';
import type { Request } from '../workload/request.js';
import type { RequestProbe } from '../workload/request-flow.js';

/**
 * Collects request facts of the measured window into counts and a latency sketch; only
 * requests that started inside the window count (DESIGN.md §3).
 */
export class RequestMetrics implements RequestProbe {
  private readonly latencyNs = new QuantileSketch();
  private completedCount = 0;
  private failedCount = 0;
  private dialledCount = 0;

  connected(): void {}

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

  /** The first scenario's request metrics; a ratio with no requests is empty, not 0. */
  values(duration: Nanoseconds): Record<string, number | undefined> {
    const started = this.completedCount + this.failedCount;
    return {
      requests_completed: this.completedCount,
      throughput_per_s: this.completedCount / (duration / NS_PER_S),
      request_latency_p50_ms: toMs(this.latencyNs.quantile(0.5)),
      request_latency_p99_ms: toMs(this.latencyNs.quantile(0.99)),
      request_error_ratio: started > 0 ? this.failedCount / started : undefined,
      new_connection_ratio: started > 0 ? this.dialledCount / started : undefined,
    };
  }
}

function toMs(value: number | undefined): number | undefined {
  return value === undefined ? undefined : value / NS_PER_MS;
}
