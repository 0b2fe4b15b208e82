import { mix32 } from '../../src/random/index.js';
import type { Connection } from '../workload/connection.js';
import { LeastConnections } from './least-connections.js';

/** One IPVS scheduler over every node's virtual servers (state keyed by node and Service). */
export interface IpvsScheduler {
  choose(connection: Connection): number;
  release(connection: Connection): void;
}

/** Each node's IPVS has its own virtual server per Service: state is keyed by the pair. */
function nodeServiceKey(connection: Connection, services: number): number {
  return connection.clientNode * services + connection.service;
}

/** Buckets of the source-hashing table (IP_VS_SH_TAB_BITS = 8 in ip_vs_sh.c). */
export const SH_BUCKETS = 256;

export function createIpvsScheduler(name: string, services: number, endpoints: number): IpvsScheduler {
  switch (name) {
    case 'rr':
      return new RoundRobin(services, endpoints);
    case 'lc':
      return new LeastConnectionScheduler(services, endpoints);
    case 'sh':
      return new SourceHashing(endpoints);
    default:
      throw new Error(`Unknown IPVS scheduler \`${name}\``);
  }
}

/**
 * rr: each node's virtual server walks its endpoints in turn (ip_vs_rr.c). Only the
 * (node, Service) pairs that got a connection hold a pointer, so memory stays O(pairs used).
 */
class RoundRobin implements IpvsScheduler {
  private readonly next = new Map<number, number>();

  constructor(
    private readonly services: number,
    private readonly endpoints: number,
  ) {}

  choose(connection: Connection): number {
    const key = nodeServiceKey(connection, this.services);
    const rank = this.next.get(key) ?? 0;
    this.next.set(key, rank + 1 === this.endpoints ? 0 : rank + 1);
    return rank;
  }

  release(): void {}
}

/**
 * lc: the endpoint with the fewest active connections that this node's IPVS scheduled. Only
 * (node, Service) pairs with open connections hold counts; a pair's counts are reused for
 * another pair once its last connection closes (all zero again, still a valid heap).
 */
class LeastConnectionScheduler implements IpvsScheduler {
  private readonly counts = new Map<number, LeastConnections>();
  private readonly spare: LeastConnections[] = [];

  constructor(
    private readonly services: number,
    private readonly endpoints: number,
  ) {}

  choose(connection: Connection): number {
    const key = nodeServiceKey(connection, this.services);
    let counts = this.counts.get(key);
    if (counts === undefined) {
      counts = this.spare.pop() ?? new LeastConnections(this.endpoints);
      this.counts.set(key, counts);
    }
    return counts.assign();
  }

  release(connection: Connection): void {
    const key = nodeServiceKey(connection, this.services);
    const counts = this.counts.get(key) as LeastConnections;
    counts.release(connection.endpointRank);
    if (counts.active > 0) return;
    this.counts.delete(key); // memory only for pairs with open connections
    this.spare.push(counts);
  }
}

/**
 * sh: the client pod's address hashes to one of 256 buckets, and bucket b holds endpoint
 * b mod n (ip_vs_sh.c fills the table cycling through the destinations), so a client pod
 * always reaches the same endpoint, and a Service with more than 256 endpoints uses only 256.
 */
class SourceHashing implements IpvsScheduler {
  constructor(private readonly endpoints: number) {}

  choose(connection: Connection): number {
    const bucket = mix32(connection.client) & (SH_BUCKETS - 1);
    return bucket % this.endpoints;
  }

  release(): void {}
}
