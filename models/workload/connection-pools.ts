import type { Nanoseconds, Simulation } from '../../src/engine/index.js';
import { newConnection, resetConnection, type Connection } from '../core/connection.js';
import type { Request } from '../core/request.js';
import { AgeList } from './age-list.js';
import { IdleExpiry } from './idle-expiry.js';
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
  /** One request per connection at a time (HTTP/1.1); see MultiplexedPools for HTTP/2. */
  readonly multiplexed = false;
  private readonly idleByPool = new Map<number, Connection[]>();
  private readonly idleByClient = new Map<number, AgeList>();
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
    const idle = this.idleByPool.get(poolKey);
    if (idle === undefined) return undefined;
    const connection = idle.pop() as Connection;
    if (idle.length === 0) this.idleByPool.delete(poolKey);
    this.idle.remove(connection);
    (this.idleByClient.get(connection.client) as AgeList).remove(connection);
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
    let idle = this.idleByPool.get(connection.poolKey);
    if ((idle?.length ?? 0) >= this.limits.maxIdlePerService) return this.close(connection);
    if (idle === undefined) this.idleByPool.set(connection.poolKey, (idle = []));
    idle.push(connection);
    connection.state = 'idle';
    const ofClient = this.clientList(connection.client);
    ofClient.append(connection);
    // The pod's longest-idle connection goes first, before this one joins the run's age list.
    if (this.limits.maxIdleConnections > 0 && ofClient.length > this.limits.maxIdleConnections) {
      this.evict(ofClient.oldest as Connection);
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
    (this.idleByClient.get(connection.client) as AgeList).remove(connection);
    this.close(connection);
  }

  private clientList(client: number): AgeList {
    let list = this.idleByClient.get(client);
    if (list === undefined) this.idleByClient.set(client, (list = new AgeList('client')));
    return list;
  }

  private removeFromPool(connection: Connection): void {
    const idle = this.idleByPool.get(connection.poolKey) as Connection[];
    idle.splice(idle.indexOf(connection), 1); // at most maxIdlePerService entries
    if (idle.length === 0) this.idleByPool.delete(connection.poolKey);
  }
}
