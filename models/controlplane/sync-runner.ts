import type { Nanoseconds, Simulation } from '../../src/engine/index.js';
import { RateLimiter } from './rate-limiter.js';

export interface SyncRunnerOptions {
  /** `proxy.minSyncPeriod`: the least time between sync starts once the burst is spent. */
  readonly minSyncPeriod: Nanoseconds;
  /** The longest time between syncs when nothing changes (the runner's maxInterval). */
  readonly maxInterval: Nanoseconds;
  /** Syncs allowed back to back before minSyncPeriod applies (kube-proxy: 2). */
  readonly burst: number;
}

/** Runs one sync that starts now and returns how long it takes (ns). */
export type SyncWork = (start: Nanoseconds) => Nanoseconds;

/** Runs a sync of `duration` and calls `finish` when it is over (on a node's cores, it may first wait for one). */
export type SyncExecutor = (duration: Nanoseconds, finish: () => void) => void;

/**
 * One node's kube-proxy sync loop, as its BoundedFrequencyRunner behaves (docs/calibration.md,
 * kube-proxy control plane): a change asks for a sync; a sync starts at once if the rate limiter
 * (a token bucket of `burst` tokens refilled one per minSyncPeriod, taken at the start, so the
 * period runs start to start and a long sync eats the gap) allows it, else at the moment it
 * will. Syncs never overlap: a change that arrives during one waits for its end. Every change
 * that arrives before a sync starts is coalesced into it, since a sync reads the whole current
 * state. With no change, a sync still runs every maxInterval.
 *
 * The limiter is a RateLimiter (exact, in whole nanoseconds), so any window of one
 * minSyncPeriod holds at most `burst` starts.
 */
export class SyncRunner {
  private readonly limiter: RateLimiter;
  private running = false;
  private changed = false;
  /**
   * Timers are never cancelled: a cancelled event stays in the heap until its time (lazy
   * deletion), and a runner that reschedules its hour-long timer at every sync would fill the
   * heap with them. Instead at most one periodic and one retry event is pending; the periodic
   * one, finding its deadline moved, posts itself again for the new deadline.
   */
  private periodicAt = Number.POSITIVE_INFINITY;
  private periodicPending = false;
  private retryAt = Number.POSITIVE_INFINITY;
  private retryPending = false;
  private readonly onPeriodic = (): void => this.periodicFired();
  private readonly onRetry = (): void => this.retryFired();
  private readonly finish = (): void => this.onSyncEnd();

  constructor(
    private readonly sim: Simulation,
    private readonly options: SyncRunnerOptions,
    private readonly work: SyncWork,
    /** Called as a sync ends, before a change that waited for it starts the next. */
    private readonly done: () => void = () => {},
    /** Where the sync's time is spent: by default it just takes its duration. */
    private readonly execute: SyncExecutor = (duration, finish) => sim.post(duration, finish),
  ) {
    if (!(options.maxInterval > 0)) throw new RangeError(`SyncRunner needs maxInterval > 0, found ${options.maxInterval}`);
    this.limiter = new RateLimiter(options.minSyncPeriod, options.burst);
  }

  /** Whether a sync is running now (the node still routes with its previous view). */
  get busy(): boolean {
    return this.running;
  }

  /** Starts the periodic timer: the first sync without a change comes after maxInterval. */
  start(): void {
    this.armPeriodic(this.sim.now + this.options.maxInterval);
  }

  /** A change reached this node's kube-proxy: sync now, or as soon as the limiter allows. */
  request(): void {
    if (this.running) this.changed = true;
    else this.attempt();
  }

  private attempt(): void {
    if (this.running) return;
    const now = this.sim.now;
    if (!this.limiter.tryTake(now)) {
      // earliest never decreases, so a pending retry is never later than this one.
      if (!this.retryPending) {
        this.retryPending = true;
        this.retryAt = this.limiter.earliest();
        this.sim.postAt(this.retryAt, this.onRetry);
      }
      return;
    }
    this.running = true;
    this.changed = false;
    this.periodicAt = Number.POSITIVE_INFINITY;
    this.execute(this.work(now), this.finish);
  }

  private onSyncEnd(): void {
    this.running = false;
    this.done();
    this.armPeriodic(this.sim.now + this.options.maxInterval);
    if (this.changed) this.attempt();
  }

  private armPeriodic(at: Nanoseconds): void {
    this.periodicAt = at;
    if (!this.periodicPending) {
      this.periodicPending = true;
      this.sim.postAt(at, this.onPeriodic);
    }
  }

  private periodicFired(): void {
    this.periodicPending = false;
    if (this.periodicAt === Number.POSITIVE_INFINITY) return; // a sync is running; its end re-arms
    if (this.sim.now < this.periodicAt) this.armPeriodic(this.periodicAt);
    else this.attempt();
  }

  private retryFired(): void {
    if (this.sim.now < this.retryAt) return;
    this.retryPending = false;
    this.retryAt = Number.POSITIVE_INFINITY;
    this.attempt();
  }
}
