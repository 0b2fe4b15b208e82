import type { Nanoseconds, Simulation } from '../../src/engine/index.js';
import type { Sampler } from '../../src/random/index.js';

/**
 * Cluster-wide request arrivals: a Poisson stream (exponential gaps from their own stream,
 * so arrival times never depend on the number of Services or anything else drawn later).
 * Arrivals stop after `until`; then `ended` runs once.
 */
export class PoissonArrivals {
  private readonly next = this.arrive.bind(this);

  constructor(
    private readonly sim: Simulation,
    private readonly gap: Sampler,
    private readonly until: Nanoseconds,
    private readonly onArrival: () => void,
    private readonly ended: () => void,
  ) {}

  /** Schedules the first arrival one gap after now. */
  begin(): void {
    this.scheduleNext();
  }

  private arrive(): void {
    this.onArrival();
    this.scheduleNext();
  }

  private scheduleNext(): void {
    const at = this.sim.now + Math.round(this.gap.sample());
    if (at <= this.until) this.sim.postAt(at, this.next);
    else this.sim.postAt(this.until, this.ended);
  }
}
