import { describe, expect, it } from 'vitest';
import { s, Simulation } from '../../src/engine/index.js';
import { testCluster } from '../cluster/testing/test-cluster.js';
import { HOLDS_SCHEDULER_SLOT } from '../core/connection.js';
import { testConnection } from '../core/testing/test-records.js';
import { DestinationOrders } from './destination-order.js';
import { IPVS_SERVICE_BUCKETS, ipvsBucket, ipvsChainLengths, IpvsMode } from './ipvs-mode.js';
import { createIpvsScheduler, SH_BUCKETS, type SchedulerContext } from './ipvs-schedulers.js';
import type { LookupCost } from './proxy-mode.js';

function context(overrides: Partial<SchedulerContext> = {}): SchedulerContext {
  const cluster = testCluster({ nodes: 10, services: 10, endpointsPerService: 3 });
  return { sim: new Simulation(), cluster, orders: new DestinationOrders(42), finTimeout: s(120), ...overrides };
}

describe('IPVS service table', () => {
  it('walks the Services created after it in its bucket, plus itself (head insertion)', () => {
    const services = 2_000;
    const walked = ipvsChainLengths(services);
    for (const service of [0, 17, 1999]) {
      let later = 0;
      for (let other = service + 1; other < services; other++) if (ipvsBucket(other) === ipvsBucket(service)) later++;
      expect(walked[service]).toBe(later + 1);
    }
  });

  it('walks about S/512 entries on average, as a 256-bucket chained hash table does', () => {
    for (const services of [5_000, 30_000]) {
      const walked = ipvsChainLengths(services);
      const mean = walked.reduce((sum, n) => sum + n, 0) / services;
      // Mean position in a chain of length L is (L + 1)/2; with L ≈ S/256 that is S/512 + 1/2.
      expect(mean).toBeGreaterThan(services / (2 * IPVS_SERVICE_BUCKETS));
      expect(mean).toBeLessThan(services / (2 * IPVS_SERVICE_BUCKETS) + 1.5);
    }
  });

  it('costs the fixed connection cost plus the chain walk, on the client node only', () => {
    const ipvs = new IpvsMode({ services: 30_000, scheduler: createIpvsScheduler('rr', context()), connectionCost: 8_000, entryCost: 100 });
    const cost: LookupCost = { rules: 0, clientNodeNs: 0, serverNodeNs: 0 };
    ipvs.lookupCost(testConnection({ service: 42 }), true, cost);
    expect(cost.clientNodeNs).toBe(8_000 + cost.rules * 100);
    expect(cost.serverNodeNs).toBe(0);
    expect(ipvs.chooseEndpoint(testConnection({ service: 1 }), 3)).toBeLessThan(3);
  });
});

describe('IPVS schedulers (kernel ip_vs_rr.c, ip_vs_lc.c, ip_vs_sh.c over each node\'s own order)', () => {
  it('rr starts at the first destination of the node\'s list and moves on from where it left off', () => {
    const ctx = context();
    const rr = createIpvsScheduler('rr', ctx);
    const picks = Array.from({ length: 7 }, () => rr.choose(testConnection({ service: 2, clientNode: 0 }), 3));
    const list = [0, 1, 2].map((position) => ctx.orders.endpointAt(0, 2, 3, position));
    expect(picks).toEqual([...list, ...list, list[0]]);
    // Another node has its own list and its own pointer, starting at its own first destination.
    expect(rr.choose(testConnection({ service: 2, clientNode: 1 }), 3)).toBe(ctx.orders.endpointAt(1, 2, 3, 0));
  });

  it('lc sends a new connection to the least activeconns × 256 + inactconns, and counts a closed one until its FIN timeout', () => {
    const ctx = context();
    const lc = createIpvsScheduler('lc', ctx);
    const list = [0, 1, 2].map((position) => ctx.orders.endpointAt(0, 4, 3, position));
    const open = [0, 1, 2, 3].map((client) => {
      const connection = testConnection({ client, service: 4 });
      connection.endpointIndex = lc.choose(connection, 3);
      return connection;
    });
    expect(open.map((c) => c.endpointIndex)).toEqual([list[0], list[1], list[2], list[0]]);
    expect(open.every((c) => (c.holds & HOLDS_SCHEDULER_SLOT) !== 0)).toBe(true);
    lc.release(open[2], 3); // list[2]: 0 active, 1 inactive → the least loaded
    expect(lc.choose(testConnection({ client: 9, service: 4 }), 3)).toBe(list[2]);
    lc.release(open[1], 3); // list[1]: 0 active, 1 inactive; list[2]: 1 active, 1 inactive
    ctx.sim.run(s(121)); // the inactive entries expire
    const next = testConnection({ client: 10, service: 4 });
    expect(lc.choose(next, 3)).toBe(list[1]);
  });

  it('sh keeps a client pod on one endpoint, and spreads clients over all of them', () => {
    const sh = createIpvsScheduler('sh', context());
    for (const client of [0, 1, 77, 4999]) {
      const first = sh.choose(testConnection({ client, service: 3, clientNode: 2 }), 5);
      for (let i = 0; i < 20; i++) expect(sh.choose(testConnection({ client, service: 3, clientNode: 2 }), 5)).toBe(first);
    }
    const reached = new Set(Array.from({ length: 500 }, (_, client) => sh.choose(testConnection({ client, service: 3 }), 5)));
    expect(reached.size).toBe(5);
  });

  it('sh reaches at most 256 endpoints of a larger Service, as its 256-bucket table does', () => {
    const cluster = testCluster({ nodes: 10, services: 1, endpointsPerService: 1000 });
    const sh = createIpvsScheduler('sh', context({ cluster }));
    const reached = new Set(Array.from({ length: 20_000 }, (_, client) => sh.choose(testConnection({ client, service: 0 }), 1000)));
    expect(reached.size).toBe(SH_BUCKETS);
  });
});
