/**
 * ip_vs_dest_conn_overhead (include/net/ip_vs.h): lc scores a destination by
 * activeconns × 256 + inactconns.
 */
export const ACTIVE_CONNECTION_WEIGHT = 256;

/**
 * One node's IPVS counters for one Service's destinations, by position in the node's list,
 * with the lowest-scoring destination at hand: an indexed binary min-heap on (score, position),
 * so choosing and updating cost O(log n) at any endpoint count (docs/design.md, Scale). Ties
 * go to the first position, as ip_vs_lc.c keeps the first destination with the smallest
 * overhead (a strict `<`). A connection counts active from its scheduling to its close, then
 * inactive until its IPVS entry expires (FIN_WAIT / TIME_WAIT).
 */
export class LeastConnections {
  private readonly active: Int32Array;
  private readonly inactive: Int32Array;
  /** heap[i] is a position; where[position] is its index in the heap. */
  private readonly heap: Int32Array;
  private readonly where: Int32Array;
  private tracked = 0;

  constructor(destinations: number) {
    this.active = new Int32Array(destinations);
    this.inactive = new Int32Array(destinations);
    this.heap = Int32Array.from({ length: destinations }, (_, i) => i);
    this.where = Int32Array.from({ length: destinations }, (_, i) => i);
  }

  /** Connections counted, active or inactive: 0 means the state may be dropped. */
  get connections(): number {
    return this.tracked;
  }

  /** Picks the lowest-scoring position and counts a new active connection on it. */
  assign(): number {
    const position = this.heap[0];
    this.active[position]++;
    this.tracked++;
    this.siftDown(0);
    return position;
  }

  /** A connection to `position` closed: it turns inactive until it expires. */
  close(position: number): void {
    this.active[position]--;
    this.inactive[position]++;
    this.siftUp(this.where[position]);
  }

  /** An inactive connection's entry at `position` expired. */
  expire(position: number): void {
    this.inactive[position]--;
    this.tracked--;
    this.siftUp(this.where[position]);
  }

  /** Counts connections already there (when a pair's counts move onto a heap). */
  add(position: number, active: number, inactive: number): void {
    this.active[position] += active;
    this.inactive[position] += inactive;
    this.tracked += active + inactive;
    this.siftDown(this.where[position]);
  }

  /** activeconns × 256 + inactconns of `position` (for tests and reports). */
  scoreOf(position: number): number {
    return this.active[position] * ACTIVE_CONNECTION_WEIGHT + this.inactive[position];
  }

  private less(a: number, b: number): boolean {
    const sa = this.scoreOf(a);
    const sb = this.scoreOf(b);
    return sa < sb || (sa === sb && a < b);
  }

  private siftUp(index: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(this.heap[i], this.heap[parent])) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(index: number): void {
    const size = this.heap.length;
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) return;
      const right = left + 1;
      const child = right < size && this.less(this.heap[right], this.heap[left]) ? right : left;
      if (!this.less(this.heap[child], this.heap[i])) return;
      this.swap(i, child);
      i = child;
    }
  }

  private swap(i: number, j: number): void {
    const a = this.heap[i];
    const b = this.heap[j];
    this.heap[i] = b;
    this.heap[j] = a;
    this.where[b] = i;
    this.where[a] = j;
  }
}
