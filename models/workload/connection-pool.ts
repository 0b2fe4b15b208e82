import type { Simulation } from '../../src/engine/simulation.js';
import type { Nanoseconds } from '../../src/engine/time.js';
import type { Connection } from './connection.js';

export interface PoolLimits {
  /** `workload.requestsPerConnection`. */
  readonly requestsPerConnection: number;
  /** `workload.maxIdlePerService`. */
  readonly maxIdlePerService: number;
  /** `workload.idleTimeout`. */
  readonly idleTimeout: Nanoseconds;
}

/**
 * Idle connections per (client pod, Service), as Go's net/http Transport keeps them
 * (transport.go): a request takes the most recently used idle connection, else the caller
 * dials; a freed connection goes back idle unless it carried its last request or the pool
 * already holds `maxIdlePerService`; an idle connection closes after `idleTimeout`.
 *
 * Memory is O(idle connections): a pool disappears when its last idle connection leaves.
 * Each connection has at most one pending timer, re-armed lazily when it fires, instead of a
 * timer cancelled at every reuse, so the event queue does not fill with dead timers.
 */
export class ConnectionPools {
  private readonly idleByKey = new Map<number, Connection[]>();
  private readonly onIdleTimer: (connection: Connection) => void;
  private openCount = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly limits: PoolLimits,
    private readonly onClose: (connection: Connection) => void,
  ) {
    this.onIdleTimer = this.checkIdle.bind(this);
  }

  /** Connections dialled and not yet closed (busy, idle or still dialling). */
  get openConnections(): number {
    return this.openCount;
  }

  /** Takes an idle connection of this pool, or returns undefined: the caller dials. */
  takeIdle(poolKey: number): Connection | undefined {
    const idle = this.idleByKey.get(poolKey);
    if (idle === undefined) return undefined;
    const connection = idle.pop() as Connection;
    if (idle.length === 0) this.idleByKey.delete(poolKey);
    connection.state = 'busy';
    return connection;
  }

  /** Counts a connection being dialled, so open connections include those in set-up. */
  opened(connection: Connection): void {
    connection.state = 'dialling';
    this.openCount++;
  }

  /** Gives a connection back after a response: kept idle, or closed. */
  release(connection: Connection): void {
    if (connection.requestsCarried >= this.limits.requestsPerConnection) return this.close(connection);
    let idle = this.idleByKey.get(connection.poolKey);
    if ((idle?.length ?? 0) >= this.limits.maxIdlePerService) return this.close(connection);
    if (idle === undefined) {
      idle = [];
      this.idleByKey.set(connection.poolKey, idle);
    }
    idle.push(connection);
    connection.state = 'idle';
    connection.idleSince = this.sim.now;
    if (connection.idleTimer === undefined) {
      connection.idleTimer = this.sim.schedule(this.limits.idleTimeout, this.onIdleTimer, connection);
    }
  }

  /** Closes a connection that failed or was never usable (no idle keeping). */
  close(connection: Connection): void {
    if (connection.state === 'closed') return;
    connection.state = 'closed';
    this.openCount--;
    this.onClose(connection);
  }

  private checkIdle(connection: Connection): void {
    connection.idleTimer = undefined;
    if (connection.state !== 'idle') return; // reused: it re-arms when it next goes idle
    const expiresAt = connection.idleSince + this.limits.idleTimeout;
    if (this.sim.now < expiresAt) {
      connection.idleTimer = this.sim.scheduleAt(expiresAt, this.onIdleTimer, connection);
      return;
    }
    this.removeIdle(connection);
    this.close(connection);
  }

  private removeIdle(connection: Connection): void {
    const idle = this.idleByKey.get(connection.poolKey) as Connection[];
    idle.splice(idle.indexOf(connection), 1); // at most maxIdlePerService entries
    if (idle.length === 0) this.idleByKey.delete(connection.poolKey);
  }
}
