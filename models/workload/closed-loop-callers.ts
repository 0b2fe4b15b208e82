import { ms, type Nanoseconds, type Simulation } from '../../src/engine/index.js';
import type { Sampler } from '../../src/random/index.js';

/**
 * How long a caller whose client pod's node is down waits, beyond its think time, before it
 * tries again. A pod on a dead node makes no calls; a caller that gave up for good would stay
 * silent after the node came back, and one that retried after its think time alone would spin
 * at one instant when the think time is 0. 100 ms keeps the cost at ten events a second per
 * stranded caller and the delay after a node returns well under a second.
 */
export const DOWN_NODE_RETRY: Nanoseconds = ms(100);

/**
 * Callers start at a uniformly random offset within this first stretch of the run. wrk and ab
 * open all their connections at once; a millisecond (half a default service time) is enough
 * for the draw, not insertion order, to decide who goes first, and far shorter than any warm-up.
 */
export const START_SPREAD: Nanoseconds = ms(1);

export interface ClosedLoopCallersOptions {
  /** Callers in the run: client pods × `workload.callersPerClientPod`. */
  readonly callers: number;
  /** `workload.callersPerClientPod`: callers 0..k−1 belong to client pod 0, the next k to pod 1, and so on. */
  readonly callersPerClientPod: number;
  /** Each caller's first call, after now: uniform in [0, START_SPREAD) from its own stream. */
  readonly startOffset: Sampler;
  /** `workload.thinkTime` (its own stream). */
  readonly thinkTime: Sampler;
  /** No call starts at or after this time (the measured window's end). */
  readonly until: Nanoseconds;
  /** Starts caller `caller`'s next call from `client`; false when the client's node is down. */
  readonly call: (caller: number, client: number) => boolean;
}

/**
 * Closed-loop load, as a short-connection benchmark (wrk, ab) makes it: each caller makes a
 * call, waits until it settles (completes or fails), thinks, and makes the next. The load is
 * then what the system sustains, not a rate given in advance. A caller's state is one pending
 * event carrying its number: nothing per caller is kept beyond that, and a call costs one
 * think-time draw and one event whatever the number of callers.
 */
export class ClosedLoopCallers {
  private readonly fire = this.callNow.bind(this);

  constructor(
    private readonly sim: Simulation,
    private readonly options: ClosedLoopCallersOptions,
  ) {}

  /** Every caller makes its first call within START_SPREAD of now. */
  begin(): void {
    const { callers, startOffset } = this.options;
    for (let caller = 0; caller < callers; caller++) this.callAfter(caller, startOffset.sample());
  }

  /** Caller `caller`'s call settled: it thinks, then calls again (unless the window is over). */
  settled(caller: number): void {
    this.callAfter(caller, this.options.thinkTime.sample());
  }

  private callNow(caller: number): void {
    const { call, callersPerClientPod, thinkTime } = this.options;
    if (!call(caller, Math.floor(caller / callersPerClientPod))) this.callAfter(caller, thinkTime.sample() + DOWN_NODE_RETRY);
  }

  private callAfter(caller: number, delay: number): void {
    const at = this.sim.now + Math.round(delay);
    if (at < this.options.until) this.sim.postAt(at, this.fire, caller);
  }
}
