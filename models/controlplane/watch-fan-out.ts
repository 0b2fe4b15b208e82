import type { Nanoseconds, Simulation } from '../../src/engine/index.js';
import { mix32 } from '../../src/random/index.js';

export interface WatchFanOutOptions {
  /** Watchers of EndpointSlices that one API server sends every event to (its kube-proxies, CoreDNS). */
  readonly watchers: number;
  /** The API server's time to hand one event to one watcher (`controlPlane.watchCostPerWatcher`). */
  readonly costPerWatcher: Nanoseconds;
  /** Time from the hand-off to the watcher's informer having it (network, decode). */
  readonly deliveryDelay: Nanoseconds;
}

/**
 * The API server's watch fan-out (docs/calibration.md, Pod churn and clients: every
 * EndpointSlice write goes to every watcher). Events queue FIFO at one dispatcher that hands
 * each to all W watchers in turn, `costPerWatcher` each, so an event occupies it for
 * W × costPerWatcher and a burst of writes queues behind itself: the delay grows with
 * writes × watchers, and the 5,000-node effect comes out of the model rather than going in.
 * Watcher order differs per event (a keyed rotation: the API server walks a Go map of
 * watchers), so no node is always served last. Event k reaches the watcher in position p at
 * start_k + (p + 1) × costPerWatcher + deliveryDelay.
 */
export class WatchFanOut<T> {
  private dispatcherFreeAt: Nanoseconds = 0;
  private events = 0;
  private readonly step = (round: DeliveryRound<T>): void => this.deliverNext(round);

  constructor(
    private readonly sim: Simulation,
    private readonly options: WatchFanOutOptions,
    private readonly deliver: (watcher: number, event: T) => void,
  ) {
    if (!Number.isInteger(options.watchers) || options.watchers < 1) {
      throw new RangeError(`WatchFanOut needs at least one watcher, found ${options.watchers}`);
    }
  }

  /** Time the dispatcher is busy from now on (the queue of events ahead of a new write). */
  backlog(): Nanoseconds {
    return Math.max(0, this.dispatcherFreeAt - this.sim.now);
  }

  /**
   * A write happened now: queue its event. Deliveries run as one chain of events, a watcher
   * each `costPerWatcher` apart, so the event queue holds one entry per event in flight, not W.
   */
  publish(event: T): void {
    const { watchers, costPerWatcher, deliveryDelay } = this.options;
    const start = Math.max(this.sim.now, this.dispatcherFreeAt);
    this.dispatcherFreeAt = start + watchers * costPerWatcher;
    const round: DeliveryRound<T> = { event, position: 0, rotation: mix32(this.events++ ^ 0x5bd1e995) % watchers };
    this.sim.postAt(start + costPerWatcher + deliveryDelay, this.step, round);
  }

  private deliverNext(round: DeliveryRound<T>): void {
    const { watchers, costPerWatcher } = this.options;
    this.deliver((round.position + round.rotation) % watchers, round.event);
    if (++round.position < watchers) this.sim.post(costPerWatcher, this.step, round);
  }
}

/** One event on its way to every watcher. */
interface DeliveryRound<T> {
  readonly event: T;
  /** Watchers served so far. */
  position: number;
  /** Where this event starts in the watcher list. */
  readonly rotation: number;
}
