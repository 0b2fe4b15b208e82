import type { Nanoseconds } from '../../src/engine/index.js';
import type { EndpointSlices, EndpointState, ServiceEvent } from '../cluster/endpoint-slices.js';
import type { EndpointSliceController } from './endpoint-slice-controller.js';

/** An endpoint's conditions, one byte each (1 true, 0 false). */
export interface EndpointFlags {
  readonly ready: number;
  readonly serving: number;
  readonly terminating: number;
}

/** Maps an endpoint's flags to new ones, or to undefined to remove it. */
export type EndpointEdit = (pod: number, flags: EndpointFlags) => EndpointFlags | undefined;

/** A new endpoint: in its EndpointSlice as soon as it has an IP, not ready yet. */
export const NOT_READY: EndpointFlags = { ready: 0, serving: 0, terminating: 0 };
/** Ready and serving. */
export const READY: EndpointFlags = { ready: 1, serving: 1, terminating: 0 };
/** Being deleted, still serving until its readiness fails (KEP-1672). */
export const TERMINATING: EndpointFlags = { ready: 0, serving: 1, terminating: 1 };

/**
 * Pods' state as the churn sources change it: each touched Service's endpoints as they are now
 * (the truth the EndpointSlice controller reads). A change (edits and additions) is applied at
 * once and handed to the controller, which writes it to the EndpointSlices when its rate limit
 * allows, together with any change that arrives before then.
 */
export class EndpointEditor {
  private readonly states = new Map<number, EndpointState>();

  constructor(
    private readonly slices: EndpointSlices,
    private readonly now: () => Nanoseconds,
    private readonly controller: EndpointSliceController,
  ) {}

  /** `service`'s endpoints as the last change left them. */
  stateOf(service: number): EndpointState {
    return this.states.get(service) ?? this.slices.latest(service).endpoints;
  }

  /**
   * Applies `edit` to every endpoint of `service`, appends `added` pods with `addedFlags`, and
   * hands the result on (with `serviceEvent` when the change creates or deletes the Service).
   */
  change(service: number, edit: EndpointEdit | undefined, added: readonly number[] = [], addedFlags: EndpointFlags = NOT_READY, serviceEvent?: ServiceEvent): void {
    const state = this.stateOf(service);
    const pods: number[] = [];
    const flags: EndpointFlags[] = [];
    for (let i = 0; i < state.pods.length; i++) {
      const current = { ready: state.ready[i], serving: state.serving[i], terminating: state.terminating[i] };
      const kept = edit === undefined ? current : edit(state.pods[i], current);
      if (kept === undefined) continue;
      pods.push(state.pods[i]);
      flags.push(kept);
    }
    for (const pod of added) {
      pods.push(pod);
      flags.push(addedFlags);
    }
    const next: EndpointState = {
      pods: Int32Array.from(pods),
      ready: Uint8Array.from(flags, (f) => f.ready),
      serving: Uint8Array.from(flags, (f) => f.serving),
      terminating: Uint8Array.from(flags, (f) => f.terminating),
    };
    this.states.set(service, next);
    this.controller.changed(service, next, this.now(), serviceEvent);
  }
}

