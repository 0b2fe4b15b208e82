import type { Nanoseconds, Simulation } from '../../src/engine/index.js';
import type { Sampler } from '../../src/random/index.js';
import { READY, TERMINATING, type EndpointEditor } from './endpoint-editor.js';
import type { NewPods } from './new-pods.js';
import type { PodLifecycle } from './pod-lifecycle.js';

export interface DeploymentScalingOptions {
  /** The Service whose Deployment scales. */
  readonly service: number;
  /** `churn.scaleReplicas`: the replica count it scales to. */
  readonly replicas: number;
  /** From a new pod's creation to its first successful readiness probe. */
  readonly startupTime: Sampler;
  /** `churn.preStopDelay`: a deleted pod keeps serving this long. */
  readonly preStopDelay: Nanoseconds;
  /** After preStop, until a deleted pod exits and leaves its EndpointSlice. */
  readonly shutdownTime: Nanoseconds;
}

/**
 * A Deployment scaled once (by hand or by an autoscaler): scaling up creates the missing pods
 * at once, each entering the Service's EndpointSlice not ready and turning ready after its
 * start-up; scaling down deletes the newest pods first (the ReplicaSet deletes the pods that
 * have run least), each terminating through preStop and shutdown like any deleted pod.
 */
export class DeploymentScaling {
  constructor(
    private readonly sim: Simulation,
    private readonly endpoints: EndpointEditor,
    private readonly options: DeploymentScalingOptions,
    private readonly pods: NewPods,
    private readonly lifecycle: PodLifecycle,
  ) {}

  /** Scales now. */
  start(): void {
    const { service, replicas } = this.options;
    const state = this.endpoints.stateOf(service);
    const active: number[] = [];
    for (let i = 0; i < state.pods.length; i++) if (state.terminating[i] === 0) active.push(state.pods[i]);
    if (replicas > active.length) this.scaleUp(replicas - active.length);
    else if (replicas < active.length) this.scaleDown(active.slice(replicas));
  }

  private scaleUp(count: number): void {
    const created = Array.from({ length: count }, () => this.pods.next());
    this.endpoints.change(this.options.service, undefined, created);
    for (const pod of created) {
      this.sim.post(Math.round(this.options.startupTime.sample()), () =>
        this.endpoints.change(this.options.service, (p, flags) => (p === pod ? READY : flags)));
    }
  }

  /** `deleted`: the pods that go, newest last in the slice order (so the slice's tail). */
  private scaleDown(deleted: number[]): void {
    const gone = new Set(deleted);
    const { preStopDelay, shutdownTime } = this.options;
    const stopsListening = this.sim.now + preStopDelay;
    for (const pod of deleted) this.lifecycle.terminate(pod, stopsListening, stopsListening + shutdownTime);
    this.endpoints.change(this.options.service, (pod, flags) => (gone.has(pod) ? TERMINATING : flags));
    this.sim.post(preStopDelay + shutdownTime, () =>
      this.endpoints.change(this.options.service, (pod, flags) => (gone.has(pod) ? undefined : flags)));
  }
}
