import type { Nanoseconds, Simulation } from '../../src/engine/index.js';
import { mix32, uniformIndex, type RandomStream } from '../../src/random/index.js';
import type { Cluster } from '../cluster/cluster.js';
import type { ProgrammedViews } from '../cluster/programmed-views.js';
import type { Connection } from '../core/connection.js';
import type { FailureReason } from '../core/failure-reason.js';
import type { NetworkPaths } from '../network/network-paths.js';
import { ClientDnsCache } from './client-dns-cache.js';
import type { CoreDns } from './coredns.js';
import type { DnsMetrics } from './dns-metrics.js';
import { nameKeyOf, reasonOf, truthOf, worse } from './dns-answers.js';
import { blankLookup, blankQuery, type DnsQuery, type DnsResponse, type Lookup } from './dns-records.js';
import type { KubeDnsFlows } from './kube-dns-flows.js';
import type { LookupPlan, TriedName } from './lookup-plan.js';
import type { NameResolver, ResolvedHandler, ResolveFailedHandler } from './name-resolver.js';
import type { NodeLocalCaches } from './node-local-caches.js';

declare module '../core/failure-reason.js' {
  interface FailureReasons {
    dns_timeout: true;
    dns_nxdomain: true;
    dns_servfail: true;
    dns_refused: true;
  }
}

/** The resolver's rules that shape its timing (docs/calibration.md, DNS, Client resolver). */
export interface ResolverTiming {
  readonly resolver: 'glibc' | 'musl';
  /** A and AAAA one after the other (glibc single-request or single-request-reopen; musl never). */
  readonly sequential: boolean;
  /** The second of the two on a new socket (glibc single-request-reopen). */
  readonly reopen: boolean;
  readonly queryTimeout: Nanoseconds;
  readonly attempts: number;
  readonly packetLossRatio: number;
  readonly conntrackRaceProbability: number;
}

export interface DnsResolverParts {
  readonly sim: Simulation;
  readonly cluster: Cluster;
  readonly network: NetworkPaths;
  readonly timing: ResolverTiming;
  /** The plan of each name form, by the form's index. */
  readonly plans: readonly LookupPlan[];
  readonly coreDns: CoreDns;
  readonly nodeLocal: NodeLocalCaches | undefined;
  readonly flows: KubeDnsFlows;
  /** The endpoints as CoreDNS last saw them (its answers for headless Services). */
  readonly coreDnsView: ProgrammedViews;
  readonly metrics: DnsMetrics;
  readonly clientCacheTtl: Nanoseconds;
  readonly streams: { readonly loss: RandomStream; readonly race: RandomStream; readonly headless: RandomStream };
}

/**
 * The client pod's resolver, query by query: for each name of its plan, the A and AAAA queries
 * (together, or one after the other), through NodeLocal DNSCache or a kube-dns flow to a CoreDNS
 * replica and back; a lost query or answer waits out the resolver's timeout and is sent again,
 * glibc every `timeout` up to `attempts` tries, musl every timeout ÷ attempts within one
 * timeout. The first name with an answer resolves the lookup; NXDOMAIN (and, for glibc, any
 * negative answer) moves on to the next name. Records are reused; a late answer or timer of a
 * name the lookup has left is recognised by its epoch and dropped.
 */
export class DnsResolver implements NameResolver {
  private readonly spareLookups: Lookup[] = [];
  private readonly spareQueries: DnsQuery[] = [];
  private readonly clientCache: ClientDnsCache;
  private readonly retryInterval: Nanoseconds;
  private readonly atServer = this.arriveAtServer.bind(this);
  private readonly atReplica = this.arriveAtReplica.bind(this);
  private readonly backAtNodeLocal = this.returnToNodeLocal.bind(this);
  private readonly atClient = this.arriveAtClient.bind(this);
  private readonly timedOut = this.timeout.bind(this);
  private readonly cachedAnswer = this.answerFromClientCache.bind(this);
  private resolved: ResolvedHandler = () => undefined;
  private failed: ResolveFailedHandler = () => undefined;

