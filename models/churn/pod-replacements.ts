import { s as seconds, type Nanoseconds, type Simulation } from '../../src/engine/index.js';
import { exponential, uniformIndex, type RandomStream, type Sampler } from '../../src/random/index.js';
import type { Cluster } from '../cluster/cluster.js';
import type { EndpointSlices, EndpointState, ServiceEndpoints } from '../cluster/endpoint-slices.js';
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
}

/**
 * Random pod replacements (docs/calibration.md, Pod churn and clients): at Poisson times a
 * uniformly chosen endpoint of a uniformly chosen Service is deleted and its ReplicaSet creates
 * a replacement. Each makes the ≈ 4 EndpointSlice writes the calibration counts: the old pod
 * turns terminating (ready false, still serving: KEP-1672), the new pod appears not ready, the
 * new pod turns ready after its start-up, the old pod leaves after preStop and shutdown.
 * Draws come from the stream `churn/replacements` (when, which) and the start-up sampler's own.
 * New pods are numbered after the cluster's initial backend pods.
 */
export class PodReplacements {
  private readonly states = new Map<number, EndpointState>();
  private nextPod: number;
  private readonly meanGap: Nanoseconds;
  private readonly replace = (): void => this.replaceOne();

  constructor(
    private readonly sim: Simulation,
    private readonly cluster: Cluster,
    private readonly slices: EndpointSlices,
    private readonly stream: RandomStream,
    private readonly options: PodReplacementsOptions,
    private readonly written: (version: ServiceEndpoints) => void,
    private readonly lifecycle?: PodLifecycle,
  ) {
    this.nextPod = cluster.initialBackendPods;
    this.meanGap = options.ratePerSecond > 0 ? seconds(1 / options.ratePerSecond) : Number.POSITIVE_INFINITY;
  }

  /** Pods created so far beyond the initial ones (to size per-pod state). */
  get podsCreated(): number {
    return this.nextPod - this.cluster.initialBackendPods;
  }

  start(): void {
    if (this.meanGap !== Number.POSITIVE_INFINITY) this.sim.post(this.gap(), this.replace);
  }

  private gap(): Nanoseconds {
    return Math.max(1, Math.round(exponential(this.stream, this.meanGap)));
  }

  private replaceOne(): void {
    const service = uniformIndex(this.stream, this.cluster.services);
    const state = this.stateOf(service);
    const candidates = activeEndpoints(state);
    if (candidates.length > 0) {
      const oldPod = state.pods[candidates[uniformIndex(this.stream, candidates.length)]];
      const newPod = this.nextPod++;
      const stopsListening = this.sim.now + this.options.preStopDelay;
      this.lifecycle?.terminate(oldPod, stopsListening, stopsListening + this.options.shutdownTime);
      this.update(service, (pod, flags) => (pod === oldPod ? { ...flags, ready: 0, terminating: 1 } : flags));
      this.update(service, undefined, newPod);
      this.sim.post(Math.round(this.options.startupTime.sample()), () =>
        this.update(service, (pod, flags) => (pod === newPod ? { ...flags, ready: 1, serving: 1 } : flags)));
      this.sim.post(this.options.preStopDelay + this.options.shutdownTime, () =>
        this.update(service, (pod, flags) => (pod === oldPod ? undefined : flags)));
    }
    this.sim.post(this.gap(), this.replace);
  }

  private stateOf(service: number): EndpointState {
    let state = this.states.get(service);
    if (state === undefined) {
      const initial = this.slices.latest(service);
      state = {
        pods: Int32Array.from(initial.slices.flatMap((slice) => Array.from(slice.pods))),
        ready: Uint8Array.from(initial.slices.flatMap((slice) => Array.from(slice.ready))),
        serving: Uint8Array.from(initial.slices.flatMap((slice) => Array.from(slice.serving))),
        terminating: Uint8Array.from(initial.slices.flatMap((slice) => Array.from(slice.terminating))),
      };
    }
    return state;
  }

  /** Writes `service`'s endpoints with each one mapped (undefined: removed) and `added` appended not ready. */
  private update(service: number, map?: (pod: number, flags: Flags) => Flags | undefined, added?: number): void {
    const state = this.stateOf(service);
    const next: { pods: number[]; ready: number[]; serving: number[]; terminating: number[] } = { pods: [], ready: [], serving: [], terminating: [] };
    for (let i = 0; i < state.pods.length; i++) {
      const flags = { ready: state.ready[i], serving: state.serving[i], terminating: state.terminating[i] };
      const kept = map === undefined ? flags : map(state.pods[i], flags);
      if (kept === undefined) continue;
      next.pods.push(state.pods[i]);
      next.ready.push(kept.ready);
      next.serving.push(kept.serving);
      next.terminating.push(kept.terminating);
    }
    if (added !== undefined) {
      next.pods.push(added);
      next.ready.push(0);
      next.serving.push(0);
      next.terminating.push(0);
    }
    const updated: EndpointState = {
      pods: Int32Array.from(next.pods), ready: Uint8Array.from(next.ready),
      serving: Uint8Array.from(next.serving), terminating: Uint8Array.from(next.terminating),
    };
    this.states.set(service, updated);
    this.written(this.slices.write(service, updated, this.sim.now));
  }
}

interface Flags {
  readonly ready: number;
  readonly serving: number;
  readonly terminating: number;
}

/** Endpoints that can be replaced: ready and not already terminating. */
function activeEndpoints(state: EndpointState): number[] {
  const active: number[] = [];
  for (let i = 0; i < state.pods.length; i++) if (state.ready[i] === 1 && state.terminating[i] === 0) active.push(i);
  return active;
}
