import type { Nanoseconds, Simulation } from '../../src/engine/index.js';
import { newConnection, resetConnection, type Connection } from '../core/connection.js';
import type { Request } from '../core/request.js';
import { IdleExpiry } from './idle-expiry.js';
import { WaitingRequests } from './waiting-requests.js';

export interface MultiplexedLimits {
  /** `workload.maxConcurrentStreams`: the server's SETTINGS_MAX_CONCURRENT_STREAMS. */
  readonly maxConcurrentStreams: number;
  /** `workload.idleTimeout`: a connection with no stream closes this long after its last one ended. */
  readonly idleTimeout: Nanoseconds;
}

/**
 * Every client pod's HTTP/2 connections, kept as Go's http2 Transport keeps them
 * (golang.org/x/net/http2, client_conn_pool.go and transport.go), one pool per (client pod,
 * Service):
 * - a request takes the first connection of its pool, oldest first, that can take one more
 *   stream (`getClientConn`: the first `cc.ReserveNewRequest()`): fewer than
 *   `maxConcurrentStreams` in flight and no GOAWAY;
 * - with none, it waits for the pool's dial, started if none is under way: dials are shared
 *   (`getStartDialLocked`: "a dial is already in-flight, don't start another"), and when one
 *   lands the waiters take streams first come, first served; those left over (the new
 *   connection is full too) start the next dial. This is the default
 *   `StrictMaxConcurrentStreams` false: a full connection means a new connection, not a queue.
 *   A dial that fails fails every request waiting for it (each gets `call.err`);
 * - a connection with no stream is idle and closes `idleTimeout` later (IdleConnTimeout);
 * - a connection whose server sent GOAWAY (its pod past preStop) or that broke takes no new
 *   stream and closes when its last one ends.
 * `requestsPerConnection`, `maxIdlePerService` and `maxIdleConnections` do not apply. Memory is
 * O(open connections + waiting requests); a request scans only its own pool's connections.
 */
export class MultiplexedPools {
  readonly multiplexed = true;
  /** The oldest established, usable connection of each pool; the rest are linked through `newerInPool`. */
  private readonly oldest = new Map<number, Connection>();
  private readonly newest = new Map<number, Connection>();
  /** The one dial under way per pool. */
  private readonly dialing = new Map<number, Connection>();
  readonly waiting = new WaitingRequests();
  private readonly idle: IdleExpiry;
  private openCount = 0;
  /** Records of closed connections, reused for new dials: no allocation per dial. */
  private readonly spare: Connection[] = [];

  constructor(
    sim: Simulation,
    private readonly limits: MultiplexedLimits,
    private readonly onClose: (connection: Connection) => void,
  ) {
    this.idle = new IdleExpiry(sim, limits.idleTimeout, (connection) => this.close(connection));
  }

  /** Connections dialled and not yet closed. */
  get openConnections(): number {
    return this.openCount;
  }

  /** The pool's first connection that can take one more stream (the caller sends on it now), or undefined. */
  takeIdle(poolKey: number): Connection | undefined {
    for (let connection = this.oldest.get(poolKey); connection !== undefined; connection = connection.newerInPool) {
      if (connection.streams >= this.limits.maxConcurrentStreams) continue;
      if (connection.streams === 0) this.idle.remove(connection);
      connection.state = 'busy';
      return connection;
    }
    return undefined;
  }

  /** `request` waits for its pool's dial: the one under way, or a new one, returned for the caller to run. */
  dial(poolKey: number, request: Request): Connection | undefined {
    this.waiting.push(poolKey, request);
    const underWay = this.dialing.get(poolKey);
    if (underWay !== undefined) {
      request.dial = underWay;
      return undefined;
    }
    return this.startDial(poolKey, request);
  }

  /** `request` stops waiting: it got a stream or failed. */
  stopWaiting(request: Request): void {
    const dial = request.dial as Connection;
    this.waiting.remove(dial.poolKey, request);
    if (dial.dialler === request) dial.dialler = undefined;
    request.dial = undefined;
  }

  /** The next request waiting for dial `connection`, while it is its pool's dial under way. */
  waiterOnDial(connection: Connection): Request | undefined {
    if (this.dialing.get(connection.poolKey) !== connection) return undefined;
    return this.waiting.first(connection.poolKey);
  }

  /** The dial landed: the connection joins its pool, idle until the waiters take its streams. */
  open(connection: Connection): void {
    connection.state = 'idle';
    const newest = this.newest.get(connection.poolKey);
    if (newest === undefined) this.oldest.set(connection.poolKey, connection);
    else newest.newerInPool = connection;
    connection.olderInPool = newest;
    this.newest.set(connection.poolKey, connection);
    this.idle.add(connection);
  }

  /**
   * The pool's dial is over and the waiters took what they could: if some still wait, the
   * first starts the next dial (returned for the caller to run), and all wait for that one.
   */
  dialOver(connection: Connection): Connection | undefined {
    const poolKey = connection.poolKey;
    if (this.dialing.get(poolKey) === connection) this.dialing.delete(poolKey);
    const first = this.waiting.first(poolKey);
    if (first === undefined || this.dialing.has(poolKey)) return undefined;
    const next = this.startDial(poolKey, first);
    for (let waiter = first.nextWaiting as Request; waiter !== first; waiter = waiter.nextWaiting as Request) waiter.dial = next;
    return next;
  }

  /**
   * A stream on `connection` ended (the caller has counted it off). If not `reusable` (GOAWAY,
   * or broken) the connection takes no new stream; with none left it closes, or idles.
   */
  release(connection: Connection, reusable: boolean): undefined {
    if (!reusable && !connection.goingAway) this.goAway(connection);
    if (connection.streams > 0) return undefined;
    if (connection.goingAway) this.close(connection);
    else {
      connection.state = 'idle';
      this.idle.add(connection);
    }
    return undefined;
  }

  /** Closes a connection: its dial failed, its idle time is up, or its last stream after GOAWAY ended. */
  close(connection: Connection): void {
    if (connection.state === 'closed') throw new Error('MultiplexedPools: a connection was closed twice');
    if (this.inPool(connection)) this.unlink(connection);
    if (this.dialing.get(connection.poolKey) === connection) this.dialing.delete(connection.poolKey);
    connection.state = 'closed';
    connection.dialler = undefined;
    this.openCount--;
    this.onClose(connection);
    this.spare.push(connection);
  }

  private startDial(poolKey: number, request: Request): Connection {
    const connection = resetConnection(this.spare.pop() ?? newConnection(), poolKey, request);
    this.openCount++;
    this.dialing.set(poolKey, connection);
    request.dial = connection;
    return connection;
  }

  /** No new stream goes on `connection` any more. */
  private goAway(connection: Connection): void {
    connection.goingAway = true;
    if (this.inPool(connection)) this.unlink(connection);
  }

  private inPool(connection: Connection): boolean {
    return connection.olderInPool !== undefined || this.oldest.get(connection.poolKey) === connection;
  }

  private unlink(connection: Connection): void {
    const { poolKey, olderInPool: older, newerInPool: newer } = connection;
    if (older === undefined) this.setOrDelete(this.oldest, poolKey, newer);
    else older.newerInPool = newer;
    if (newer === undefined) this.setOrDelete(this.newest, poolKey, older);
    else newer.olderInPool = older;
    connection.olderInPool = undefined;
    connection.newerInPool = undefined;
  }

  private setOrDelete(map: Map<number, Connection>, poolKey: number, connection: Connection | undefined): void {
    if (connection === undefined) map.delete(poolKey);
    else map.set(poolKey, connection);
  }
}
