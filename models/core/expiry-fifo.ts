/**
 * Times at which things expire, in the order they were pushed, each with one integer payload.
 * Models push `now + timeout` for a timeout that is the same for all entries (TIME_WAIT,
 * IPVS's FIN timeout), so the times come out sorted and expiring is a pop from the front:
 * amortised O(1), with no timer event per entry. A growable ring of typed arrays, no
 * allocation per entry once grown.
 */
export class ExpiryFifo {
  private times: Float64Array;
  /** Allocated only for a FIFO that carries payloads (conntrack's per-node queues do not: 5,000 of them stay small). */
  private payloads: Float64Array | undefined;
  private head = 0;
  private count = 0;

  constructor(options: { readonly payloads?: boolean } = {}) {
    this.times = new Float64Array(8);
    this.payloads = options.payloads === true ? new Float64Array(8) : undefined;
  }

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
    if (this.payloads !== undefined) this.payloads[slot] = payload;
    this.count++;
  }

  /** Whether the oldest entry has expired by `now`. */
  hasExpired(now: number): boolean {
    return this.count > 0 && this.times[this.head] <= now;
  }

  /** Removes the oldest entry and returns its payload. */
  shift(): number {
    if (this.count === 0) throw new RangeError('ExpiryFifo: shift on an empty queue');
    const payload = this.payloads === undefined ? 0 : this.payloads[this.head];
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
    this.times = unrolled(this.times, this.head, this.count);
    if (this.payloads !== undefined) this.payloads = unrolled(this.payloads, this.head, this.count);
    this.head = 0;
  }
}

/** The ring's `count` entries from `head`, in order, at the start of an array twice as large. */
function unrolled(ring: Float64Array, head: number, count: number): Float64Array {
  const grown = new Float64Array(ring.length * 2);
  const firstPart = Math.min(count, ring.length - head);
  grown.set(ring.subarray(head, head + firstPart));
  grown.set(ring.subarray(0, count - firstPart), firstPart);
  return grown;
}
