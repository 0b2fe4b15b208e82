import type { Nanoseconds } from '../../src/engine/index.js';

/**
 * A token bucket of `burst` tokens refilled one per `interval`, kept as a GCRA (generic cell
 * rate algorithm) in whole nanoseconds: a take at t succeeds when t ≥ nextFree − (burst − 1) ×
 * interval, and pushes nextFree to max(nextFree, t) + interval. The same decisions as the bucket
 * with no fractions, so runs are exact and reproducible; any window of one interval holds at
 * most `burst` takes. kube-proxy's sync runner and the API clients of controllers use such a
 * limiter (client-go's flowcontrol token bucket).
 */
export class RateLimiter {
  private nextFree: Nanoseconds = 0;
  private readonly tolerance: Nanoseconds;

  constructor(
    private readonly interval: Nanoseconds,
    burst: number,
  ) {
    if (!Number.isInteger(burst) || burst < 1) throw new RangeError(`A rate limiter's burst must be a whole number >= 1, found ${burst}`);
    if (!(interval >= 0)) throw new RangeError(`A rate limiter's interval must be >= 0 ns, found ${interval}`);
    this.tolerance = (burst - 1) * interval;
  }

  /** The first time a take can succeed; it never decreases. */
  earliest(): Nanoseconds {
    return this.nextFree - this.tolerance;
  }

  /** Takes a token at `now` if one is there; returns whether it did. */
  tryTake(now: Nanoseconds): boolean {
    if (now < this.earliest()) return false;
    this.nextFree = Math.max(this.nextFree, now) + this.interval;
    return true;
  }
}
