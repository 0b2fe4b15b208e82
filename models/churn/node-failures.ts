import type { Nanoseconds, Simulation } from '../../src/engine/index.js';
import { InputError } from '../../src/input-error.js';
import { uniformIndex, type RandomStream } from '../../src/random/index.js';
import type { Cluster } from '../cluster/cluster.js';
import type { Sampler } from '../../src/random/index.js';
import { NOT_READY, READY, type EndpointEditor, type EndpointFlags } from './endpoint-editor.js';
import type { NewPods } from './new-pods.js';
import type { PodLifecycle } from './pod-lifecycle.js';

/** An evicted pod on a dead node: terminating, not serving, never confirmed gone. */
const EVICTED: EndpointFlags = { ready: 0, serving: 0, terminating: 1 };

export interface NodeFailuresOptions {
  /** `churn.failedNodes`: nodes that fail together. */
  readonly count: number;
  /** When they fail (simulated time). */
  readonly at: Nanoseconds;
  /** `churn.nodeMonitorGracePeriod`: from the failure to the node controller marking the node NotReady. */
  readonly notReadyAfter: Nanoseconds;
  /** `churn.podEvictionTimeout`: from NotReady to the taint manager evicting the node's pods. */
  readonly evictAfter: Nanoseconds;
  /** From a replacement pod's creation to its first successful readiness probe. */
  readonly startupTime: Sampler;
}

/**
 * Nodes that die without a word (docs/calibration.md, Pod churn and clients: node failure):
 * at `at`, `count` distinct nodes drawn from the stream `churn/node-failures` stop answering —
 * packets to their pods vanish, so new connections time out and requests in flight get no
 * response. Only after the node monitor's grace period does the node controller mark the node
 * NotReady and its pods' endpoints not ready (one write per Service with a pod there), which
 * the nodes' syncs then program. Eviction (300 s later) and the replacements it brings are
 * left out: a run of minutes ends before them.
 */
export class NodeFailures {
  private readonly failed = new Set<number>();

  constructor(
    private readonly sim: Simulation,
    private readonly cluster: Cluster,
    private readonly endpoints: EndpointEditor,
    private readonly stream: RandomStream,
    private readonly options: NodeFailuresOptions,
    private readonly lifecycle: PodLifecycle,
    private readonly pods: NewPods,
  ) {
    if (options.count > cluster.nodes) throw new InputError('churn.failedNodes', `at most cluster.nodes (${cluster.nodes})`, options.count);
  }

  /** The nodes that failed (empty before `at`). */
  get nodes(): ReadonlySet<number> {
    return this.failed;
  }

  start(): void {
    if (this.options.count > 0) this.sim.postAt(this.options.at, () => this.fail());
  }

  private fail(): void {
    while (this.failed.size < this.options.count) this.failed.add(uniformIndex(this.stream, this.cluster.nodes));
    for (const node of this.failed) this.lifecycle.nodeFails(node, this.sim.now);
    this.sim.post(this.options.notReadyAfter, () => this.markNotReady());
  }

  /** The node controller marks the failed nodes' pods not ready: a write per Service with one there. */
  private markNotReady(): void {
    for (const service of this.servicesOnFailedNodes()) this.endpoints.change(service, (pod, flags) => (this.onFailedNode(pod) ? NOT_READY : flags));
    this.sim.post(this.options.evictAfter, () => this.evict());
  }

  /** The taint manager evicts the failed nodes' pods; their ReplicaSets replace them elsewhere. */
  private evict(): void {
    for (const service of this.servicesOnFailedNodes()) {
      const state = this.endpoints.stateOf(service);
      const replacements: number[] = [];
      for (let i = 0; i < state.pods.length; i++) if (this.onFailedNode(state.pods[i]) && state.terminating[i] === 0) replacements.push(this.pods.next());
      this.endpoints.change(service, (pod, flags) => (this.onFailedNode(pod) ? EVICTED : flags), replacements);
      for (const pod of replacements) {
        this.sim.post(Math.round(this.options.startupTime.sample()), () => this.endpoints.change(service, (p, flags) => (p === pod ? READY : flags)));
      }
    }
  }

  private onFailedNode(pod: number): boolean {
    return this.failed.has(this.cluster.nodeOfBackendPod(pod));
  }

  /** Services with an endpoint on a failed node that is not yet terminating. O(endpoints), once per step. */
  private servicesOnFailedNodes(): number[] {
    const services: number[] = [];
    for (let service = 0; service < this.cluster.services; service++) {
      const state = this.endpoints.stateOf(service);
      for (let i = 0; i < state.pods.length; i++) {
        if (state.terminating[i] === 0 && this.onFailedNode(state.pods[i])) {
          services.push(service);
          break;
        }
      }
    }
    return services;
  }
}
