import type { Nanoseconds, Simulation } from '../../src/engine/index.js';
import { newConnection, resetConnection, type Connection } from '../core/connection.js';
import type { Request } from '../core/request.js';
import { AgeList } from './age-list.js';
import { WaitingRequests } from './waiting-requests.js';

export interface PoolLimits {
  /** `workload.requestsPerConnection`. */
  readonly requestsPerConnection: number;
  /** `workload.maxIdlePerService` (Go's MaxIdleConnsPerHost). */
  readonly maxIdlePerService: number;
  /** `workload.maxIdleConnections` (Go's MaxIdleConns, per client pod; 0 = no limit). */
  readonly maxIdleConnections: number;
  /** `workload.idleTimeout`. */
  readonly idleTimeout: Nanoseconds;
}

/**
 * Every client pod's connections, kept as Go's net/http Transport keeps them (transport.go):
 * - a request takes the most recently used idle connection of its (client pod, Service) pool
 *   (LIFO), else it waits in the pool's queue and dials (`getConn`: queueForIdleConn, then
 *   queueForDial);
 * - a connection put back (`tryPutIdleConn`) goes first to the longest-waiting request of its
 *   pool, else idle — unless it carried its last request or the pool already holds
 *   `maxIdlePerService` (then it closes); over `maxIdleConnections` idle in the client pod, the
 *   pod's longest-idle connection closes;
 * - an idle connection closes after `idleTimeout`: the run's idle connections are kept oldest
 *   first and one timer waits for the oldest one's expiry.
 * Memory is O(open connections + waiting requests + client pods): a pool's state disappears
 * when empty; a client pod's list of idle connections is kept once made (one small object).
 */
export class ConnectionPools {
  private readonly idleByPool = new Map<number, Connection[]>();
  private readonly idleByClient = new Map<number, AgeList>();
  private readonly byAge = new AgeList('run');
  readonly waiting = new WaitingRequests();
  private readonly onIdleTimer: () => void;
  private idleTimerArmed = false;
  private openCount = 0;
  /** Records of closed connections, reused for new dials: no allocation per dial. */
  private readonly spare: Connection[] = [];

  constructor(
    private readonly sim: Simulation,
    private readonly limits: PoolLimits,
    private readonly onClose: (connection: Connection) => void,
  ) {
    this.onIdleTimer = this.expireIdle.bind(this);
  }

  /** Connections dialled and not yet closed (dialling, busy or idle). */
  get openConnections(): number {
    return this.openCount;
  }

  /** Takes the pool's most recently used idle connection, or returns undefined. */
  takeIdle(poolKey: number): Connection | undefined {
    const idle = this.idleByPool.get(poolKey);
    if (idle === undefined) return undefined;
    const connection = idle.pop() as Connection;
    if (idle.length === 0) this.idleByPool.delete(poolKey);
    this.forgetIdle(connection);
    connection.state = 'busy';
    return connection;
  }

  /** Queues `request` for pool `poolKey` and starts its dial (counted open from now on). */
  dial(poolKey: number, request: Request): Connection {
    const connection = resetConnection(this.spare.pop() ?? newConnection(), poolKey, request);
    this.openCount++;
    this.waiting.push(poolKey, request);
    request.dial = connection;
    return connection;
  }

  /** `request` stops waiting: it got a connection or failed. Its dial, if still under way, goes on without it. */
  stopWaiting(request: Request): void {
    const dial = request.dial as Connection;
    this.waiting.remove(dial.poolKey, request);
    if (dial.dialler === request) dial.dialler = undefined;
    request.dial = undefined;
  }

  /**
   * A usable connection comes back (a response arrived, or a dial finished with nobody waiting
   * for it): returns the waiting request it was handed to, or undefined once it is idle or closed.
   */
  put(connection: Connection): Request | undefined {
    if (connection.requestsCarried >= this.limits.requestsPerConnection) return this.closeUnused(connection);
    const waiter = this.waiting.first(connection.poolKey);
    if (waiter !== undefined) {
      this.stopWaiting(waiter);
      return waiter;
    }
    this.keepIdle(connection);
    return undefined;
  }

  /** Closes a connection: its dial failed, or it is not kept. */
  close(connection: Connection): void {
    if (connection.state === 'closed') throw new Error('ConnectionPools: a connection was closed twice');
    connection.state = 'closed';
    connection.dialler = undefined;
    this.openCount--;
    this.onClose(connection);
    this.spare.push(connection);
  }

  private closeUnused(connection: Connection): undefined {
    this.close(connection);
    return undefined;
  }

  private keepIdle(connection: Connection): void {
    let idle = this.idleByPool.get(connection.poolKey);
    if ((idle?.length ?? 0) >= this.limits.maxIdlePerService) return this.close(connection);
    if (idle === undefined) this.idleByPool.set(connection.poolKey, (idle = []));
    idle.push(connection);
    connection.state = 'idle';
    connection.idleSince = this.sim.now;
    this.byAge.append(connection);
    const ofClient = this.clientList(connection.client);
    ofClient.append(connection);
    if (this.limits.maxIdleConnections > 0 && ofClient.length > this.limits.maxIdleConnections) {
      this.evict(ofClient.oldest as Connection);
    }
    if (!this.idleTimerArmed) this.armIdleTimer(connection);
  }

  /** Closes an idle connection before its time (idle timeout or MaxIdleConns). */
  private evict(connection: Connection): void {
    this.removeFromPool(connection);
    this.forgetIdle(connection);
    this.close(connection);
  }

  /** Closes every idle connection whose timeout has passed, then waits for the next one. */
  private expireIdle(): void {
    this.idleTimerArmed = false;
    const timeout = this.limits.idleTimeout;
    let oldest = this.byAge.oldest;
    while (oldest !== undefined && oldest.idleSince + timeout <= this.sim.now) {
      this.evict(oldest);
      oldest = this.byAge.oldest;
    }
    if (oldest !== undefined) this.armIdleTimer(oldest);
  }

  private armIdleTimer(oldest: Connection): void {
    this.idleTimerArmed = true;
    this.sim.postAt(oldest.idleSince + this.limits.idleTimeout, this.onIdleTimer);
  }

  private clientList(client: number): AgeList {
    let list = this.idleByClient.get(client);
    if (list === undefined) this.idleByClient.set(client, (list = new AgeList('client')));
    return list;
  }

  /** Takes an idle connection out of the age lists (it is reused or closed). */
  private forgetIdle(connection: Connection): void {
    this.byAge.remove(connection);
    (this.idleByClient.get(connection.client) as AgeList).remove(connection);
  }

  private removeFromPool(connection: Connection): void {
    const idle = this.idleByPool.get(connection.poolKey) as Connection[];
    idle.splice(idle.indexOf(connection), 1); // at most maxIdlePerService entries
    if (idle.length === 0) this.idleByPool.delete(connection.poolKey);
  }
}
