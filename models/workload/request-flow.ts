import type { Simulation } from '../../src/engine/simulation.js';
import type { Nanoseconds } from '../../src/engine/time.js';
import type { Sampler } from '../../src/random/index.js';
import type { Cluster } from '../cluster/cluster.js';
import type { NameResolver } from '../dns/name-resolver.js';
import type { DataPlane } from '../proxy/data-plane.js';
import { BackendPods } from './backend-pods.js';
import type { Connection } from './connection.js';
import { ConnectionPools, type PoolLimits } from './connection-pool.js';
import type { Request } from './request.js';

/** Facts the flow emits; collectors turn them into statistics (DESIGN.md §6). */
export interface RequestProbe {
  /** A new connection's handshake finished: its first packet took `firstPacket`. */
  connected(request: Request, firstPacket: Nanoseconds): void;
  completed(request: Request, latency: Nanoseconds): void;
  failed(request: Request): void;
}

/** The draws a request needs, each from its own named stream (DESIGN.md §4). */
export interface RequestSamplers {
  readonly client: Sampler;
  readonly service: Sampler;
  readonly serviceTime: Sampler;
  readonly sameNodeRtt: Sampler;
  readonly crossNodeRtt: Sampler;
}

export interface RequestFlowParts {
  readonly sim: Simulation;
  readonly cluster: Cluster;
  readonly limits: PoolLimits;
  readonly podConcurrency: number;
  readonly samplers: RequestSamplers;
  readonly resolver: NameResolver;
  readonly dataPlane: DataPlane;
  readonly probe: RequestProbe;
  /** `workload.connectTimeout`: how long a client waits on a connection whose SYNs are lost. */
  readonly connectTimeout: Nanoseconds;
  /** The measured window [start, end]: requests starting inside it are measured. */
  readonly windowStart: Nanoseconds;
  readonly windowEnd: Nanoseconds;
}

/**
 * One request's path (DESIGN.md §1): pick a pooled connection or resolve the name, let the
 * data plane choose the endpoint and do the handshake; then the request crosses the network,
 * queues at the backend pod, and the response comes back. Handlers are bound once; the
 * request record carries the state between events.
 */
export class RequestFlow {
  readonly pods: BackendPods;
  readonly pools: ConnectionPools;
  private readonly afterResolve = this.dial.bind(this);
  private readonly afterHandshake = this.send.bind(this);
  private readonly atPod = this.arriveAtPod.bind(this);
  private readonly afterResponse = this.finish.bind(this);
  private readonly afterConnectTimeout = this.fail.bind(this);
  private measuredInFlight = 0;
  /** Records of settled requests, reused: no allocation per request. */
  private readonly spareRequests: Request[] = [];
  private acceptingMeasured = true;

  constructor(private readonly parts: RequestFlowParts) {
    this.pods = new BackendPods(parts.sim, parts.cluster.backendPods, parts.podConcurrency, this.served.bind(this));
    this.pools = new ConnectionPools(parts.sim, parts.limits, parts.dataPlane.closed.bind(parts.dataPlane));
  }

  /** A new application call now, from a random client pod to a Service by popularity. */
  start(): void {
    const { sim, cluster, samplers } = this.parts;
    const client = samplers.client.sample();
    const service = samplers.service.sample();
    const now = sim.now;
    const measured = now >= this.parts.windowStart && now <= this.parts.windowEnd;
    const request = this.newRequest(client, service, cluster.nodeOfClient(client), now, measured);
    if (measured) this.measuredInFlight++;
    const poolKey = client * cluster.services + service;
    const idle = this.pools.takeIdle(poolKey);
    if (idle !== undefined) return this.sendOn(request, idle);
    request.dialled = true;
    request.connection = this.pools.dial(poolKey, client, service, request.clientNode);
    this.parts.resolver.resolve(request, this.afterResolve);
  }

  /** No more measured requests will start: the run may end once the last one finishes. */
  closeWindow(): void {
    this.acceptingMeasured = false;
    if (this.measuredInFlight === 0) this.parts.sim.stop();
  }

  private dial(request: Request): void {
    if (request.failure !== undefined) return this.fail(request);
    const connection = request.connection as Connection;
    const lookup = this.parts.dataPlane.connect(connection, request.measured);
    if (connection.failure !== undefined) {
      // The SYN is dropped silently: the client retransmits until its connect timeout.
      request.failure = connection.failure;
      this.parts.sim.post(this.parts.connectTimeout, this.afterConnectTimeout, request);
      return;
    }
    request.lookupNs = lookup;
    const handshake = this.roundTrip(connection) + lookup;
    this.parts.probe.connected(request, handshake);
    this.parts.sim.post(handshake, this.afterHandshake, request);
  }

  private send(request: Request): void {
    const connection = request.connection as Connection;
    connection.state = 'busy';
    this.sendOn(request, connection);
  }

  private sendOn(request: Request, connection: Connection): void {
    request.connection = connection;
    connection.requestsCarried++;
    request.oneWayDelay = Math.round(this.roundTrip(connection) / 2);
    this.parts.sim.post(request.oneWayDelay, this.atPod, request);
  }

  private arriveAtPod(request: Request): void {
    const pod = (request.connection as Connection).endpointPod;
    this.pods.submit(pod, request, this.parts.samplers.serviceTime.sample());
  }

  private served(request: Request): void {
    this.parts.sim.post(request.oneWayDelay, this.afterResponse, request);
  }

  private finish(request: Request): void {
    this.pools.release(request.connection as Connection);
    this.parts.probe.completed(request, this.parts.sim.now - request.startedAt);
    this.settle(request);
  }

  private fail(request: Request): void {
    if (request.connection !== undefined) this.pools.close(request.connection);
    this.parts.probe.failed(request);
    this.settle(request);
  }

  private settle(request: Request): void {
    request.connection = undefined;
    this.spareRequests.push(request);
    if (!request.measured) return;
    this.measuredInFlight--;
    if (!this.acceptingMeasured && this.measuredInFlight === 0) this.parts.sim.stop();
  }

  /** A request record, reused from a settled request where one is spare. */
  private newRequest(client: number, service: number, clientNode: number, startedAt: Nanoseconds, measured: boolean): Request {
    const request = this.spareRequests.pop();
    if (request === undefined) {
      return { client, service, clientNode, startedAt, measured, dialled: false, connection: undefined, lookupNs: 0, oneWayDelay: 0, failure: undefined };
    }
    request.client = client;
    request.service = service;
    request.clientNode = clientNode;
    request.startedAt = startedAt;
    request.measured = measured;
    request.dialled = false;
    request.lookupNs = 0;
    request.oneWayDelay = 0;
    request.failure = undefined;
    return request;
  }

  private roundTrip(connection: Connection): Nanoseconds {
    const { samplers } = this.parts;
    const rtt = connection.clientNode === connection.endpointNode ? samplers.sameNodeRtt : samplers.crossNodeRtt;
    return Math.round(rtt.sample());
  }
}
