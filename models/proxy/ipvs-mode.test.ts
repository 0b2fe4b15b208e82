import { describe, expect, it } from 'vitest';
import { newConnection } from '../workload/connection.js';
import { IPVS_SERVICE_BUCKETS, ipvsBucket, ipvsChainLengths, IpvsMode } from './ipvs-mode.js';
import { createIpvsScheduler, SH_BUCKETS } from './ipvs-schedulers.js';
import type { LookupCost } from './proxy-mode.js';

function connection(client: number, service: number, node = 0) {
  return newConnection(client * 1000 + service, client, service, node);
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
    const ipvs = new IpvsMode({
      services: 30_000,
      scheduler: createIpvsScheduler('rr', 30_000, 10),
      connectionCost: 8_000,
      entryCost: 100,
    });
    const cost: LookupCost = { rules: 0, clientNodeNs: 0, serverNodeNs: 0 };
    ipvs.lookupCost(connection(1, 42), true, cost);
    expect(cost.clientNodeNs).toBe(8_000 + cost.rules * 100);
    expect(cost.serverNodeNs).toBe(0);
  });
});

describe('IPVS schedulers', () => {
  it('rr walks a Service\'s endpoints in turn on each node', () => {
    const rr = createIpvsScheduler('rr', 10, 3);
    const picks = Array.from({ length: 7 }, () => rr.choose(connection(5, 2, 0)));
    expect(picks).toEqual([0, 1, 2, 0, 1, 2, 0]);
    expect(rr.choose(connection(5, 2, 1))).toBe(0); // another node has its own pointer
  });

  it('lc sends a new connection to the least-loaded endpoint', () => {
    const lc = createIpvsScheduler('lc', 10, 3);
    const open = [0, 1, 2, 3].map((i) => {
      const c = connection(i, 4);
      c.endpointRank = lc.choose(c);
      return c;
    });
    expect(open.map((c) => c.endpointRank)).toEqual([0, 1, 2, 0]);
    lc.release(open[2]); // endpoint 2 now has no connection, 0 has two, 1 has one
    expect(lc.choose(connection(9, 4))).toBe(2);
  });

  it('sh keeps a client pod on one endpoint, and spreads clients over all of them', () => {
    const sh = createIpvsScheduler('sh', 10, 5);
    for (const client of [0, 1, 77, 4999]) {
      const first = sh.choose(connection(client, 3));
      for (let i = 0; i < 20; i++) expect(sh.choose(connection(client, 3, i % 4))).toBe(first);
    }
    const reached = new Set(Array.from({ length: 500 }, (_, client) => sh.choose(connection(client, 3))));
    expect(reached.size).toBe(5);
  });

  it('sh reaches at most 256 endpoints of a larger Service, as its 256-bucket table does', () => {
    const sh = createIpvsScheduler('sh', 1, 1000);
    const reached = new Set(Array.from({ length: 20_000 }, (_, client) => sh.choose(connection(client, 0))));
    expect(reached.size).toBe(SH_BUCKETS);
  });
});