  constructor(private readonly parts: DnsResolverParts) {
    const { resolver, queryTimeout, attempts } = parts.timing;
    this.retryInterval = resolver === 'glibc' ? queryTimeout : Math.round(queryTimeout / attempts);
    this.clientCache = new ClientDnsCache(parts.clientCacheTtl);
  }

  /** CoreDNS (or NodeLocal's upstream) answered a query: send the answer on its way back. */
  fromServer(query: DnsQuery): void {
    if (!query.viaNodeLocal) return this.toClient(query);
    if (query.replica < 0) return this.returnToNodeLocal(query);
    query.stage = 'fromReplica';
    const node = query.lookup.clientNode;
    this.parts.sim.post(Math.round(this.parts.network.roundTrip(node, this.parts.coreDns.nodeOf(query.replica)) / 2), this.backAtNodeLocal, query);
  }

  resolve(connection: Connection, resolved: ResolvedHandler, failed: ResolveFailedHandler): void {
    this.resolved = resolved;
    this.failed = failed;
    if (this.fromClientCache(connection)) return;
    const lookup = this.newLookup(connection);
    this.parts.metrics.lookupStarted(lookup.measured);
    this.startName(lookup);
  }

  private startName(lookup: Lookup): void {
    const name = lookup.plan.names[lookup.nameIndex];
    lookup.nameKey = nameKeyOf(lookup, name, this.parts.cluster.services);
    lookup.pending = lookup.plan.queriesPerName;
    lookup.negative = undefined;
    lookup.answered = false;
    if (this.parts.nodeLocal === undefined) this.openFlow(lookup);
    const together = lookup.pending === 2 && !this.parts.timing.sequential;
    const raced = together && lookup.flow !== undefined && this.parts.flows.lastWasFresh && this.raceLost();
    this.send(this.newQuery(lookup, 0, name), false);
    if (together) this.send(this.newQuery(lookup, 1, name), raced);
  }

  private openFlow(lookup: Lookup): void {
    lookup.flow = this.parts.flows.open(lookup.client, lookup.clientNode, lookup.measured);
    lookup.flowFresh = this.parts.flows.lastWasFresh;
  }

  /** Sends (or resends) a query: it reaches its server, or it is lost and its timer runs. */
  private send(query: DnsQuery, lostInRace: boolean): void {
    const { sim, network } = this.parts;
    const lookup = query.lookup;
    query.sentAt = sim.now;
    query.stage = 'toServer';
    lookup.queriesSent++;
    this.parts.metrics.querySent(lookup.measured);
    // A flow the conntrack table dropped is tried again when the query is resent: the new datagram is a new first packet.
    if (!query.viaNodeLocal && lookup.flow === undefined && query.attempt > 0) this.openFlow(lookup);
    const flow = lookup.flow;
    if (query.viaNodeLocal) {
      query.oneWay = Math.round(network.roundTrip(lookup.clientNode, lookup.clientNode) / 2);
    } else if (flow !== undefined) {
      // The first packet on a new flow pays the data plane's lookup: the A's, or the AAAA's on the new socket of single-request-reopen.
      const fresh = lookup.flowFresh && query.attempt === 0 && (query.qtype === 0 || this.parts.timing.reopen);
      query.oneWay = Math.round((fresh ? flow.firstPacketNs : network.roundTrip(lookup.clientNode, flow.endpointNode)) / 2);
    }
    const lost = lostInRace || (!query.viaNodeLocal && flow === undefined) || this.packetLost();
    if (lost) return sim.post(this.retryInterval, this.timedOut, query);
    sim.post(query.oneWay, this.atServer, query);
  }

