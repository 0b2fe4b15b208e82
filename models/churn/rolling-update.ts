import type { Nanoseconds, Simulation } from '../../src/engine/index.js';
import type { Sampler } from '../../src/random/index.js';
import { READY, TERMINATING, type EndpointEditor } from './endpoint-editor.js';
import type { NewPods } from './new-pods.js';
import type { PodLifecycle } from './pod-lifecycle.js';

export interface RollingUpdateOptions {
  /** The Service whose Deployment rolls. */
  readonly service: number;
  /** Replicas of the Deployment (its Service's endpoints when it starts). */
  readonly replicas: number;
  /** maxSurge as a fraction of replicas, rounded up (Deployment default 25 %). */
  readonly maxSurge: number;
  /** maxUnavailable as a fraction of replicas, rounded down (Deployment default 25 %). */
  readonly maxUnavailable: number;
  /** From a new pod's creation to its first successful readiness probe. */
  readonly startupTime: Sampler;
  /** `churn.preStopDelay`: an old pod keeps serving this long after it starts terminating. */
  readonly preStopDelay: Nanoseconds;
  /** After preStop, until the old pod exits and leaves its EndpointSlice. */
  readonly shutdownTime: Nanoseconds;
}

/**
 * A Deployment's rolling update behind one Service, as its controller steps it
 * (docs/calibration.md, Pod churn and clients): pods of the new version are created while
 * old + new (terminating pods not counted, KEP-3973) stays within replicas + maxSurge; old pods
 * are deleted while ready pods stay at least replicas − maxUnavailable; every new pod turning
 * ready steps it again. At 100 replicas that is 25 + 25 = 50 pods in flight at the start. Each
 * step's changes reach the Service's EndpointSlices as one write; a deleted pod leaves them
 * after preStop and shutdown.
 */
export class RollingUpdate {
  private readonly surge: number;
  private readonly unavailable: number;
  private readonly oldPods: number[];
  private readonly newPods: number[] = [];
  private readonly newVersion = new Set<number>();
  private readonly newReady = new Set<number>();
  private finishedAt: Nanoseconds | undefined;
  private readonly step = (): void => this.reconcile();

  constructor(
    private readonly sim: Simulation,
    private readonly endpoints: EndpointEditor,
    private readonly options: RollingUpdateOptions,
    private readonly pods: NewPods,
    private readonly lifecycle?: PodLifecycle,
  ) {
    this.surge = Math.ceil(options.maxSurge * options.replicas);
    // Both rounding to 0 would deadlock; the Deployment controller (ResolveFenceposts) then allows 1 unavailable.
    this.unavailable = this.surge === 0 ? Math.max(1, Math.floor(options.maxUnavailable * options.replicas)) : Math.floor(options.maxUnavailable * options.replicas);
    const state = endpoints.stateOf(options.service);
    this.oldPods = Array.from(state.pods).filter((_, i) => state.ready[i] === 1 && state.terminating[i] === 0);
  }

  /** Whether `pod` runs the new version. */
  isNewVersion(pod: number): boolean {
    return this.newVersion.has(pod);
  }

  /** When the last old pod was deleted with every new pod ready (undefined while rolling). */
  get finished(): Nanoseconds | undefined {
    return this.finishedAt;
  }

  /** Pods of either version that count against maxSurge now (terminating ones do not). */
  get podsCounted(): number {
    return this.oldPods.length + this.newPods.length;
  }

  /** Ready pods now. */
  get readyPods(): number {
    return this.oldPods.length + this.newReady.size;
  }

  /** Starts the rollout now. */
  start(): void {
    this.reconcile();
  }

  private reconcile(): void {
    const { replicas } = this.options;
    const created: number[] = [];
    const deleted: number[] = [];
    for (let changed = true; changed; ) {
      changed = false;
      const room = Math.min(replicas - this.newPods.length, replicas + this.surge - this.podsCounted);
      for (let i = 0; i < room; i++, changed = true) created.push(this.createPod());
      const removable = Math.min(this.oldPods.length, this.readyPods - (replicas - this.unavailable));
      for (let i = 0; i < removable; i++, changed = true) deleted.push(this.oldPods.shift() as number);
    }
    if (created.length === 0 && deleted.length === 0) return;
    const gone = new Set(deleted);
    const stopsListening = this.sim.now + this.options.preStopDelay;
    for (const pod of deleted) this.lifecycle?.terminate(pod, stopsListening, stopsListening + this.options.shutdownTime);
    this.endpoints.change(this.options.service, (pod, flags) => (gone.has(pod) ? TERMINATING : flags), created);
    if (deleted.length > 0) {
      this.sim.post(this.options.preStopDelay + this.options.shutdownTime, () =>
        this.endpoints.change(this.options.service, (pod, flags) => (gone.has(pod) ? undefined : flags)));
    }
    if (this.oldPods.length === 0 && this.newReady.size === replicas) this.finishedAt = this.sim.now;
  }

  private createPod(): number {
    const pod = this.pods.next();
    this.newPods.push(pod);
    this.newVersion.add(pod);
    this.sim.post(Math.round(this.options.startupTime.sample()), () => {
      this.newReady.add(pod);
      this.endpoints.change(this.options.service, (p, flags) => (p === pod ? READY : flags));
      this.sim.post(0, this.step);
      if (this.oldPods.length === 0 && this.newReady.size === this.options.replicas) this.finishedAt = this.sim.now;
    });
    return pod;
  }
}
