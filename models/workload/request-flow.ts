import type { Nanoseconds, Simulation } from '../../src/engine/index.js';
import type { Sampler } from '../../src/random/index.js';
import type { Cluster } from '../cluster/cluster.js';
import type { NodeCpu } from '../cluster/node-cpu.js';
import type { Connection } from '../core/connection.js';
import type { FailureReason } from '../core/failure-reason.js';
import { newRequest, resetRequest, type Request } from '../core/request.js';
import type { RequestProbe } from '../core/request-probe.js';
import { NO_ROUTE_DELAY, type PodLifecycle } from '../churn/pod-lifecycle.js';
import type { NameResolver } from '../dns/name-resolver.js';
import { OUTSIDE_CLUSTER, type NetworkPaths } from '../network/network-paths.js';
import type { DataPlane } from '../proxy/data-plane.js';
import type { BackendPods } from './backend-pods.js';
import { targetIndex, type CallTargets } from './call-targets.js';
import { ConnectionEnds } from './connection-ends.js';
import type { ConnectionPools } from './connection-pools.js';
import type { MultiplexedPools } from './multiplexed-pools.js';
import type { ServiceTimes } from './service-times.js';

/** The draws a request needs, each from its own named stream (docs/design.md, Determinism). */
export interface RequestSamplers {
  readonly client: Sampler;
  readonly serviceTime: ServiceTimes;
}

export interface RequestFlowParts {
  readonly sim: Simulation;
  readonly cluster: Cluster;
  /** HTTP/1.1 pools (one request per connection at a time) or HTTP/2 ones (`workload.protocol`). */
  readonly pools: ConnectionPools | MultiplexedPools;
  readonly pods: BackendPods;
  readonly samplers: RequestSamplers;
  /** Who each call goes to (a Service by popularity, or as the DNS model's name forms say). */
  readonly targets: CallTargets;
  readonly network: NetworkPaths;
  readonly resolver: NameResolver;
  readonly dataPlane: DataPlane;
  /** The nodes' cores: a first packet's lookups are softirq work there, queued behind what came before. */
  readonly nodeCpu: NodeCpu;
  readonly probe: Required<RequestProbe>;
  /** `workload.connectTimeout`: how long a client waits on a connection whose SYNs are lost. */
  readonly connectTimeout: Nanoseconds;
  /** `workload.requestTimeout`: how long a client waits for a response that never comes. */
  readonly requestTimeout: Nanoseconds;
  /** When deleted pods stop listening and exit, and which nodes are down (the churn model); absent: pods never go. */
  readonly lifecycle?: PodLifecycle;
  /** The measured window [start, end]: requests starting inside it are measured. */
  readonly windowStart: Nanoseconds;
  readonly windowEnd: Nanoseconds;
  /** A closed-loop caller's request settled (completed or failed): the caller may start its next. */
  readonly callerFree?: (caller: number) => void;
}

/**
 * One request's path (docs/design.md, The path of a request): take a pooled connection, or wait
 * for one while dialling (name lookup, the data plane's choice of endpoint, the handshake);
 * then the request crosses the network, queues at the backend pod, and the response comes back.
 * A dial and the request that started it are separate: as in Go's Transport, the request takes
 * whichever connection is ready first, and a dial that finishes after its request was served
 * goes to the pool. Handlers are bound once; the records carry the state between events.
 */
export class RequestFlow {
  private readonly afterResolve = this.connect.bind(this);
  private readonly afterResolveFailed = this.dialFailed.bind(this);
  private readonly afterSoftirq = this.firstPacketOut.bind(this);
  private readonly afterHandshake = this.established.bind(this);
  private readonly afterDialFails = this.dialFailedAsDecided.bind(this);
  private readonly atPod = this.arriveAtPod.bind(this);
  private readonly afterServed = this.served.bind(this);
  private readonly afterResponse = this.finish.bind(this);
  private readonly afterResponseLost = this.responseLost.bind(this);
  private measuredInFlight = 0;
  private acceptingMeasured = true;
  /** Records of settled requests, reused: no allocation per request. */
  private readonly spareRequests: Request[] = [];
  /** Why each connection in state `connecting` that will not be established fails (its SYN was dropped or refused). */
  private readonly failingDials = new Map<Connection, FailureReason>();

