/**
 * A named count of events (`requests_completed`, `dns_timeouts`). Models increment it; the run
 * reports `value` under `name`.
 */
export class Counter {
  private total = 0;

  constructor(readonly name: string) {}

  get value(): number {
    return this.total;
  }

  /** Adds `by` (default 1); a count never goes down, so a negative step is a bug in the caller. */
  increment(by = 1): void {
    if (!(by >= 0)) {
      throw new RangeError(`Expected counter \`${this.name}\` to grow by a number >= 0, got \`${by}\``);
    }
    this.total += by;
  }

  /** Starts counting again from zero, e.g. at the end of warmup. */
  reset(): void {
    this.total = 0;
  }
}