  private arriveAtServer(query: DnsQuery): void {
    if (!query.viaNodeLocal) {
      query.replica = (query.lookup.flow as Connection).endpointPod;
      return this.parts.coreDns.receive(query);
    }
    const nodeLocal = this.parts.nodeLocal as NodeLocalCaches;
    const node = query.lookup.clientNode;
    const cached = nodeLocal.cached(node, query, this.parts.sim.now);
    if (cached !== undefined) {
      query.response = cached;
      return this.toClient(query);
    }
    if (query.upstream) return this.forwardUpstreamFromNode(query, nodeLocal);
    query.replica = nodeLocal.replicaOf(node);
    query.stage = 'toReplica';
    const delay = Math.round(this.parts.network.roundTrip(node, this.parts.coreDns.nodeOf(query.replica)) / 2);
    this.parts.sim.post(delay, this.atReplica, query);
  }

  private arriveAtReplica(query: DnsQuery): void {
    this.parts.coreDns.receive(query);
  }

  /** NodeLocal sends an external name straight to the node's upstream resolver. */
  private forwardUpstreamFromNode(query: DnsQuery, nodeLocal: NodeLocalCaches): void {
    nodeLocal.countUpstreamForward();
    query.replica = -1;
    query.forwarding = false;
    query.stage = 'upstream';
    this.parts.coreDns.askUpstreamDirectly(query);
  }

  private returnToNodeLocal(query: DnsQuery): void {
    (this.parts.nodeLocal as NodeLocalCaches).remember(query.lookup.clientNode, query, this.parts.sim.now);
    this.toClient(query);
  }

  private toClient(query: DnsQuery): void {
    const { sim } = this.parts;
    query.stage = 'toClient';
    if (!this.packetLost()) return sim.post(query.oneWay, this.atClient, query);
    sim.post(Math.max(0, query.sentAt + this.retryInterval - sim.now), this.timedOut, query);
  }

  private arriveAtClient(query: DnsQuery): void {
    const lookup = query.lookup;
    if (query.epoch !== lookup.epoch) return this.recycle(query);
    this.parts.metrics.responded(lookup.measured, query.response);
    if (query.response === 'answer') lookup.answered = true;
    else lookup.negative = worse(lookup.negative, query.response);
    const name = lookup.plan.names[lookup.nameIndex];
    const next = query.qtype === 0 && lookup.pending === 2 && this.parts.timing.sequential;
    lookup.pending--;
    this.recycle(query);
    if (next) return this.sendSecond(lookup, name);
    if (lookup.pending === 0) this.nameDone(lookup);
  }

  /** single-request(-reopen): the AAAA goes once the A is answered (on a new socket with -reopen). */
  private sendSecond(lookup: Lookup, name: TriedName): void {
    if (this.parts.timing.reopen && this.parts.nodeLocal === undefined) {
      this.closeFlow(lookup);
      this.openFlow(lookup);
    }
    this.send(this.newQuery(lookup, 1, name), false);
  }

  private timeout(query: DnsQuery): void {
    const lookup = query.lookup;
    if (query.epoch !== lookup.epoch) return this.recycle(query);
    this.parts.metrics.timedOut(lookup.measured);
    query.attempt++;
    if (query.attempt >= this.parts.timing.attempts) {
      this.recycle(query);
      return this.settle(lookup, 'dns_timeout');
    }
    this.send(query, false);
  }

  /** Every query of the name is answered: resolved, the next name, or a failed lookup. */
  private nameDone(lookup: Lookup): void {
    this.closeFlow(lookup);
    if (lookup.answered) return this.settle(lookup, undefined);
    const negative = lookup.negative as DnsResponse;
    const goesOn = this.parts.timing.resolver === 'glibc' || negative === 'nxdomain';
    if (goesOn && lookup.nameIndex + 1 < lookup.plan.names.length) {
      lookup.epoch++;
      lookup.nameIndex++;
      return this.startName(lookup);
    }
    this.settle(lookup, reasonOf(negative));
  }

