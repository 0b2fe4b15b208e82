import { s, type Nanoseconds } from '../../src/engine/index.js';

declare module '../core/failure-reason.js' {
  interface FailureReasons {
    connection_refused: true;
    no_route_to_host: true;
    connection_reset: true;
  }
}

/**
 * A SYN to a pod IP that no longer exists on its node: the node's ARP (neighbour) lookup fails
 * after 3 probes 1 s apart and the client gets "no route to host" (docs/calibration.md, Pod
 * churn and clients: what a client sees on a stale endpoint).
 */
export const NO_ROUTE_DELAY: Nanoseconds = s(3);

/** What a client's new connection to a pod meets (docs/calibration.md, Pod churn and clients). */
export type ConnectOutcome =
  /** The pod is listening. */
  | 'accepted'
  /** Its preStop hook is over and it closed its listener, but its IP is up: RST, refused in one round trip. */
  | 'refused'
  /** The pod exited and its IP is gone from the node: "no route to host" after ≈ 3 s. */
  | 'gone';

/**
 * When each terminating pod stops accepting connections and when it exits. A pod that was never
 * deleted accepts. Only deleted pods are kept (a sparse map), so memory is O(pods replaced).
 */
export class PodLifecycle {
  private readonly ends = new Map<number, { readonly stopsListening: Nanoseconds; readonly exits: Nanoseconds }>();

  /** `pod` started terminating: it serves until `stopsListening` (the end of preStop) and exits at `exits`. */
  terminate(pod: number, stopsListening: Nanoseconds, exits: Nanoseconds): void {
    if (exits < stopsListening) throw new RangeError(`pod ${pod} cannot exit (${exits} ns) before it stops listening (${stopsListening} ns)`);
    this.ends.set(pod, { stopsListening, exits });
  }

  /** Whether `pod` has exited by `now` (its connections are gone with it). */
  exited(pod: number, now: Nanoseconds): boolean {
    const end = this.ends.get(pod);
    return end !== undefined && now >= end.exits;
  }

  /** What a new connection to `pod` at time `now` meets. */
  connect(pod: number, now: Nanoseconds): ConnectOutcome {
    const end = this.ends.get(pod);
    if (end === undefined || now < end.stopsListening) return 'accepted';
    return now < end.exits ? 'refused' : 'gone';
  }
}
