import type { Simulation } from '../../src/engine/simulation.js';
import type { Nanoseconds } from '../../src/engine/time.js';
import { newConnection, resetConnection, type Connection } from './connection.js';
import { IdleAgeList } from './idle-age-list.js';

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
 * Idle timeouts need one pending event in all: the idle connections are kept oldest first
 * (IdleAgeList), and a single timer waits for the oldest one's expiry.
 */
export class ConnectionPools {
  private readonly idleByKey = new Map<number, Connection[]>();
  private readonly byAge = new IdleAgeList();
  private readonly onIdleTimer: () => void;
  private idleTimerArmed = false;
  private openCount = 0;
  /** Records of closed connections, reused for new ones: no allocation per dial. */
  private readonly spare: Connection[] = [];

  constructor(
    private readonly sim: Simulation,
    private readonly limits: PoolLimits,
    private readonly onClose: (connection: Connection) => void,
  ) {
    this.onIdleTimer = this.expireIdle.bind(this);
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
    this.byAge.remove(connection);
    connection.state = 'busy';
    return connection;
  }

  /** A new connection being dialled (counted open from now on). */
  dial(poolKey: number, client: number, service: number, clientNode: number): Connection {
    const spare = this.spare.pop();
    const connection =
      spare === undefined
        ? newConnection(poolKey, client, service, clientNode)
        : resetConnection(spare, poolKey, client, service, clientNode);
    this.openCount++;
    return connection;
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
    this.byAge.append(connection);
    if (!this.idleTimerArmed) this.armIdleTimer(connection);
  }

  /** Closes a connection that failed or was never usable (no idle keeping). */
  close(connection: Connection): void {
    if (connection.state === 'closed') return;
    connection.state = 'closed';
    this.openCount--;
    this.onClose(connection);
    this.spare.push(connection);
  }

  /** Closes every idle connection whose timeout has passed, then waits for the next one. */
  private expireIdle(): void {
    this.idleTimerArmed = false;
    const timeout = this.limits.idleTimeout;
    let oldest = this.byAge.oldest;
    while (oldest !== undefined && oldest.idleSince + timeout <= this.sim.now) {
      this.byAge.remove(oldest);
      this.removeIdle(oldest);
      this.close(oldest);
      oldest = this.byAge.oldest;
    }
    if (oldest !== undefined) this.armIdleTimer(oldest);
  }

  private armIdleTimer(oldest: Connection): void {
    this.idleTimerArmed = true;
    this.sim.postAt(oldest.idleSince + this.limits.idleTimeout, this.onIdleTimer);
  }

  private removeIdle(connection: Connection): void {
    const idle = this.idleByKey.get(connection.poolKey) as Connection[];
    idle.splice(idle.indexOf(connection), 1); // at most maxIdlePerService entries
    if (idle.length === 0) this.idleByKey.delete(connection.poolKey);
  }
}
