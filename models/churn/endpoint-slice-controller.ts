import type { Nanoseconds, Simulation } from '../../src/engine/index.js';
import { s } from '../../src/engine/index.js';
import type { EndpointSlices, EndpointState, ServiceEndpoints, ServiceEvent } from '../cluster/endpoint-slices.js';
import { RateLimiter } from '../controlplane/rate-limiter.js';

export interface EndpointSliceControllerOptions {
  /** API writes per second its client may make (kube-controller-manager `--kube-api-qps`, 20). */
  readonly writesPerSecond: number;
  /** Writes it may make at once (`--kube-api-burst`, 30). */
  readonly burst: number;
  /**
   * `--endpointslice-updates-batch-period`: a pod change queues its Service only after this
   * long, so changes within it share one write (0, the default: at once).
   */
  readonly batchPeriod?: Nanoseconds;
}

/** kube-controller-manager's client defaults (docs/calibration.md, Pod churn and clients). */
export const ENDPOINT_SLICE_CONTROLLER_DEFAULTS: EndpointSliceControllerOptions = { writesPerSecond: 20, burst: 30 };

/**
 * The EndpointSlice controller between pod changes and the API (docs/calibration.md, Pod churn
 * and clients): a change queues its Service once (the work queue drops duplicates); the
 * controller writes a queued Service's current endpoints when its API client's rate limiter
 * (20 writes/s, burst 30: a RateLimiter) allows, with the trigger time of
 * the oldest change it carries, as the `last-change-trigger-time` annotation does. Below the
 * limit every change is written at once; above it Services wait in line and their changes
 * coalesce. Simplification: a Service's sync takes one token, however many slices it rewrites.
 */
export class EndpointSliceController {
  private readonly queue: number[] = [];
  private queueHead = 0;
  private readonly pending = new Map<number, PendingWrite>();
  private readonly limiter: RateLimiter;
  private wakeUpPending = false;
  private readonly wakeUp = (): void => {
    this.wakeUpPending = false;
    this.pump();
  };

  constructor(
    private readonly sim: Simulation,
    private readonly slices: EndpointSlices,
    private readonly options: EndpointSliceControllerOptions,
    private readonly written: (version: ServiceEndpoints) => void,
  ) {
    if (!(options.writesPerSecond > 0)) throw new RangeError(`EndpointSliceController needs writesPerSecond > 0, found ${options.writesPerSecond}`);
    this.limiter = new RateLimiter(Math.round(s(1) / options.writesPerSecond), options.burst);
  }

  /** Services waiting for a write. */
  get backlog(): number {
    return this.queue.length - this.queueHead;
  }

  /** `service`'s endpoints are now `state`, because of a change at `triggerTime` (which may have created or deleted the Service). */
  changed(service: number, state: EndpointState, triggerTime: Nanoseconds, serviceEvent?: ServiceEvent): void {
    const waiting = this.pending.get(service);
    if (waiting !== undefined) {
      this.pending.set(service, { state, oldestTrigger: Math.min(waiting.oldestTrigger, triggerTime), serviceEvent: serviceEvent ?? waiting.serviceEvent });
      return;
    }
    this.pending.set(service, { state, oldestTrigger: triggerTime, serviceEvent });
    const batchPeriod = this.options.batchPeriod ?? 0;
    if (batchPeriod > 0) this.sim.post(batchPeriod, this.enqueueLater, service);
    else this.enqueue(service);
  }

  private readonly enqueueLater = (service: number): void => this.enqueue(service);

  private enqueue(service: number): void {
    this.queue.push(service);
    this.pump();
  }

  private pump(): void {
    while (this.backlog > 0) {
      if (!this.limiter.tryTake(this.sim.now)) {
        if (!this.wakeUpPending) {
          this.wakeUpPending = true;
          this.sim.postAt(this.limiter.earliest(), this.wakeUp);
        }
        return;
      }
      const service = this.queue[this.queueHead++];
      const { state, oldestTrigger, serviceEvent } = this.pending.get(service) as PendingWrite;
      this.pending.delete(service);
      this.written(this.slices.write(service, state, oldestTrigger, serviceEvent));
    }
    // Drop the consumed head now and then, so the queue's array does not grow without end.
    if (this.queueHead > 1_024) {
      this.queue.splice(0, this.queueHead);
      this.queueHead = 0;
    }
  }
}

/** A Service waiting for its write: its newest state, its oldest change, and whether it was created or deleted meanwhile. */
interface PendingWrite {
  readonly state: EndpointState;
  readonly oldestTrigger: Nanoseconds;
  readonly serviceEvent: ServiceEvent | undefined;
}
