import { LeastConnections } from './least-connections.js';

/** Counted destinations a (node, Service) pair keeps inline before it switches to a heap. */
const INLINE_ENTRIES = 6;
/** Per pair: [entries, destinations], then (position, active, inactive) per entry, sorted by position. */
const HEADER = 2;
const STRIDE = HEADER + 3 * INLINE_ENTRIES;
/** Marks a pair whose counts moved to a LeastConnections heap. */
const ON_HEAP = -1;

/**
 * Every (node, Service) pair's lc counters (activeconns, inactconns per destination position),
 * kept for as long as the pair has a counted connection — with closed ones inactive for the FIN
 * timeout, that is every pair used in the last 2 minutes. Most pairs then hold one or two
 * connections, so a pair keeps up to 6 counted positions inline in one shared Int32Array (no
 * object per pair, slots reused) and moves to a LeastConnections heap, O(log n), only when it
 * has more. The least score is a position with no connection (score 0) while there is one:
 * the first gap in the sorted inline list.
 */
export class LeastConnectionTable {
  private data = new Int32Array(STRIDE * 1024);
  private readonly slotOf = new Map<number, number>();
  private readonly heaps = new Map<number, LeastConnections>();
  private readonly freeSlots: number[] = [];
  private slotsUsed = 0;

  /** Pairs with counted connections. */
  get pairs(): number {
    return this.slotOf.size;
  }

  /** Picks the least-scoring position of `pair`'s `destinations` and counts a new active connection there. */
  assign(pair: number, destinations: number): number {
    const slot = this.slotOf.get(pair) ?? this.newSlot(pair, destinations);
    const base = slot * STRIDE;
    const entries = this.data[base];
    if (entries === ON_HEAP) return (this.heaps.get(slot) as LeastConnections).assign();
    if (entries < destinations) return this.assignToGap(slot, base, entries);
    const index = this.leastEntry(base, entries);
    this.data[base + HEADER + 3 * index + 1]++;
    return this.data[base + HEADER + 3 * index];
  }

  /** A connection to `position` closed: it counts as inactive until it expires. */
  close(pair: number, position: number): void {
    const slot = this.slotOf.get(pair) as number;
    const heap = this.heaps.get(slot);
    if (heap !== undefined) return heap.close(position);
    const at = this.entryAt(slot * STRIDE, position);
    this.data[at + 1]--;
    this.data[at + 2]++;
  }

  /** An inactive connection at `position` expired; the pair's state goes when nothing is counted. */
  expire(pair: number, position: number): void {
    const slot = this.slotOf.get(pair) as number;
    const heap = this.heaps.get(slot);
    if (heap !== undefined) {
      heap.expire(position);
      if (heap.connections === 0) this.freeSlot(pair, slot);
      return;
    }
    const base = slot * STRIDE;
    const at = this.entryAt(base, position);
    if (--this.data[at + 2] > 0 || this.data[at + 1] > 0) return;
    const end = base + HEADER + 3 * this.data[base];
    this.data.copyWithin(at, at + 3, end);
    if (--this.data[base] === 0) this.freeSlot(pair, slot);
  }

  private assignToGap(slot: number, base: number, entries: number): number {
    let gap = 0;
    let index = 0;
    while (index < entries && this.data[base + HEADER + 3 * index] === gap) {
      gap++;
      index++;
    }
    if (entries === INLINE_ENTRIES) return this.moveToHeap(slot, base).assign();
    const at = base + HEADER + 3 * index;
    this.data.copyWithin(at + 3, at, base + HEADER + 3 * entries);
    this.data[at] = gap;
    this.data[at + 1] = 1;
    this.data[at + 2] = 0;
    this.data[base]++;
    return gap;
  }

  /** The entry with the least activeconns × 256 + inactconns, the first position on ties. */
  private leastEntry(base: number, entries: number): number {
    let best = 0;
    let bestScore = Number.POSITIVE_INFINITY;
    for (let index = 0; index < entries; index++) {
      const at = base + HEADER + 3 * index;
      const score = this.data[at + 1] * 256 + this.data[at + 2];
      if (score < bestScore) [best, bestScore] = [index, score];
    }
    return best;
  }

  private entryAt(base: number, position: number): number {
    for (let index = 0; index < this.data[base]; index++) {
      const at = base + HEADER + 3 * index;
      if (this.data[at] === position) return at;
    }
    throw new Error(`IPVS lc: no connection counted at position ${position}`);
  }

  private moveToHeap(slot: number, base: number): LeastConnections {
    const heap = new LeastConnections(this.data[base + 1]);
    for (let index = 0; index < this.data[base]; index++) {
      const at = base + HEADER + 3 * index;
      heap.add(this.data[at], this.data[at + 1], this.data[at + 2]);
    }
    this.data[base] = ON_HEAP;
    this.heaps.set(slot, heap);
    return heap;
  }

  private newSlot(pair: number, destinations: number): number {
    const slot = this.freeSlots.pop() ?? this.slotsUsed++;
    if ((slot + 1) * STRIDE > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[slot * STRIDE] = 0;
    this.data[slot * STRIDE + 1] = destinations;
    this.slotOf.set(pair, slot);
    return slot;
  }

  private freeSlot(pair: number, slot: number): void {
    this.slotOf.delete(pair);
    this.heaps.delete(slot);
    this.freeSlots.push(slot);
  }
}
