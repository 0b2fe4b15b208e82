import { describe, expect, it } from 'vitest';
import { s, Simulation } from '../../src/engine/index.js';
import type { Connection } from '../core/connection.js';
import { testRequest } from '../core/testing/test-records.js';
import { ConnectionPools, type PoolLimits } from './connection-pools.js';

function pools(limits: Partial<PoolLimits> = {}) {
  const sim = new Simulation();
  const closed: Array<[Connection, number]> = [];
  const pool = new ConnectionPools(
    sim,
    { requestsPerConnection: 100, maxIdlePerService: 2, maxIdleConnections: 100, idleTimeout: s(90), ...limits },
    (connection) => closed.push([connection, sim.now]),
  );
  /** A dial by a request of `client` to `service`, established and handed to it (it stops waiting). */
  const established = (service: number, client = 0) => {
    const request = testRequest({ client, service });
    const connection = pool.dial(client * 1000 + service, request);
    pool.stopWaiting(request);
    connection.state = 'busy';
    connection.requestsCarried = 1;
    return connection;
  };
  return { sim, pool, closed, established };
}

describe('ConnectionPools (Go net/http Transport, transport.go)', () => {
  it('hands out the most recently used idle connection first', () => {
    const { pool, established } = pools();
    const older = established(1);
    const newer = established(1);
    pool.put(older);
    pool.put(newer);
    expect(pool.takeIdle(1)).toBe(newer);
    expect(pool.takeIdle(1)).toBe(older);
    expect(pool.takeIdle(1)).toBeUndefined();
  });

  it('closes a connection put back beyond maxIdlePerService, or after its last request', () => {
    const { pool, closed, established } = pools({ requestsPerConnection: 1 });
    pool.put(established(1)); // carried its one allowed request
    expect(closed).toHaveLength(1);
    const roomy = pools({ maxIdlePerService: 1 });
    roomy.pool.put(roomy.established(1));
    roomy.pool.put(roomy.established(1));
    expect(roomy.closed).toHaveLength(1);
    expect(roomy.pool.openConnections).toBe(1);
  });

  it('closes an idle connection exactly idleTimeout after it became idle', () => {
    const { sim, pool, closed, established } = pools();
    sim.run(s(5));
    pool.put(established(1));
    sim.run(s(200));
    expect(closed.map(([, at]) => at)).toEqual([s(95)]);
    expect(pool.openConnections).toBe(0);
  });

  it('does not close a connection reused before its timeout; it restarts the clock when idle again', () => {
    const { sim, pool, closed, established } = pools();
    const connection = established(1);
    pool.put(connection); // idle at 0 s
    sim.run(s(60));
    expect(pool.takeIdle(1)).toBe(connection);
    pool.put(connection); // idle again at 60 s
    sim.run(s(1000));
    expect(closed.map(([, at]) => at)).toEqual([s(150)]);
  });

  it('keeps one pending event for any number of idle connections', () => {
    const { sim, pool, closed, established } = pools();
    for (let service = 0; service < 1_000; service++) {
      sim.run(sim.now + 1_000);
      pool.put(established(service % 100, Math.floor(service / 100)));
    }
    expect(sim.pendingEvents).toBe(1);
    sim.run();
    expect(closed).toHaveLength(1_000);
    // Each closed exactly 90 s after it became idle.
    expect(closed.every(([connection, at]) => at === connection.idleSince + s(90))).toBe(true);
  });

  it('hands a connection put back to the longest-waiting request of its pool before keeping it idle (tryPutIdleConn)', () => {
    const { pool, closed, established } = pools();
    const first = testRequest({ service: 1 });
    const second = testRequest({ service: 1 });
    const firstDial = pool.dial(1, first);
    pool.dial(1, second);
    const other = testRequest({ service: 2 });
    pool.dial(2, other);
    const freed = established(1);
    expect(pool.put(freed)).toBe(first); // first in, first served; pool 2's request is not eligible
    expect(first.dial).toBeUndefined();
    expect(firstDial.dialler).toBeUndefined(); // its dial goes on, for nobody
    expect(pool.put(established(1))).toBe(second);
    expect(pool.put(established(1))).toBeUndefined(); // nobody waits: kept idle
    expect(closed).toHaveLength(0);
    // The first request's dial finishes later: with nobody waiting, it is kept idle too.
    firstDial.state = 'busy';
    expect(pool.put(firstDial)).toBeUndefined();
    expect(pool.takeIdle(1)).toBe(firstDial);
  });

  it('closes the client pod\'s longest-idle connection beyond maxIdleConnections, across its pools but not other pods\' (idleLRU)', () => {
    const { sim, pool, closed, established } = pools({ maxIdleConnections: 3 });
    const ofClient0 = [0, 1, 2].map((service) => established(service, 0));
    const ofClient1 = [0, 1, 2].map((service) => established(service, 1));
    for (const connection of [...ofClient0, ...ofClient1]) {
      sim.run(sim.now + 1);
      pool.put(connection);
    }
    expect(closed).toHaveLength(0);
    sim.run(sim.now + 1);
    pool.put(established(3, 0)); // a fourth idle connection of client 0: its oldest (Service 0) goes
    expect(closed.map(([connection]) => connection)).toEqual([ofClient0[0]]);
    expect(pool.takeIdle(0)).toBeUndefined();
    expect(pool.takeIdle(1000)).toBe(ofClient1[0]);
  });
});
