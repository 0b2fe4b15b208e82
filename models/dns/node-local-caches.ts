import type { Nanoseconds } from '../../src/engine/index.js';
import { mix32, type RandomStreams } from '../../src/random/index.js';
import { DnsCache } from './dns-cache.js';
import { negativeOf, type DnsQuery, type DnsResponse } from './dns-records.js';

/** NodeLocal DNSCache keeps answers up to 30 s and denials up to 5 s (KEP-1024's Corefile). */
const ANSWER_TTL: Nanoseconds = 30e9;
const DENIAL_TTL: Nanoseconds = 5e9;

/**
 * NodeLocal DNSCache (KEP-1024): a CoreDNS cache on every node at 169.254.20.10, reached without
 * DNAT or conntrack. A miss for a cluster-domain name goes to CoreDNS over TCP — one long-lived
 * connection per node, so each node's misses stay on one replica (fixed here by a hash of the
 * node) — and an external name goes straight to the node's upstream resolvers. The cache is
 * built on the node's first query, so untouched nodes cost nothing.
 */
export class NodeLocalCaches {
  private readonly caches = new Map<number, DnsCache>();
  private lookups = 0;
  private hits = 0;
  private upstreamForwards = 0;
  private inWindow = false;

  constructor(
    private readonly streams: RandomStreams,
    private readonly replicas: number,
    private readonly cacheEntries: number,
  ) {}

  /** The node's cached response to the query, counting the lookup. */
  cached(node: number, query: DnsQuery, now: Nanoseconds): DnsResponse | undefined {
    if (this.inWindow) this.lookups++;
    const kind = this.caches.get(node)?.lookup(query.key, now);
    if (kind === undefined) return undefined;
    if (this.inWindow) this.hits++;
    return kind === 'answer' ? 'answer' : negativeOf(query);
  }

  /** Keeps the response the node got from CoreDNS or upstream (not a failure). */
  remember(node: number, query: DnsQuery, now: Nanoseconds): void {
    if (query.response === 'servfail' || query.response === 'refused') return;
    this.cacheOf(node).store(query.key, query.response !== 'answer', query.response === 'answer' ? ANSWER_TTL : DENIAL_TTL, now);
  }

  /** The replica a node's NodeLocal cache forwards cluster-domain misses to. */
  replicaOf(node: number): number {
    return mix32(node + 0x7f4a7c15) % this.replicas;
  }

  countUpstreamForward(): void {
    if (this.inWindow) this.upstreamForwards++;
  }

  startWindow(): void {
    this.inWindow = true;
  }

  endWindow(): void {
    this.inWindow = false;
  }

  hitRatio(): number | undefined {
    return this.lookups > 0 ? this.hits / this.lookups : undefined;
  }

  get upstreamQueries(): number {
    return this.upstreamForwards;
  }

  private cacheOf(node: number): DnsCache {
    let cache = this.caches.get(node);
    if (cache === undefined) {
      cache = new DnsCache({
        answerCapacity: this.cacheEntries,
        denialCapacity: this.cacheEntries,
        answerMaxTtl: ANSWER_TTL,
        denialMaxTtl: DENIAL_TTL,
        answerMinTtl: DENIAL_TTL,
        denialMinTtl: DENIAL_TTL,
        eviction: this.streams.get(`dns/node-local-${node}/eviction`),
      });
      this.caches.set(node, cache);
    }
    return cache;
  }
}