  private readonly requestPaths: NetworkPaths;
  private readonly handshakePaths: NetworkPaths;
  private readonly ends: ConnectionEnds;

  constructor(private readonly parts: RequestFlowParts) {
    this.requestPaths = parts.network.forTraffic('requests');
    this.handshakePaths = parts.network.forTraffic('handshakes');
    this.ends = new ConnectionEnds(parts.sim, parts.lifecycle);
    parts.nodeCpu.onSoftirqServed(this.afterSoftirq);
  }

  /** A new open-loop call now, from a random client pod to a target (a Service by popularity, or as named). */
  start(): void {
    this.call(this.parts.samplers.client.sample(), -1);
  }

  /**
   * Closed-loop caller `caller` of client pod `client` makes its next call now; false if it
   * could not, because the pod's node is down.
   */
  startFor(caller: number, client: number): boolean {
    return this.call(client, caller);
  }

  private call(client: number, caller: number): boolean {
    const { sim, cluster, pools, targets } = this.parts;
    const now = sim.now;
    // A client pod on a node that is down makes no calls.
    if (this.parts.lifecycle?.nodeDown(cluster.nodeOfClient(client), now)) return false;
    const measured = now >= this.parts.windowStart && now <= this.parts.windowEnd;
    const request = resetRequest(this.spareRequests.pop() ?? newRequest(), client, -1, cluster.nodeOfClient(client), now, measured);
    request.caller = caller;
    targets.choose(request);
    this.drawAhead(request);
    if (measured) this.measuredInFlight++;
    const poolKey = client * targets.count + targetIndex(cluster.services, request.service, request.external);
    const idle = this.takeOpenIdle(poolKey);
    if (idle !== undefined) {
      this.send(request, idle);
      return true;
    }
    const dial = pools.dial(poolKey, request);
    // HTTP/2: it waits for the dial already under way for its pool.
    if (dial === undefined) return true;
    request.dialled = true;
    this.startDial(dial);
    return true;
  }

  private startDial(dial: Connection): void {
    this.drawHandshake(dial);
    this.parts.resolver.resolve(dial, this.afterResolve, this.afterResolveFailed);
  }

  /** No more measured requests will start: the run may end once the last one settles. */
  closeWindow(): void {
    this.acceptingMeasured = false;
    if (this.measuredInFlight === 0) this.parts.sim.stop();
  }

  /**
   * The name is resolved: the SYN crosses the client node's data plane, which picks an endpoint
   * and costs `lookupNs` of softirq work on the client node's cores; the packet goes on once a
   * core has served that work (models/cluster/node-cpu.ts).
   */
  private connect(connection: Connection): void {
    connection.state = 'connecting';
    const outcome = this.parts.dataPlane.connect(connection);
    // A dropped SYN is retransmitted until the client's connect timeout; a rejected one fails on the client's own node.
    if (outcome.kind === 'dropped') return this.failDialAfter(connection, this.parts.connectTimeout, outcome.reason);
    if (outcome.kind === 'rejected') return this.failDialAfter(connection, Math.max(0, connection.sameNodeRtt), outcome.reason);
    this.parts.nodeCpu.softirq(connection);
  }

  /**
   * The first packet's softirq work is done: the handshake's round trip follows, to an endpoint
   * whose pod may have stopped listening or exited since the node last synced
   * (docs/calibration.md, Pod churn and clients: what a client sees on a stale endpoint). The
   * first-packet latency now includes the wait for a core.
   */
  private firstPacketOut(connection: Connection): void {
    const roundTrip = connection.firstPacketNs - connection.lookupNs;
    connection.firstPacketNs += connection.softirqWaitNs;
    switch (this.ends.podMeets(connection)) {
      case 'refused':
        return this.failDialAfter(connection, roundTrip, 'connection_refused');
      case 'gone':
        return this.failDialAfter(connection, Math.min(NO_ROUTE_DELAY, this.parts.connectTimeout), 'no_route_to_host');
      case 'silent':
        return this.failDialAfter(connection, this.parts.connectTimeout, 'syn_timeout');
    }
    this.parts.probe.connected(connection, connection.firstPacketNs);
    this.parts.sim.post(roundTrip, this.afterHandshake, connection);
  }

