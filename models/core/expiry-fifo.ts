/**
 * Times at which things expire, in the order they were pushed, each with one integer payload.
 * Models push `now + timeout` for a timeout that is the same for all entries (TIME_WAIT,
 * IPVS's FIN timeout), so the times come out sorted and expiring is a pop from the front:
 * amortised O(1), with no timer event per entry. A growable ring of typed arrays, no
 * allocation per entry once grown.
 */
export class ExpiryFifo {
  private times = new Float64Array(64);
  private payloads = new Float64Array(64);
  private head = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(time: number, payload = 0): void {
    if (this.count > 0 && time < this.times[(this.head + this.count - 1) & (this.times.length - 1)]) {
      throw new RangeError(`ExpiryFifo: times must not decrease (${time} after a later one)`);
    }
    if (this.count === this.times.length) this.grow();
    const slot = (this.head + this.count) & (this.times.length - 1);
    this.times[slot] = time;
    this.payloads[slot] = payload;
    this.count++;
  }

  /** Whether the oldest entry has expired by `now`. */
  hasExpired(now: number): boolean {
    return this.count > 0 && this.times[this.head] <= now;
  }

  /** Removes the oldest entry and returns its payload. */
  shift(): number {
    if (this.count === 0) throw new RangeError('ExpiryFifo: shift on an empty queue');
    const payload = this.payloads[this.head];
    this.head = (this.head + 1) & (this.times.length - 1);
    this.count--;
    return payload;
  }

  /** Removes every entry expired by `now` and returns how many. */
  expire(now: number): number {
    let expired = 0;
    while (this.hasExpired(now)) {
      this.shift();
      expired++;
    }
    return expired;
  }

  private grow(): void {
    const size = this.times.length;
    const times = new Float64Array(size * 2);
    const payloads = new Float64Array(size * 2);
    for (let i = 0; i < this.count; i++) {
      times[i] = this.times[(this.head + i) & (size - 1)];
      payloads[i] = this.payloads[(this.head + i) & (size - 1)];
    }
    this.times = times;
    this.payloads = payloads;
    this.head = 0;
  }
}
