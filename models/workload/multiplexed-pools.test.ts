import { describe, expect, it } from 'vitest';
import { s, Simulation } from '../../src/engine/index.js';
import type { Connection } from '../core/connection.js';
import type { Request } from '../core/request.js';
import { testRequest } from '../core/testing/test-records.js';
import { MultiplexedPools } from './multiplexed-pools.js';

const POOL = 1;

function pools(maxConcurrentStreams = 2) {
  const sim = new Simulation();
  const closed: Array<[Connection, number]> = [];
  const pool = new MultiplexedPools(sim, { maxConcurrentStreams, idleTimeout: s(90) }, (connection) => closed.push([connection, sim.now]));
  /** What RequestFlow does to send a request on a connection: one more stream. */
  const send = (request: Request, connection: Connection) => {
    request.connection = connection;
    connection.streams++;
  };
  /** A request that finds no room: it waits, and maybe starts the pool's dial. */
  const waitFor = () => {
    const request = testRequest({ service: POOL });
    return { request, dial: pool.dial(POOL, request) };
  };
  /** A dial lands: the waiters take streams on the first connection with room, as RequestFlow does; returns the next dial. */
  const land = (connection: Connection) => {
    pool.open(connection);
    for (let waiter = pool.waiterOnDial(connection); waiter !== undefined; waiter = pool.waiterOnDial(connection)) {
      const taken = pool.takeIdle(POOL);
      if (taken === undefined) break;
      pool.stopWaiting(waiter);
      send(waiter, taken);
    }
    return pool.dialOver(connection);
  };
  return { sim, pool, closed, send, waitFor, land };
}

describe('MultiplexedPools (Go http2 Transport, client_conn_pool.go and transport.go)', () => {
  it('shares one dial among the requests that find no connection, and carries them all as streams of it', () => {
    const { pool, waitFor, land } = pools(10);
    const first = waitFor();
    const others = [waitFor(), waitFor(), waitFor()];
    expect(first.dial).toBeDefined();
    expect(others.map((o) => o.dial)).toEqual([undefined, undefined, undefined]);
    const connection = first.dial as Connection;
    expect(land(connection)).toBeUndefined();
    expect([first, ...others].map((o) => o.request.connection)).toEqual([connection, connection, connection, connection]);
    expect(connection.streams).toBe(4);
    expect(pool.openConnections).toBe(1);
  });

  it('dials another connection for the requests a full connection leaves waiting (StrictMaxConcurrentStreams false)', () => {
    const { pool, waitFor, land } = pools(2);
    const waiting = [waitFor(), waitFor(), waitFor()];
    const first = waiting[0].dial as Connection;
    const second = land(first) as Connection;
    expect(second).toBeDefined();
    expect(second.dialler).toBe(waiting[2].request);
    expect(waiting.map((w) => w.request.connection)).toEqual([first, first, undefined]);
    expect(land(second)).toBeUndefined();
    expect(waiting[2].request.connection).toBe(second);
    expect(pool.openConnections).toBe(2);
    // The oldest connection with room is taken first.
    first.streams--;
    pool.release(first, true);
    expect(pool.takeIdle(POOL)).toBe(first);
  });

  it('fails every request waiting for a dial that fails, then forgets the dial', () => {
    const { pool, closed, waitFor } = pools();
    const waiting = [waitFor(), waitFor()];
    const dial = waiting[0].dial as Connection;
    const failed: Request[] = [];
    for (let waiter = pool.waiterOnDial(dial); waiter !== undefined; waiter = pool.waiterOnDial(dial)) {
      pool.stopWaiting(waiter);
      failed.push(waiter);
    }
    pool.close(dial);
    expect(failed).toEqual(waiting.map((w) => w.request));
    expect(closed.map(([connection]) => connection)).toEqual([dial]);
    expect(waitFor().dial).toBeDefined(); // the next request dials afresh
  });

  it('closes a connection idleTimeout after its last stream ended, never after a number of requests', () => {
    const { sim, pool, closed, send, waitFor, land } = pools(2);
    const { request, dial } = waitFor();
    const connection = dial as Connection;
    land(connection);
    for (let i = 0; i < 1_000; i++) {
      connection.streams--;
      pool.release(connection, true);
      sim.run(sim.now + s(1));
      expect(pool.takeIdle(POOL)).toBe(connection);
      send(request, connection);
    }
    connection.streams--;
    pool.release(connection, true); // idle from 1,000 s on
    sim.run(s(5_000));
    expect(closed.map(([c, at]) => [c, at])).toEqual([[connection, s(1_090)]]);
  });

  it('takes no new stream on a connection after GOAWAY, and closes it when its last stream ends', () => {
    const { pool, closed, waitFor, land } = pools(10);
    const waiting = [waitFor(), waitFor()];
    const connection = waiting[0].dial as Connection;
    land(connection);
    expect(connection.streams).toBe(2);
    connection.streams--;
    pool.release(connection, false); // the server's GOAWAY, seen as a response comes back
    expect(pool.takeIdle(POOL)).toBeUndefined();
    expect(closed).toHaveLength(0); // one stream still in flight finishes
    connection.streams--;
    pool.release(connection, true);
    expect(closed.map(([c]) => c)).toEqual([connection]);
    expect(waitFor().dial).toBeDefined(); // the next request dials a new connection
  });
});
