import type { Nanoseconds } from '../../src/engine/index.js';
import { ExpiryFifo } from '../core/expiry-fifo.js';

export interface ConntrackLimits {
  /** Entries a node's table holds: max(maxPerCore × cores, min) (kube-proxy's rule). */
  readonly capacity: number;
  /** How long a closed connection's entry lingers before its slot is free (TIME_WAIT). */
  readonly timeWaitTimeout: Nanoseconds;
}

/** kube-proxy's conntrack sizing: max(conntrack.maxPerCore × cores, conntrack.min). */
export function conntrackCapacity(maxPerCore: number, min: number, nodeCores: number): number {
  return Math.max(maxPerCore * nodeCores, min);
}

/**
 * Every node's nf_conntrack table, as counts: an open connection holds an entry on each node
 * it crosses; a closed one keeps it for `timeWaitTimeout`; a new connection finding the table
 * full is dropped. The timeout is the same for all entries, so entries expire in the order
 * they closed: a FIFO of expiry times per node (built on first use) replaces a timer per
 * entry, and expiring is amortised O(1) per connection.
 */
export class ConntrackTables {
  private readonly entries: Int32Array;
  private readonly lingering: Array<ExpiryFifo | undefined>;

  constructor(
    nodes: number,
    private readonly limits: ConntrackLimits,
  ) {
    this.entries = new Int32Array(nodes);
    this.lingering = new Array(nodes);
  }

  /** Whether `node` can take one more entry now (after freeing the expired ones). */
  hasRoom(node: number, now: Nanoseconds): boolean {
    this.expire(node, now);
    return this.entries[node] < this.limits.capacity;
  }

  /** Takes an entry on `node`; call after hasRoom. */
  add(node: number): void {
    this.entries[node]++;
  }

  /** The connection closed: its entry on `node` lingers, then frees its slot. */
  release(node: number, now: Nanoseconds): void {
    if (this.limits.timeWaitTimeout === 0) {
      this.entries[node]--;
      return;
    }
    let queue = this.lingering[node];
    if (queue === undefined) queue = this.lingering[node] = new ExpiryFifo();
    queue.push(now + this.limits.timeWaitTimeout);
  }

  /** Entries held on `node` now (open and lingering). */
  count(node: number, now: Nanoseconds): number {
    this.expire(node, now);
    return this.entries[node];
  }

  private expire(node: number, now: Nanoseconds): void {
    const queue = this.lingering[node];
    if (queue !== undefined) this.entries[node] -= queue.expire(now);
  }
}
