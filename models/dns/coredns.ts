import { StationBank, type Nanoseconds, type Simulation, type StationBankReport } from '../../src/engine/index.js';
import { mix32, type RandomStreams, type Sampler } from '../../src/random/index.js';
import type { UtilizationSource } from '../core/model-definition.js';
import { DnsCache } from './dns-cache.js';
import { negativeOf, type DnsQuery, type DnsResponse } from './dns-records.js';

export interface CoreDnsOptions {
  readonly replicas: number;
  readonly cores: number;
  readonly nodes: number;
  readonly answerCost: Sampler;
  readonly forwardCost: Sampler;
  /** Time a query spends in the replica besides its CPU (the Go runtime, socket I/O, the plugin chain's waits). */
  readonly handlingDelay: Sampler;
  /** The kubernetes plugin's ttl on its answers and denials. */
  readonly recordTtl: Nanoseconds;
  /** `cache N`: the cap on any cached record; 0 means no cache plugin. */
  readonly cacheTtl: Nanoseconds;
  readonly cacheClusterDomain: boolean;
  readonly cacheEntries: number;
  readonly maxConcurrent: number;
  readonly upstreamLatency: Sampler;
  readonly upstreamTimeout: Nanoseconds;
}

/** The cache plugin's minimum TTL: nothing is kept less than 5 s (unless `cache N` is smaller). */
const MIN_TTL: Nanoseconds = 5e9;

/** TTL an upstream resolver puts on external answers and denials; the cache caps it at `cache N` anyway. */
const UPSTREAM_RECORD_TTL: Nanoseconds = 300e9;

/** Counters of the measured window. */
interface CoreDnsCounts {
  queries: number;
  cacheLookups: number;
  cacheHits: number;
  forwarded: number;
  waitedNs: number;
}

/**
 * The CoreDNS replicas behind the kube-dns Service, each a CPU-bound c-server queue (its cores)
 * in front of the cache plugin, the kubernetes plugin and the forward plugin (kubeadm's
 * Corefile order; docs/calibration.md, DNS, CoreDNS). A query costs `answerCost` of CPU when the
 * cache or the kubernetes plugin answers it (answer, NXDOMAIN or NODATA alike) and
 * `forwardCost` when it goes upstream, where it then waits without CPU; a replica with
 * `maxConcurrent` queries upstream answers further ones REFUSED, and one that waits past the
 * forward timeout answers SERVFAIL. Each replica has its own cache; nothing coalesces
 * concurrent misses.
 */
