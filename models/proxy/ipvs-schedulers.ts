import type { Simulation } from '../../src/engine/index.js';
import type { Cluster } from '../cluster/cluster.js';
import { ExpiryFifo } from '../core/expiry-fifo.js';
import { HOLDS_SCHEDULER_SLOT, type Connection } from '../core/connection.js';
import type { DestinationOrders } from './destination-order.js';
import { LeastConnectionTable } from './least-connection-table.js';

/** One IPVS scheduler over every node's virtual servers (state keyed by node and Service). */
export interface IpvsScheduler {
  /** Endpoint index among the Service's `endpoints` for a new connection from the client's node. */
  choose(connection: Connection, endpoints: number): number;
  /** Gives back what `choose` took (only schedulers that mark HOLDS_SCHEDULER_SLOT). */
  release(connection: Connection, endpoints: number): void;
}

export interface SchedulerContext {
  readonly sim: Simulation;
  readonly cluster: Cluster;
  readonly orders: DestinationOrders;
  /** proxy.ipvs.tcpFinTimeout: how long a closed connection stays in inactconns. */
  readonly finTimeout: number;
}

/** Each node's IPVS has its own virtual server per Service (kube-dns included, numbered `services`): state is keyed by the pair. */
function nodeServiceKey(connection: Connection, services: number): number {
  return connection.clientNode * (services + 1) + connection.service;
}

/** Buckets of the source-hashing table (IP_VS_SH_TAB_BITS = 8 in ip_vs_sh.c). */
export const SH_BUCKETS = 256;

export function createIpvsScheduler(name: 'rr' | 'lc' | 'sh', context: SchedulerContext): IpvsScheduler {
  switch (name) {
    case 'rr':
      return new RoundRobin(context);
    case 'lc':
      return new LeastConnectionScheduler(context);
    case 'sh':
      return new SourceHashing(context);
  }
}

/**
 * rr (ip_vs_rr.c): `sched_data` starts at the list head, so a node's first connection to a
 * Service goes to the first destination in its own order; each later one goes to the next
 * after wherever the previous one left the pointer, wrapping around. The kernel keeps that
 * pointer for every virtual server for ever; here only the (node, Service) pairs that got a
 * connection hold one, in a map per node (a single map of 5,000 × 30,000 pairs would pass V8's
 * limit of about 16.7 million entries).
 */
class RoundRobin implements IpvsScheduler {
  private readonly nextPositionByNode: Array<Map<number, number> | undefined>;

  constructor(private readonly context: SchedulerContext) {
    this.nextPositionByNode = new Array(context.cluster.nodes);
  }

  choose(connection: Connection, endpoints: number): number {
    const { clientNode, service } = connection;
    const pointers = this.nextPositionByNode[clientNode] ?? (this.nextPositionByNode[clientNode] = new Map());
    const position = (pointers.get(service) ?? 0) % endpoints;
    pointers.set(service, position + 1 === endpoints ? 0 : position + 1);
    return this.context.orders.endpointAt(connection.clientNode, connection.service, endpoints, position);
  }

  release(): void {}
}

/** Positions fit in 17 bits (endpoints per Service are at most 100,000), so (pair, position) packs in one number. */
const POSITION_SPACE = 2 ** 17;

/**
 * lc (ip_vs_lc.c): the destination with the least activeconns × 256 + inactconns, the first in
 * the node's order on ties; a closed connection stays in inactconns until its entry expires
 * after proxy.ipvs.tcpFinTimeout. Only (node, Service) pairs with counted connections hold
 * state (LeastConnectionTable); the expiries of all pairs wait in one FIFO (the timeout is the
 * same for all).
 */
class LeastConnectionScheduler implements IpvsScheduler {
  private readonly table = new LeastConnectionTable();
  private readonly expiries = new ExpiryFifo({ payloads: true });

  constructor(private readonly context: SchedulerContext) {}

  choose(connection: Connection, endpoints: number): number {
    this.expireDue();
    const position = this.table.assign(nodeServiceKey(connection, this.context.cluster.services), endpoints);
    connection.holds |= HOLDS_SCHEDULER_SLOT;
    return this.context.orders.endpointAt(connection.clientNode, connection.service, endpoints, position);
  }

  release(connection: Connection, endpoints: number): void {
    const key = nodeServiceKey(connection, this.context.cluster.services);
    const position = this.context.orders.positionOf(connection.clientNode, connection.service, endpoints, connection.endpointIndex);
    this.table.close(key, position);
    if (this.context.finTimeout > 0) {
      this.expiries.push(this.context.sim.now + this.context.finTimeout, key * POSITION_SPACE + position);
    } else {
      this.table.expire(key, position);
    }
  }

  private expireDue(): void {
    const now = this.context.sim.now;
    while (this.expiries.hasExpired(now)) {
      const packed = this.expiries.shift();
      const key = Math.floor(packed / POSITION_SPACE);
      this.table.expire(key, packed - key * POSITION_SPACE);
    }
  }
}

/**
 * sh (ip_vs_sh.c): the 256-bucket table is filled walking the node's destination list, weight
 * 1 each, so bucket b holds the destination at position b mod n; the bucket is the client's
 * address times 2654435761, low 8 bits (ip_vs_sh_hashkey). Only the address's low byte
 * matters then; a pod's is modelled as its slot on its node's /24 pod CIDR, plus 2 (.0 is the
 * network, .1 the bridge). So a client pod always reaches one endpoint, and a Service with
 * more than 256 endpoints uses at most 256.
 */
class SourceHashing implements IpvsScheduler {
  constructor(private readonly context: SchedulerContext) {}

  choose(connection: Connection, endpoints: number): number {
    const { cluster, orders } = this.context;
    // Backend pods took the node's first addresses; the client pods follow.
    const slotOnNode = Math.floor(cluster.initialBackendPods / cluster.nodes) + cluster.clientSlotOnNode(connection.client);
    const lowByte = (slotOnNode + 2) & 0xff;
    const bucket = Math.imul(lowByte, 2654435761 | 0) & (SH_BUCKETS - 1);
    return orders.endpointAt(connection.clientNode, connection.service, endpoints, bucket % endpoints);
  }

  release(): void {}
}
