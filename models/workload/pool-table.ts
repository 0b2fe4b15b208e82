/** A key slot no key is in. Keys are integers >= 0 (pool keys: client × targets + target). */
const EMPTY = -1;
const MIN_CAPACITY = 64;

/**
 * A map from pool keys to a value and a number each (a pool's newest idle connection and how
 * many it has idle; its first waiting request), for the state kept per (client pod, Service)
 * pair: an open-addressing table with linear probing, keys in a Float64Array, values and
 * numbers in parallel arrays, a deleted entry's
 * followers shifted back into its place (no tombstones, so a table with entries coming and
 * going stays as fast as a fresh one). Nothing is allocated per entry; it doubles when over
 * half full and never shrinks. It replaces a Map keyed by client × Service (issue 14), whose
 * lookups, insertions and deletions were a tenth of a user-scale run.
 */
export class PoolTable<V> {
  private keys = new Float64Array(MIN_CAPACITY).fill(EMPTY);
  private values: (V | undefined)[] = new Array<V | undefined>(MIN_CAPACITY).fill(undefined);
  private numbers = new Float64Array(MIN_CAPACITY);
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
    const keys = this.keys;
    for (let slot = this.home(key); ; slot = (slot + 1) & this.mask) {
      const at = keys[slot];
      if (at === key) return slot;
      if (at === EMPTY) return -1;
    }
  }

  valueAt(slot: number): V {
    return this.values[slot] as V;
  }

  numberAt(slot: number): number {
    return this.numbers[slot];
  }

  setAt(slot: number, value: V, number: number): void {
    this.values[slot] = value;
    this.numbers[slot] = number;
  }

  /** Adds `key`, which is not in, with its value and number. */
  add(key: number, value: V, number: number): void {
    const keys = this.keys;
    let slot = this.home(key);
    while (keys[slot] !== EMPTY) slot = (slot + 1) & this.mask;
    keys[slot] = key;
    this.values[slot] = value;
    this.numbers[slot] = number;
    if (++this.count * 2 > keys.length) this.grow();
  }

  /** Removes the entry in `slot` (from `find`). */
  deleteAt(slot: number): void {
    const keys = this.keys;
    const mask = this.mask;
    // Backward shift: move up each later key of the run whose home does not lie in (hole, next].
    let hole = slot;
    for (let next = (slot + 1) & mask; keys[next] !== EMPTY; next = (next + 1) & mask) {
      const home = this.home(keys[next]);
      const stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
      if (stays) continue;
      keys[hole] = keys[next];
      this.values[hole] = this.values[next];
      this.numbers[hole] = this.numbers[next];
      hole = next;
    }
    keys[hole] = EMPTY;
    this.values[hole] = undefined;
    this.numbers[hole] = 0;
    this.count--;
  }

  /** The key's first slot: a multiplicative hash of its low and high 32 bits. */
  private home(key: number): number {
    const low = key >>> 0;
    const high = (key / 4294967296) >>> 0;
    return (Math.imul(low ^ Math.imul(high, 0x27d4eb2d), 0x9e3779b1) >>> 0) & this.mask;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const oldNumbers = this.numbers;
    const capacity = 2 * oldKeys.length;
    this.keys = new Float64Array(capacity).fill(EMPTY);
    this.values = new Array<V | undefined>(capacity).fill(undefined);
    this.numbers = new Float64Array(capacity);
    this.mask = capacity - 1;
    for (let slot = 0; slot < oldKeys.length; slot++) {
      const key = oldKeys[slot];
      if (key === EMPTY) continue;
      let to = this.home(key);
      while (this.keys[to] !== EMPTY) to = (to + 1) & this.mask;
      this.keys[to] = key;
      this.values[to] = oldValues[slot];
      this.numbers[to] = oldNumbers[slot];
    }
  }
}