export class CoreDns implements UtilizationSource {
  private readonly cpus: StationBank<DnsQuery>;
  private readonly caches: Array<DnsCache | undefined>;
  private readonly upstreamNow: Int32Array;
  private readonly queriesByReplica: Float64Array;
  private readonly counts: CoreDnsCounts = { queries: 0, cacheLookups: 0, cacheHits: 0, forwarded: 0, waitedNs: 0 };
  private readonly afterUpstream = this.upstreamAnswered.bind(this);
  private readonly afterDirectUpstream = this.directUpstreamAnswered.bind(this);
  private readonly afterHandling = this.handled.bind(this);
  private inWindow = false;
  private load: StationBankReport | undefined;
  private windowMeanUtilization = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly options: CoreDnsOptions,
    private readonly streams: RandomStreams,
    private readonly respond: (query: DnsQuery) => void,
  ) {
    this.cpus = new StationBank<DnsQuery>(sim, {
      name: 'CoreDNS replica',
      stations: options.replicas,
      servers: options.cores,
      stationOf: (query) => query.replica,
      onStart: (query, waited) => void (query.counted && (this.counts.waitedNs += waited)),
      onDone: (query) => this.served(query),
    });
    this.caches = new Array(options.replicas);
    this.upstreamNow = new Int32Array(options.replicas);
    this.queriesByReplica = new Float64Array(options.replicas);
  }

  get replicas(): number {
    return this.options.replicas;
  }

  /** The node replica `replica` runs on (spread over the nodes by a fixed hash). */
  nodeOf(replica: number): number {
    return mix32(replica + 0x51ed27) % this.options.nodes;
  }

  /** A query arrives at `query.replica`: the cache, or a plugin, and the CPU it costs there. */
  receive(query: DnsQuery): void {
    const replica = query.replica;
    query.stage = 'atReplica';
    query.counted = this.inWindow;
    if (this.inWindow) {
      this.counts.queries++;
      this.queriesByReplica[replica]++;
    }
    const cached = this.cachedResponse(query);
    if (cached !== undefined) {
      query.response = cached;
      return this.cpus.submit(replica, query, this.options.answerCost.sample());
    }
    if (!query.upstream) {
      query.response = query.truth;
      this.remember(query);
      return this.cpus.submit(replica, query, this.options.answerCost.sample());
    }
    if (this.upstreamNow[replica] >= this.options.maxConcurrent) {
      query.response = 'refused';
      return this.cpus.submit(replica, query, this.options.answerCost.sample());
    }
    query.forwarding = true;
    this.upstreamNow[replica]++;
    if (this.inWindow) this.counts.forwarded++;
    this.cpus.submit(replica, query, this.options.forwardCost.sample());
  }

  /**
   * The node's upstream resolver answers a query that NodeLocal DNSCache sends it directly
   * (external names bypass CoreDNS); no replica, no CoreDNS CPU.
   */
  askUpstreamDirectly(query: DnsQuery): void {
    const latency = this.options.upstreamLatency.sample();
    const timedOut = latency > this.options.upstreamTimeout;
    query.response = timedOut ? 'servfail' : query.truth;
    this.sim.post(timedOut ? this.options.upstreamTimeout : Math.round(latency), this.afterDirectUpstream, query);
  }

  startWindow(): void {
    this.inWindow = true;
    this.cpus.resetStatistics();
  }

  endWindow(): void {
    this.inWindow = false;
    this.load = this.cpus.report();
    this.windowMeanUtilization = this.meanUtilizationNow();
  }

  windowMaxUtilization(): number {
    return this.load?.maxUtilization ?? 0;
  }

  /** Mean busy fraction of the replicas' cores over the measured window (read at its end, not after the run drains). */
  meanUtilization(): number {
    return this.windowMeanUtilization;
  }

  private meanUtilizationNow(): number {
    let sum = 0;
    for (let replica = 0; replica < this.options.replicas; replica++) sum += this.cpus.utilization(replica);
    return sum / this.options.replicas;
  }

  /** The busiest replica's share of all queries in the window (1 ÷ replicas when even). */
  busiestReplicaShare(): number | undefined {
    if (this.counts.queries === 0) return undefined;
    return Math.max(...this.queriesByReplica) / this.counts.queries;
  }

  get windowCounts(): Readonly<CoreDnsCounts> {
    return this.counts;
  }

  /** Replicas whose offered load reached 1 in the window: their queues never settle. */
  overloadWarning(): string[] {
    const load = this.load;
    if (load === undefined || load.overloaded === 0) return [];
    return [
      `${load.overloaded} CoreDNS replica(s) were offered more work than their ${this.options.cores} core(s) can serve ` +
        `(worst: ${load.worst} at ${load.worstOfferedLoad.toFixed(2)}): DNS latency describes a growing backlog. ` +
        'Raise dns.coredns.replicas or dns.coredns.cores, turn on dns.nodeLocalCache, or lower the query rate (ndots, name forms).',
    ];
  }

  /** Its CPU is done: the rest of its handling, or the wait for the upstream, before the answer leaves. */
  private served(query: DnsQuery): void {
    const handling = Math.round(this.options.handlingDelay.sample());
    if (!query.forwarding) return this.sim.post(handling, this.afterHandling, query);
    const latency = this.options.upstreamLatency.sample();
    const timedOut = latency > this.options.upstreamTimeout;
    query.response = timedOut ? 'servfail' : query.truth;
    query.stage = 'upstream';
    this.sim.post(handling + (timedOut ? this.options.upstreamTimeout : Math.round(latency)), this.afterUpstream, query);
  }

  private handled(query: DnsQuery): void {
    this.respond(query);
  }

  private upstreamAnswered(query: DnsQuery): void {
    query.forwarding = false;
    this.upstreamNow[query.replica]--;
    if (query.response !== 'servfail') this.remember(query);
    this.respond(query);
  }

  private directUpstreamAnswered(query: DnsQuery): void {
    this.respond(query);
  }

  /** A fresh cached response for the query, counting the cache lookup. */
  private cachedResponse(query: DnsQuery): DnsResponse | undefined {
    if (this.options.cacheTtl === 0) return undefined;
    if (this.inWindow) this.counts.cacheLookups++;
    const cache = this.caches[query.replica];
    const kind = cache?.lookup(query.key, this.sim.now);
    if (kind === undefined) return undefined;
    if (this.inWindow) this.counts.cacheHits++;
    return kind === 'answer' ? 'answer' : negativeOf(query);
  }

  /** Caches the response, unless it is in-cluster and the Corefile disables that. */
  private remember(query: DnsQuery): void {
    if (this.options.cacheTtl === 0) return;
    if (!query.upstream && !this.options.cacheClusterDomain) return;
    const ttl = query.upstream ? UPSTREAM_RECORD_TTL : this.options.recordTtl;
    if (ttl === 0) return;
    this.cacheOf(query.replica).store(query.key, query.response !== 'answer', ttl, this.sim.now);
  }

  private cacheOf(replica: number): DnsCache {
    return (this.caches[replica] ??= new DnsCache({
      answerCapacity: this.options.cacheEntries,
      denialCapacity: this.options.cacheEntries,
      answerMaxTtl: this.options.cacheTtl,
      denialMaxTtl: this.options.cacheTtl,
      answerMinTtl: Math.min(MIN_TTL, this.options.cacheTtl),
      denialMinTtl: Math.min(MIN_TTL, this.options.cacheTtl),
      eviction: this.streams.get(`dns/coredns-${replica}/eviction`),
    }));
  }
}
