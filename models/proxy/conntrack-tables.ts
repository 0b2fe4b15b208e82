import type { Nanoseconds } from '../../src/engine/index.js';
import { ExpiryFifo } from '../core/expiry-fifo.js';

export interface ConntrackLimits {
  /** Entries a node's table holds: max(maxPerCore × cores, min) (kube-proxy's rule). */
  readonly capacity: number;
  /** How long a closed TCP connection's entry lingers before its slot is free (TIME_WAIT). */
  readonly timeWaitTimeout: Nanoseconds;
  /** How long a UDP flow's entry lives after its last packet (a DNS exchange is not a "stream"). */
  readonly udpTimeout: Nanoseconds;
}

/** kube-proxy's conntrack sizing: max(conntrack.maxPerCore × cores, conntrack.min). */
export function conntrackCapacity(maxPerCore: number, min: number, nodeCores: number): number {
  return Math.max(maxPerCore * nodeCores, min);
}

/**
 * Every node's nf_conntrack table, as counts: an open connection holds an entry on each node
 * it crosses; a closed one keeps it for `timeWaitTimeout`; a new connection finding the table
 * full is dropped. The timeout is the same for all entries, so entries expire in the order
 * they closed: one FIFO of (expiry time, node) for the whole cluster replaces a timer per entry.
 * Expiring is amortised O(1) per connection, and one contiguous queue with a small array of
 * counts stays in cache where 5,000 per-node queues did not (docs/design.md, Scale).
 */
export class ConntrackTables {
  private readonly entries: Int32Array;
  /** One FIFO per timeout, so each stays in expiry order. */
  private readonly lingering = new ExpiryFifo({ payloads: true });
  private readonly lingeringUdp = new ExpiryFifo({ payloads: true });

  constructor(
    nodes: number,
    private readonly limits: ConntrackLimits,
  ) {
    this.entries = new Int32Array(nodes);
  }

  /** Whether `node` can take one more entry now (after freeing the expired ones). */
  hasRoom(node: number, now: Nanoseconds): boolean {
    this.expire(now);
    return this.entries[node] < this.limits.capacity;
  }

  /** Takes an entry on `node`; call after hasRoom. */
  add(node: number): void {
    this.entries[node]++;
  }

  /** The connection closed (or a UDP flow saw its last packet): its entry on `node` lingers, then frees its slot. */
  release(node: number, now: Nanoseconds, udp = false): void {
    const linger = udp ? this.limits.udpTimeout : this.limits.timeWaitTimeout;
    if (linger === 0) {
      this.entries[node]--;
      return;
    }
    (udp ? this.lingeringUdp : this.lingering).push(now + linger, node);
  }

  /** Entries held on `node` now (open and lingering). */
  count(node: number, now: Nanoseconds): number {
    this.expire(now);
    return this.entries[node];
  }

  private expire(now: Nanoseconds): void {
    while (this.lingering.hasExpired(now)) this.entries[this.lingering.shift()]--;
    while (this.lingeringUdp.hasExpired(now)) this.entries[this.lingeringUdp.shift()]--;
  }
}
