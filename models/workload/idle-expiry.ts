import type { Nanoseconds, Simulation } from '../../src/engine/index.js';
import type { Connection } from '../core/connection.js';
import { AgeList } from './age-list.js';

/**
 * The run's idle connections, oldest first, and the one timer that closes them
 * `workload.idleTimeout` after they became idle (Go's IdleConnTimeout, for HTTP/1.1 pools and
 * HTTP/2 connections alike). The timeout is the same for every connection, so the oldest idle
 * one is always the next to expire, and one pending event replaces one per idle connection.
 */
export class IdleExpiry {
  private readonly byAge = new AgeList();
  private readonly onTimer: () => void;
  private armed = false;

  constructor(
    private readonly sim: Simulation,
    private readonly idleTimeout: Nanoseconds,
    /** Closes a connection whose time is up (it is already out of this list). */
    private readonly expire: (connection: Connection) => void,
  ) {
    this.onTimer = this.expireDue.bind(this);
  }

  /** `connection` became idle now; it expires `idleTimeout` from now unless taken out before. */
  add(connection: Connection): void {
    connection.idleSince = this.sim.now;
    this.byAge.append(connection);
    if (!this.armed) this.arm(connection);
  }

  /** `connection` is reused or closed before its time. */
  remove(connection: Connection): void {
    this.byAge.remove(connection);
  }

  /** Closes every idle connection whose timeout has passed, then waits for the next one. */
  private expireDue(): void {
    this.armed = false;
    let oldest = this.byAge.oldest;
    while (oldest !== undefined && oldest.idleSince + this.idleTimeout <= this.sim.now) {
      this.byAge.remove(oldest);
      this.expire(oldest);
      oldest = this.byAge.oldest;
    }
    if (oldest !== undefined) this.arm(oldest);
  }

  private arm(oldest: Connection): void {
    this.armed = true;
    this.sim.postAt(oldest.idleSince + this.idleTimeout, this.onTimer);
  }
}
