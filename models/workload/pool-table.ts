/** A key slot no key is in. Keys are integers >= 0 (pool keys: client × targets + target). */
const EMPTY = -1;
const MIN_CAPACITY = 64;

/**
 * A map from pool keys to a value and a number each (a pool's newest idle connection and how
 * many it has idle; its first waiting request), for the state kept per (client pod, Service)
 * pair: an open-addressing table with linear probing, each key beside its number in one
 * Float64Array (a probe reads one cache line), values in a parallel array, a deleted entry's
 * followers shifted back into its place (no tombstones, so a table with entries coming and
 * going stays as fast as a fresh one). Nothing is allocated per entry; it doubles when over
 * half full and never shrinks. It replaces a Map keyed by client × Service (issue 14), whose
 * lookups, insertions and deletions were a tenth of a user-scale run.
 */
export class PoolTable<V> {
  /** Slot s: its key at 2s (EMPTY if none), its number at 2s + 1. */
  private entries = emptyEntries(MIN_CAPACITY);
  private values: (V | undefined)[] = new Array<V | undefined>(MIN_CAPACITY).fill(undefined);
  private mask = MIN_CAPACITY - 1;
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(key: number): V | undefined {
    const slot = this.find(key);
    return slot < 0 ? undefined : this.values[slot];
  }

  /** Sets the value of `key` (an integer >= 0), adding the key (with number 0) if it is not in. */
  set(key: number, value: V): void {
    const slot = this.find(key);
    if (slot < 0) this.add(key, value, 0);
    else this.values[slot] = value;
  }

  /** Removes `key` if it is in. */
  delete(key: number): void {
    const slot = this.find(key);
    if (slot >= 0) this.deleteAt(slot);
  }

  /** The slot holding `key`, or -1. A deletion moves entries: use a slot at once, before another change. */
  find(key: number): number {
    const entries = this.entries;
    for (let slot = this.home(key); ; slot = (slot + 1) & this.mask) {
      const at = entries[2 * slot];
      if (at === key) return slot;
      if (at === EMPTY) return -1;
    }
  }

  valueAt(slot: number): V {
    return this.values[slot] as V;
  }

  numberAt(slot: number): number {
    return this.entries[2 * slot + 1];
  }

  setAt(slot: number, value: V, number: number): void {
    this.values[slot] = value;
    this.entries[2 * slot + 1] = number;
  }

  /** Adds `key`, which is not in, with its value and number. */
  add(key: number, value: V, number: number): void {
    const entries = this.entries;
    let slot = this.home(key);
    while (entries[2 * slot] !== EMPTY) slot = (slot + 1) & this.mask;
    entries[2 * slot] = key;
    entries[2 * slot + 1] = number;
    this.values[slot] = value;
    if (++this.count * 2 > this.values.length) this.grow();
  }

  /** Removes the entry in `slot` (from `find`). */
  deleteAt(slot: number): void {
    const entries = this.entries;
    const mask = this.mask;
    // Backward shift: move up each later key of the run whose home does not lie in (hole, next].
    let hole = slot;
    for (let next = (slot + 1) & mask; entries[2 * next] !== EMPTY; next = (next + 1) & mask) {
      const home = this.home(entries[2 * next]);
      const stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
      if (stays) continue;
      entries[2 * hole] = entries[2 * next];
      entries[2 * hole + 1] = entries[2 * next + 1];
      this.values[hole] = this.values[next];
      hole = next;
    }
    entries[2 * hole] = EMPTY;
    entries[2 * hole + 1] = 0;
    this.values[hole] = undefined;
    this.count--;
  }

  /** The key's first slot: a multiplicative hash of its low and high 32 bits. */
  private home(key: number): number {
    const low = key >>> 0;
    const high = (key / 4294967296) >>> 0;
    return (Math.imul(low ^ Math.imul(high, 0x27d4eb2d), 0x9e3779b1) >>> 0) & this.mask;
  }

  private grow(): void {
    const old = this.entries;
    const oldValues = this.values;
    const capacity = 2 * oldValues.length;
    this.entries = emptyEntries(capacity);
    this.values = new Array<V | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
    for (let slot = 0; slot < oldValues.length; slot++) {
      const key = old[2 * slot];
      if (key === EMPTY) continue;
      let to = this.home(key);
      while (this.entries[2 * to] !== EMPTY) to = (to + 1) & this.mask;
      this.entries[2 * to] = key;
      this.entries[2 * to + 1] = old[2 * slot + 1];
      this.values[to] = oldValues[slot];
    }
  }
}

/** Entries for `capacity` slots, every one empty. */
function emptyEntries(capacity: number): Float64Array {
  const entries = new Float64Array(2 * capacity);
  for (let slot = 0; slot < capacity; slot++) entries[2 * slot] = EMPTY;
  return entries;
}