  /** The lookup is over: the connection gets its address, or its dial fails. */
  private settle(lookup: Lookup, failure: FailureReason | undefined): void {
    this.closeFlow(lookup);
    lookup.epoch++;
    const connection = lookup.connection as Connection;
    lookup.connection = undefined;
    this.spareLookups.push(lookup);
    const latency = this.parts.sim.now - lookup.startedAt;
    connection.resolveNs = latency;
    if (failure !== undefined) return this.failed(connection, failure);
    this.parts.metrics.resolved(lookup.measured, latency);
    this.rememberInClient(connection);
    if (!this.answerHeadless(connection)) return this.failed(connection, 'no_endpoints');
    this.resolved(connection);
  }

  private closeFlow(lookup: Lookup): void {
    if (lookup.flow !== undefined) this.parts.flows.close(lookup.flow);
    lookup.flow = undefined;
  }

  /**
   * A headless Service's answer is its ready pods (shuffled by CoreDNS's loadbalance): the client
   * takes one. Returns false when CoreDNS has none to give (no address: the dial fails).
   */
  private answerHeadless(connection: Connection): boolean {
    const { cluster, coreDnsView, streams } = this.parts;
    if (connection.service < 0 || !cluster.isHeadless(connection.service)) return true;
    const count = coreDnsView.endpointCount(0, connection.service);
    if (count === 0) return false;
    connection.resolvedPod = coreDnsView.endpointPod(0, connection.service, uniformIndex(streams.headless, count));
    return true;
  }

  /** With a client-side cache (workload.clientDnsCacheTTL), a fresh address needs no query. */
  private fromClientCache(connection: Connection): boolean {
    if (!this.clientCache.enabled || !this.clientCache.has(connection.poolKey, this.parts.sim.now)) return false;
    connection.resolveNs = 0;
    this.parts.sim.post(0, this.cachedAnswer, connection);
    return true;
  }

  private answerFromClientCache(connection: Connection): void {
    if (!this.answerHeadless(connection)) return this.failed(connection, 'no_endpoints');
    this.resolved(connection);
  }

  private rememberInClient(connection: Connection): void {
    if (this.clientCache.enabled) this.clientCache.remember(connection.poolKey, this.parts.sim.now);
  }

  private packetLost(): boolean {
    const ratio = this.parts.timing.packetLossRatio;
    return ratio > 0 && this.parts.streams.loss.next() < ratio;
  }

  private raceLost(): boolean {
    const probability = this.parts.timing.conntrackRaceProbability;
    return probability > 0 && this.parts.streams.race.next() < probability;
  }

  private newLookup(connection: Connection): Lookup {
    const lookup = this.spareLookups.pop() ?? blankLookup();
    lookup.epoch++;
    lookup.connection = connection;
    lookup.client = connection.client;
    lookup.clientNode = connection.clientNode;
    lookup.clientNamespace = this.parts.cluster.namespaceOfClient(connection.client);
    lookup.target = connection.service >= 0 ? connection.service : this.parts.cluster.services + connection.external;
    lookup.form = connection.nameForm;
    lookup.plan = this.parts.plans[connection.nameForm];
    lookup.nameIndex = 0;
    lookup.flow = undefined;
    lookup.startedAt = this.parts.sim.now;
    lookup.measured = connection.measured;
    lookup.queriesSent = 0;
    return lookup;
  }

  private newQuery(lookup: Lookup, qtype: 0 | 1, name: TriedName): DnsQuery {
    const query = this.spareQueries.pop() ?? blankQuery(lookup);
    query.lookup = lookup;
    query.epoch = lookup.epoch;
    query.qtype = qtype;
    query.attempt = 0;
    query.viaNodeLocal = this.parts.nodeLocal !== undefined;
    query.replica = -1;
    query.key = mix32(lookup.nameKey + qtype);
    query.upstream = name.zone === 'upstream';
    query.truth = truthOf(name, qtype, lookup.target < this.parts.cluster.services);
    query.forwarding = false;
    query.counted = false;
    return query;
  }

  private recycle(query: DnsQuery): void {
    this.spareQueries.push(query);
  }
}
