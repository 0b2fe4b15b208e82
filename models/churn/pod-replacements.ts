import { s as seconds, type Nanoseconds, type Simulation } from '../../src/engine/index.js';
import { exponential, uniformIndex, type RandomStream, type Sampler } from '../../src/random/index.js';
import type { Cluster } from '../cluster/cluster.js';
import type { EndpointState } from '../cluster/endpoint-slices.js';
import { READY, TERMINATING, type EndpointEditor } from './endpoint-editor.js';
import type { NewPods } from './new-pods.js';
import type { PodLifecycle } from './pod-lifecycle.js';

export interface PodReplacementsOptions {
  /** `churn.podReplacementsPerSecond`: pods deleted and replaced per second, cluster-wide (Poisson). */
  readonly ratePerSecond: number;
  /** From the new pod's creation to its first successful readiness probe (ns). */
  readonly startupTime: Sampler;
  /** `churn.preStopDelay`: the old pod keeps serving this long after it starts terminating. */
  readonly preStopDelay: Nanoseconds;
  /** After preStop, until the old pod exits and leaves its EndpointSlice. */
  readonly shutdownTime: Nanoseconds;
  /** A Service whose pods are left alone (one a rolling update owns), or -1. */
  readonly exceptService?: number;
}

/**
 * Random pod replacements (docs/calibration.md, Pod churn and clients): at Poisson times a
 * uniformly chosen endpoint of a uniformly chosen Service is deleted and its ReplicaSet creates
 * a replacement. Each makes the ≈ 4 EndpointSlice writes the calibration counts: the old pod
 * turns terminating (ready false, still serving: KEP-1672), the new pod appears not ready, the
 * new pod turns ready after its start-up, the old pod leaves after preStop and shutdown.
 * Draws come from the stream `churn/replacements` (when, which) and the start-up sampler's own.
 * New pods get their numbers from `pods`, shared with the other churn sources.
 */
export class PodReplacements {
  private created = 0;
  private readonly meanGap: Nanoseconds;
  private readonly replace = (): void => this.replaceOne();

  constructor(
    private readonly sim: Simulation,
    private readonly cluster: Cluster,
    private readonly endpoints: EndpointEditor,
    private readonly stream: RandomStream,
    private readonly options: PodReplacementsOptions,
    private readonly pods: NewPods,
    private readonly lifecycle?: PodLifecycle,
  ) {
    this.meanGap = options.ratePerSecond > 0 ? seconds(1 / options.ratePerSecond) : Number.POSITIVE_INFINITY;
  }

  /** Replacement pods created so far. */
  get podsCreated(): number {
    return this.created;
  }

  start(): void {
    if (this.meanGap !== Number.POSITIVE_INFINITY) this.sim.post(this.gap(), this.replace);
  }

  private gap(): Nanoseconds {
    return Math.max(1, Math.round(exponential(this.stream, this.meanGap)));
  }

  private replaceOne(): void {
    const service = uniformIndex(this.stream, this.cluster.services);
    const candidates = service === this.options.exceptService ? [] : activeEndpoints(this.endpoints.stateOf(service));
    if (candidates.length > 0) {
      const oldPod = candidates[uniformIndex(this.stream, candidates.length)];
      const newPod = this.pods.next();
      this.created++;
      const stopsListening = this.sim.now + this.options.preStopDelay;
      this.lifecycle?.terminate(oldPod, stopsListening, stopsListening + this.options.shutdownTime);
      this.endpoints.change(service, (pod, flags) => (pod === oldPod ? TERMINATING : flags));
      this.endpoints.change(service, undefined, [newPod]);
      this.sim.post(Math.round(this.options.startupTime.sample()), () =>
        this.endpoints.change(service, (pod, flags) => (pod === newPod ? READY : flags)));
      this.sim.post(this.options.preStopDelay + this.options.shutdownTime, () =>
        this.endpoints.change(service, (pod, flags) => (pod === oldPod ? undefined : flags)));
    }
    this.sim.post(this.gap(), this.replace);
  }
}

/** Pods that can be replaced: ready and not already terminating. */
function activeEndpoints(state: EndpointState): number[] {
  const active: number[] = [];
  for (let i = 0; i < state.pods.length; i++) if (state.ready[i] === 1 && state.terminating[i] === 0) active.push(state.pods[i]);
  return active;
}
