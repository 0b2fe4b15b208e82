import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation.js';
import { s } from '../../src/engine/time.js';
import type { Connection } from './connection.js';
import { ConnectionPools } from './connection-pool.js';

function pools(limits: Partial<{ requestsPerConnection: number; maxIdlePerService: number; idleTimeout: number }> = {}) {
  const sim = new Simulation();
  const closed: Array<[Connection, number]> = [];
  const pool = new ConnectionPools(
    sim,
    { requestsPerConnection: 100, maxIdlePerService: 2, idleTimeout: s(90), ...limits },
    (connection) => closed.push([connection, sim.now]),
  );
  /** A connection that carried one request and is handed back now. */
  const used = (poolKey: number) => {
    const connection = pool.dial(poolKey, 0, poolKey, 0);
    connection.state = 'busy';
    connection.requestsCarried = 1;
    return connection;
  };
  return { sim, pool, closed, used };
}

describe('ConnectionPools (Go net/http Transport rules)', () => {
  it('hands out the most recently used idle connection first', () => {
    const { pool, used } = pools();
    const older = used(1);
    const newer = used(1);
    pool.release(older);
    pool.release(newer);
    expect(pool.takeIdle(1)).toBe(newer);
    expect(pool.takeIdle(1)).toBe(older);
    expect(pool.takeIdle(1)).toBeUndefined();
  });

  it('closes a connection freed beyond maxIdlePerService, or after its last request', () => {
    const { pool, closed, used } = pools({ requestsPerConnection: 1 });
    pool.release(used(1)); // carried its one allowed request
    expect(closed).toHaveLength(1);
    const { pool: roomy, closed: roomyClosed, used: roomyUsed } = pools({ maxIdlePerService: 1 });
    roomy.release(roomyUsed(1));
    roomy.release(roomyUsed(1));
    expect(roomyClosed).toHaveLength(1);
    expect(roomy.openConnections).toBe(1);
  });

  it('closes an idle connection exactly idleTimeout after it became idle', () => {
    const { sim, pool, closed, used } = pools();
    sim.run(s(5));
    pool.release(used(1));
    sim.run(s(200));
    expect(closed.map(([, at]) => at)).toEqual([s(95)]);
    expect(pool.openConnections).toBe(0);
  });

  it('does not close a connection reused before its timeout; it restarts the clock when idle again', () => {
    const { sim, pool, closed, used } = pools();
    const connection = used(1);
    pool.release(connection); // idle at 0 s
    sim.run(s(60));
    expect(pool.takeIdle(1)).toBe(connection);
    pool.release(connection); // idle again at 60 s
    sim.run(s(1000));
    expect(closed.map(([, at]) => at)).toEqual([s(150)]);
  });

  it('keeps one pending event for any number of idle connections', () => {
    const { sim, pool, closed, used } = pools();
    for (let key = 0; key < 1_000; key++) {
      sim.run(sim.now + 1_000);
      pool.release(used(key));
    }
    expect(sim.pendingEvents).toBe(1);
    sim.run();
    expect(closed).toHaveLength(1_000);
    // Each closed exactly 90 s after it became idle.
    expect(closed.every(([connection, at]) => at === connection.idleSince + s(90))).toBe(true);
  });
});
