import type { Nanoseconds } from '../../src/engine/index.js';
import { ExpiryFifo } from '../core/expiry-fifo.js';

/**
 * What client pods remember of their own lookups (`workload.clientDnsCacheTTL`, as nscd or a
 * runtime's cache would): per (client pod, target), when the address expires. The TTL is the
 * same for all, so the expiries wait in one FIFO and expired entries leave as time passes:
 * memory follows the pairs resolved within one TTL, not every pair ever used.
 */
export class ClientDnsCache {
  private readonly expiresAt = new Map<number, Nanoseconds>();
  private readonly expiries = new ExpiryFifo({ payloads: true });

  constructor(private readonly ttl: Nanoseconds) {}

  get enabled(): boolean {
    return this.ttl > 0;
  }

  /** Whether `key` (a pool key: client × targets + target) has a fresh address at `now`. */
  has(key: number, now: Nanoseconds): boolean {
    this.forgetExpired(now);
    const expiry = this.expiresAt.get(key);
    return expiry !== undefined && expiry > now;
  }

  remember(key: number, now: Nanoseconds): void {
    this.expiresAt.set(key, now + this.ttl);
    this.expiries.push(now + this.ttl, key);
  }

  /** Drops entries whose time is up (an entry renewed since keeps its later expiry). */
  private forgetExpired(now: Nanoseconds): void {
    while (this.expiries.hasExpired(now)) {
      const key = this.expiries.shift();
      const expiry = this.expiresAt.get(key);
      if (expiry !== undefined && expiry <= now) this.expiresAt.delete(key);
    }
  }
}
