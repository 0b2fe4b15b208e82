/**
 * Active-connection counts of one Service's endpoints as one node's IPVS sees them, with the
 * least-loaded endpoint at hand: an indexed binary min-heap on (count, rank), so choosing and
 * updating cost O(log n) at any endpoint count (DESIGN.md §5 allows that for lc). Ties go to
 * the lowest rank, as ip_vs_lc.c keeps the first destination with the smallest overhead.
 */
export class LeastConnections {
  private readonly counts: Int32Array;
  /** heap[i] is an endpoint rank; position[rank] is where it sits in the heap. */
  private readonly heap: Int32Array;
  private readonly position: Int32Array;
  private activeCount = 0;

  constructor(endpoints: number) {
    this.counts = new Int32Array(endpoints);
    this.heap = Int32Array.from({ length: endpoints }, (_, i) => i);
    this.position = Int32Array.from({ length: endpoints }, (_, i) => i);
  }

  /** Connections counted on all endpoints. */
  get active(): number {
    return this.activeCount;
  }

  /** Picks the least-loaded endpoint and counts the new connection on it. */
  assign(): number {
    const rank = this.heap[0];
    this.counts[rank]++;
    this.activeCount++;
    this.siftDown(0);
    return rank;
  }

  /** A connection to `rank` closed. */
  release(rank: number): void {
    this.counts[rank]--;
    this.activeCount--;
    this.siftUp(this.position[rank]);
  }

  /** Connections counted on `rank` (for tests and reports). */
  countOf(rank: number): number {
    return this.counts[rank];
  }

  private less(a: number, b: number): boolean {
    const ca = this.counts[a];
    const cb = this.counts[b];
    return ca < cb || (ca === cb && a < b);
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
    this.position[b] = i;
    this.position[a] = j;
  }
}