  /**
   * A connection of the pool that can take the request and whose server still has it open (the
   * most recently used idle one; HTTP/2: the oldest with a free stream): a pod past its preStop
   * closes its idle keep-alive connections (as Go's Server.Shutdown does) and sends GOAWAY on
   * HTTP/2 ones, and the client's pool drops them (an HTTP/2 one once its streams end); the
   * request then takes the next one or dials.
   */
  private takeOpenIdle(poolKey: number): Connection | undefined {
    let idle = this.parts.pools.takeIdle(poolKey);
    while (idle !== undefined && this.ends.serverClosed(idle)) {
      this.parts.pools.release(idle, false);
      idle = this.parts.pools.takeIdle(poolKey);
    }
    return idle;
  }

  /** The dial will fail with `reason` after `delay`. */
  private failDialAfter(connection: Connection, delay: Nanoseconds, reason: FailureReason): void {
    this.failingDials.set(connection, reason);
    this.parts.sim.post(delay, this.afterDialFails, connection);
  }

  private dialFailedAsDecided(connection: Connection): void {
    const reason = this.failingDials.get(connection) as FailureReason;
    this.failingDials.delete(connection);
    this.dialFailed(connection, reason);
  }

  /**
   * The dial failed: the requests still waiting for it fail (its dialler; HTTP/2: every request
   * waiting for its pool's shared dial), and the connection closes.
   */
  private dialFailed(connection: Connection, reason: FailureReason): void {
    const pools = this.parts.pools;
    for (let waiter = pools.waiterOnDial(connection); waiter !== undefined; waiter = pools.waiterOnDial(connection)) {
      pools.stopWaiting(waiter);
      waiter.failure = reason;
      this.settle(waiter, 'failed');
    }
    pools.close(connection);
  }

  /** The handshake finished: the dialling request takes it, or it goes back to the pool. */
  private established(connection: Connection): void {
    if (this.parts.pools.multiplexed) return this.establishedMultiplexed(connection, this.parts.pools);
    connection.state = 'busy';
    const waiter = connection.dialler;
    if (waiter === undefined) return this.putBack(connection);
    this.parts.pools.stopWaiting(waiter);
    waiter.lookupNs = connection.lookupNs;
    waiter.resolveNs = connection.resolveNs;
    this.send(waiter, connection);
  }

  /**
   * An HTTP/2 connection is up: the requests waiting for it take streams, first come, first
   * served, on the first connection of the pool with room (as each of Go's waiters calls
   * `getClientConn` again when the dial is done); if some are left, the next dial starts.
   */
  private establishedMultiplexed(connection: Connection, pools: MultiplexedPools): void {
    pools.open(connection);
    for (let waiter = pools.waiterOnDial(connection); waiter !== undefined; waiter = pools.waiterOnDial(connection)) {
      const taken = this.takeOpenIdle(connection.poolKey);
      if (taken === undefined) break;
      pools.stopWaiting(waiter);
      if (taken === connection) {
        waiter.lookupNs = connection.lookupNs;
        waiter.resolveNs = connection.resolveNs;
      }
      this.send(waiter, taken);
    }
    const next = pools.dialOver(connection);
    if (next === undefined) return;
    (next.dialler as Request).dialled = true;
    this.startDial(next);
  }

  /**
   * A request's exchange on a usable connection is over: a waiting request of its pool gets it,
   * or it is kept idle or closed (HTTP/2: the stream ends). A pod past its preStop closes each
   * connection once its response is out.
   */
  private putBack(connection: Connection): void {
    const waiter = this.parts.pools.release(connection, !this.ends.serverClosed(connection));
    if (waiter !== undefined) this.send(waiter, connection);
  }

