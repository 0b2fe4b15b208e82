import type { Nanoseconds, Simulation } from '../../src/engine/index.js';
import { newConnection, resetConnection, type Connection } from '../core/connection.js';
import type { Request } from '../core/request.js';
import { ClientAgeLists } from './age-list.js';
import { IdleExpiry } from './idle-expiry.js';
import { PoolTable } from './pool-table.js';
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
 * when empty; a client pod's idle list is two references and a count in arrays indexed by client pod.
 */
export class ConnectionPools {
  /** One request per connection at a time (HTTP/1.1); see MultiplexedPools for HTTP/2. */
  readonly multiplexed = false;
  /**
   * Each pool's newest idle connection and how many it has idle; the pool's others are linked
   * through `olderInPool` and `newerInPool` (HTTP/2's pool links, free on HTTP/1.1).
   */
  private readonly idleByPool = new PoolTable<Connection>();
  private readonly idleByClient = new ClientAgeLists();
  private readonly idle: IdleExpiry;
  readonly waiting = new WaitingRequests();
  private openCount = 0;
  /** Records of closed connections, reused for new dials: no allocation per dial. */
  private readonly spare: Connection[] = [];

  constructor(
    sim: Simulation,
    private readonly limits: PoolLimits,
    private readonly onClose: (connection: Connection) => void,
  ) {
    this.idle = new IdleExpiry(sim, limits.idleTimeout, (connection) => this.expire(connection));
  }

  /** Connections dialled and not yet closed (dialling, busy or idle). */
  get openConnections(): number {
    return this.openCount;
  }

  /** Takes the pool's most recently used idle connection, or returns undefined. */
  takeIdle(poolKey: number): Connection | undefined {
    const connection = this.idleByPool.get(poolKey);
    if (connection === undefined) return undefined;
    this.removeFromPool(connection);
    this.idle.remove(connection);
    this.idleByClient.remove(connection);
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

  /** The request still waiting for dial `connection` (its dialler), which fails with it. */
  waiterOnDial(connection: Connection): Request | undefined {
    return connection.dialler;
  }

  /**
   * A request on `connection` is over: the connection goes back to its pool (`put`) if
   * `reusable`, else (its server closed it, or it broke) it closes.
   */
  release(connection: Connection, reusable: boolean): Request | undefined {
    if (!reusable) return this.closeUnused(connection);
    return this.put(connection);
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
    const pools = this.idleByPool;
    const slot = pools.find(connection.poolKey);
    const idleInPool = slot < 0 ? 0 : pools.numberAt(slot);
    if (idleInPool >= this.limits.maxIdlePerService) return this.close(connection);
    connection.olderInPool = undefined;
    connection.newerInPool = undefined;
    if (slot < 0) {
      pools.add(connection.poolKey, connection, 1);
    } else {
      const newest = pools.valueAt(slot);
      connection.olderInPool = newest;
      newest.newerInPool = connection;
      pools.setAt(slot, connection, idleInPool + 1);
    }
    connection.state = 'idle';
    this.idleByClient.append(connection);
    // The pod's longest-idle connection goes first, before this one joins the run's age list.
    if (this.limits.maxIdleConnections > 0 && this.idleByClient.length(connection.client) > this.limits.maxIdleConnections) {
      this.evict(this.idleByClient.oldest(connection.client) as Connection);
    }
    this.idle.add(connection);
  }

  /** Closes an idle connection before its time (MaxIdleConns). */
  private evict(connection: Connection): void {
    this.idle.remove(connection);
    this.expire(connection);
  }

  /** Closes an idle connection that left the run's age list (its idle timeout, or MaxIdleConns). */
  private expire(connection: Connection): void {
    this.removeFromPool(connection);
    this.idleByClient.remove(connection);
    this.close(connection);
  }

  /** Takes an idle connection out of its pool's list (taken for a request, or closed). */
  private removeFromPool(connection: Connection): void {
    const pools = this.idleByPool;
    const slot = pools.find(connection.poolKey);
    const left = pools.numberAt(slot) - 1;
    const { olderInPool: older, newerInPool: newer } = connection;
    if (older !== undefined) older.newerInPool = newer;
    if (newer !== undefined) newer.olderInPool = older;
    if (left === 0) pools.deleteAt(slot);
    else pools.setAt(slot, newer === undefined ? (older as Connection) : pools.valueAt(slot), left);
    connection.olderInPool = undefined;
    connection.newerInPool = undefined;
  }
}
