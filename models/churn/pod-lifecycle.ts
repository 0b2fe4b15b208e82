import { s, type Nanoseconds } from '../../src/engine/index.js';

declare module '../core/failure-reason.js' {
  interface FailureReasons {
    connection_refused: true;
    no_route_to_host: true;
    connection_reset: true;
    syn_timeout: true;
    response_timeout: true;
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
  | 'gone'
  /** Its node is down: packets to it vanish, and the client retransmits its SYN until its connect timeout. */
  | 'silent';

/**
 * When each terminating pod stops accepting connections and when it exits, and which nodes are
 * down. A pod that was never deleted, on a node that is up, accepts. Only deleted pods and
 * failed nodes are kept (sparse maps), so memory is O(pods replaced + nodes failed).
 */
export class PodLifecycle {
  private readonly ends = new Map<number, { readonly stopsListening: Nanoseconds; readonly exits: Nanoseconds }>();
  private readonly nodesDown = new Map<number, Nanoseconds>();

  constructor(private readonly nodeOfPod: (pod: number) => number = () => -1) {}

  /** `node` fails at `at`: every pod on it stops answering, without a word to anyone. */
  nodeFails(node: number, at: Nanoseconds): void {
    this.nodesDown.set(node, at);
  }

  /** Whether `node` is down at `now`. */
  nodeDown(node: number, now: Nanoseconds): boolean {
    const at = this.nodesDown.get(node);
    return at !== undefined && now >= at;
  }

  /** Whether `pod`'s node is down at `now` (nothing it sends or is sent arrives). */
  unreachable(pod: number, now: Nanoseconds): boolean {
    return this.nodesDown.size > 0 && this.nodeDown(this.nodeOfPod(pod), now);
  }

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
    if (this.unreachable(pod, now)) return 'silent';
    const end = this.ends.get(pod);
    if (end === undefined || now < end.stopsListening) return 'accepted';
    return now < end.exits ? 'refused' : 'gone';
  }
}