  private send(request: Request, connection: Connection): void {
    request.state = 'sent';
    request.connection = connection;
    connection.state = 'busy';
    connection.requestsCarried++;
    connection.streams++;
    request.oneWayDelay = Math.round(roundTripOf(request, connection) / 2);
    this.parts.sim.post(request.oneWayDelay, this.atPod, request);
  }

  /** The request's own draws, in start order (see Request.serviceTime). */
  private drawAhead(request: Request): void {
    const paths = this.requestPaths;
    request.serviceTime = Math.round(this.parts.samplers.serviceTime.sample(request.service));
    request.sameNodeRtt = paths.roundTrip(0, 0);
    request.crossNodeRtt = paths.roundTrip(0, 1);
    request.externalRtt = paths.roundTrip(0, OUTSIDE_CLUSTER);
  }

  /** A dial's handshake round trips, drawn as it starts (see Connection.sameNodeRtt). */
  private drawHandshake(dial: Connection): void {
    const paths = this.handshakePaths;
    dial.sameNodeRtt = paths.roundTrip(0, 0);
    dial.crossNodeRtt = paths.roundTrip(0, 1);
    dial.externalRtt = paths.roundTrip(0, OUTSIDE_CLUSTER);
  }

  /** The request reaches its server: a backend pod's queue, or a host outside the cluster (no queue modelled there). */
  private arriveAtPod(request: Request): void {
    const serviceTime = request.serviceTime;
    const connection = request.connection as Connection;
    if (connection.external >= 0) return this.parts.sim.post(serviceTime, this.afterServed, request);
    if (this.ends.podUnreachable(connection)) return this.loseResponse(request);
    if (this.ends.podExited(connection)) return this.reset(request);
    this.parts.pods.submit(connection.endpointPod, request, serviceTime);
  }

  /** The pod served it: the response travels back — unless the pod exited while it waited or ran. */
  served(request: Request): void {
    if (this.ends.podUnreachable(request.connection as Connection)) return this.loseResponse(request);
    if (this.ends.podExited(request.connection as Connection)) return this.reset(request);
    this.parts.sim.post(request.oneWayDelay, this.afterResponse, request);
  }

  /**
   * The request's pod is on a node that died: no response and no reset ever come, so the client
   * gives up at its request timeout, counted from the call.
   */
  private loseResponse(request: Request): void {
    const giveUp = Math.max(0, request.startedAt + this.parts.requestTimeout - this.parts.sim.now);
    this.parts.sim.post(giveUp, this.afterResponseLost, request);
  }

  private responseLost(request: Request): void {
    this.fail(request, 'response_timeout');
  }

  /**
   * The request's pod exited with it inside: the connection breaks and the request fails. (Its
   * pod's queue is not emptied at the exit; a request caught there fails when its turn ends.)
   */
  private reset(request: Request): void {
    this.fail(request, 'connection_reset');
  }

  /** A sent request failed: its connection is broken and closes (HTTP/2: once its other streams end). */
  private fail(request: Request, reason: FailureReason): void {
    const connection = request.connection as Connection;
    request.connection = undefined;
    request.failure = reason;
    connection.streams--;
    this.settle(request, 'failed');
    this.parts.pools.release(connection, false);
  }

  private finish(request: Request): void {
    const connection = request.connection as Connection;
    this.parts.probe.completed(request, this.parts.sim.now - request.startedAt);
    request.connection = undefined;
    connection.streams--;
    this.settle(request, 'completed');
    this.putBack(connection);
  }

  private settle(request: Request, state: 'completed' | 'failed'): void {
    request.state = state;
    if (state === 'failed') this.parts.probe.failed(request);
    this.spareRequests.push(request);
    if (request.caller >= 0) this.parts.callerFree?.(request.caller);
    if (!request.measured) return;
    this.measuredInFlight--;
    if (!this.acceptingMeasured && this.measuredInFlight === 0) this.parts.sim.stop();
  }
}

/** The request's own round trip for the path its connection takes. */
function roundTripOf(request: Request, connection: Connection): Nanoseconds {
  if (connection.endpointNode === OUTSIDE_CLUSTER) return request.externalRtt;
  return connection.endpointNode === connection.clientNode ? request.sameNodeRtt : request.crossNodeRtt;
}
