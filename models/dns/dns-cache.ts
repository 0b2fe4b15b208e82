import { NS_PER_S, s, type Nanoseconds } from '../../src/engine/index.js';
import type { RandomStream } from '../../src/random/index.js';

/**
 * CoreDNS's `cache` plugin as a data structure (coredns `plugin/cache`, `plugin/pkg/cache`).
 * What it copies, with the lines it copies them from:
 *
 * - Two caches: "It has a success and a denial of existence cache" (cache.go, `pcache` and
 *   `ncache`). NOERROR answers (and delegations) go to the first; NXDOMAIN and NODATA to the
 *   second (`case response.NameError, response.NoData, response.ServerError: ... w.ncache.Add`).
 * - Size: `defaultCap = 10000`, and `cache.New` gives each of `shardSize = 256` shards
 *   `ssize := size / shardSize` entries, at least 4 (`if ssize < 4 { ssize = 4 }`): 39 per shard,
 *   9984 per cache ("256 * 39 = 9984 items", plugin/cache/README.md).
 * - Shard of a key: `shard := key & (shardSize - 1)` (pkg/cache Add/Get). The key is a hash
 *   of the DO bit, the qtype and the lowercased qname (cache.go `hash`: fnv.New64, writes DO,
 *   `byte(qtype >> 8)`, `byte(qtype)`, qname), so A and AAAA are separate entries.
 * - Eviction: "it just randomly evicts elements when it gets full" (pkg/cache). shard.Add: `if
 *   len(s.items) >= s.size { if _, ok := s.items[key]; !ok { for k := range s.items {
 *   delete(s.items, k); ... break } } }`: only a new key into a full shard evicts, and the victim
 *   is the first key of a Go map iteration, which starts at a random place. Which entry is
 *   first is random but not exactly uniform over entries; this model draws it uniformly
 *   from the `eviction` stream, one draw per eviction [assumption]. The victim may be fresh
 *   or expired: eviction never looks at TTLs ("Eviction is random, not TTL based").
 * - Expired entries are never removed: nothing in handler.go deletes an entry whose TTL ran
 *   out ("Entries with 0 TTL will remain in the cache until randomly evicted when the shard
 *   reaches capacity", README). So they keep their slot, and `size` counts them, as the
 *   `coredns_cache_entries` gauge (`pcache.Len()`) does.
 * - Lifetime: `computeTTL(msgTTL, minTTL, maxTTL)` raises to the minimum, then caps at the
 *   maximum; an entry is stored only if `duration > 0`. Defaults `minTTL =
 *   dnsutil.MinimalDefaultTTL` (5 s), `maxTTL = dnsutil.MaximumDefaulTTL` (1 h) for answers,
 *   `maxNTTL = dnsutil.MaximumDefaulTTL / 2` (1800 s) for denials, `minNTTL` 5 s.
 *   `cache N` sets both maxima (setup.go: `ca.pttl = ...; ca.nttl = time.Duration(ttl) *
 *   time.Second`); `success`/`denial CAPACITY [TTL] [MINTTL]` set each cache's own.
 * - Freshness: item.go keeps `origTTL = uint32(d.Seconds())` (whole seconds) and `ttl(now) =
 *   origTTL - int(now.Sub(stored).Seconds())`; handler.go serves it while `ttl > 0`. So an
 *   entry stored at t is fresh exactly while now < t + origTTL.
 * - Lookup order: getIgnoreTTL tries `c.ncache.Get(k)` before `c.pcache.Get(k)`, and storing
 *   an answer does not remove a denial of the same key (only a prefetch does).
 * - Off by default, so not modelled: prefetch (`prefetch: 0` in New), serve_stale
 *   (`staleUpTo` zero). Concurrent misses for one key are not coalesced: each goes to the
 *   next plugin (`doRefresh`) and each reply is stored, the last overwriting the others.
 *
 * Not modelled: SERVFAIL caching (the denial cache, for `failttl`, 5 s, unclamped),
 * `disable success|denial ZONES` and zone exceptions (the caller does not store those),
 * truncated replies (never cached), the DO bit (part of the caller's key).
 */

/** Shards per cache: `const shardSize = 256` (plugin/pkg/cache/cache.go). */
export const DNS_CACHE_SHARDS = 256;
const SHARD_MASK = DNS_CACHE_SHARDS - 1;
/** `if ssize < 4 { ssize = 4 }` in cache.New. */
const MIN_SHARD_ENTRIES = 4;

/** Which of the two caches: answers (NOERROR) or denials (NXDOMAIN, NODATA). */
export type DnsCacheKind = 'answer' | 'denial';

export interface DnsCacheOptions {
  /** Entries the answer cache holds: `success CAPACITY`; 9984. Rounded as CoreDNS does. */
  readonly answerCapacity: number;
  /** Entries the denial cache holds: `denial CAPACITY`; 9984. */
  readonly denialCapacity: number;
  /** Longest an answer is kept: 3600 s, or the `cache N` cap. */
  readonly answerMaxTtl: Nanoseconds;
  /** Longest a denial is kept: 1800 s, or the `cache N` cap. */
  readonly denialMaxTtl: Nanoseconds;
  /** Shortest an answer is kept: 5 s (`success CAPACITY TTL MINTTL`). */
  readonly answerMinTtl: Nanoseconds;
  /** Shortest a denial is kept: 5 s (`denial CAPACITY TTL MINTTL`). */
  readonly denialMinTtl: Nanoseconds;
  /** Which entry a full shard evicts: one draw per eviction. Give it its own named stream. */
  readonly eviction: RandomStream;
}

/** CoreDNS's defaults (cache.go New, dnsutil/ttl.go); `cache 30` sets both maxima to s(30). */
export const DNS_CACHE_DEFAULTS: Omit<DnsCacheOptions, 'eviction'> = {
  answerCapacity: 9984,
  denialCapacity: 9984,
  answerMaxTtl: s(3600),
  denialMaxTtl: s(1800),
  answerMinTtl: s(5),
  denialMinTtl: s(5),
};

/** Entries per shard for a cache of `capacity`: floor(capacity / 256), at least 4 (cache.New). */
export function dnsCacheShardEntries(capacity: number): number {
  return Math.max(Math.floor(capacity / DNS_CACHE_SHARDS), MIN_SHARD_ENTRIES);
}

/**
 * The cache of one CoreDNS server (or NodeLocal DNSCache). Keys are 32-bit integers the
 * caller derives from name and qtype (and DO bit); like CoreDNS's FNV hash they should look
 * random in their low byte, e.g. `mix32` of an injective id, so shards fill unevenly as they
 * do in CoreDNS. Two names with one key share an entry (CoreDNS's 64-bit key plus
 * `item.matches` would make that a miss), so keep keys distinct where names are.
 *
 * Cost: a lookup is two Map gets; a store one get and at most a delete and a set, plus one
 * draw when it evicts. Nothing is allocated per operation except by growth while a shard
 * fills and the Map's occasional rehash. Memory grows with the entries held, never beyond the
 * capacities, so a cache per node costs little until it is used.
 */
export class DnsCache {
  private readonly answers: RandomEvictionTable;
  private readonly denials: RandomEvictionTable;

  constructor(private readonly options: DnsCacheOptions) {
    checkOptions(options);
    this.answers = new RandomEvictionTable(dnsCacheShardEntries(options.answerCapacity), options.eviction);
    this.denials = new RandomEvictionTable(dnsCacheShardEntries(options.denialCapacity), options.eviction);
  }

  /** A fresh entry for `key` at `now`, denials first as CoreDNS looks; undefined on a miss. */
  lookup(key: number, now: Nanoseconds): DnsCacheKind | undefined {
    const k = checkedKey(key);
    if (this.denials.isFresh(k, now)) return 'denial';
    if (this.answers.isFresh(k, now)) return 'answer';
    return undefined;
  }

  /**
   * Stores a reply (from upstream or another plugin) whose smallest record TTL is `ttl`, for
   * keptFor(ttl) from `now`. A key already held is overwritten and evicts nothing; a new key
   * in a full shard evicts one entry of that shard, at random.
   */
  store(key: number, denial: boolean, ttl: Nanoseconds, now: Nanoseconds): void {
    const k = checkedKey(key);
    const kept = this.keptFor(ttl, denial);
    if (kept === 0) return; // `if hasKey && duration > 0`
    (denial ? this.denials : this.answers).add(k, now + kept);
  }

  /**
   * How long a reply with record TTL `ttl` stays fresh: clamp(ttl, min, max) as computeTTL
   * does, in whole seconds as item.go keeps it; 0 when it would not be stored.
   */
  keptFor(ttl: Nanoseconds, denial: boolean): Nanoseconds {
    const min = denial ? this.options.denialMinTtl : this.options.answerMinTtl;
    const max = denial ? this.options.denialMaxTtl : this.options.answerMaxTtl;
    let duration = ttl < min ? min : ttl;
    if (duration > max) duration = max;
    return duration > 0 ? Math.floor(duration / NS_PER_S) * NS_PER_S : 0;
  }

  /** Entries held in both caches, fresh or expired (expired ones stay until evicted). */
  get size(): number {
    return this.answers.size + this.denials.size;
  }

  /** Entries held in one cache (`coredns_cache_entries{type}`). */
  entries(kind: DnsCacheKind): number {
    return this.table(kind).size;
  }

  /** Entries evicted from one cache so far (`coredns_cache_evictions_total{type}`). */
  evictions(kind: DnsCacheKind): number {
    return this.table(kind).evictions;
  }

  /** Entries per shard of one cache: floor(capacity / 256), at least 4. */
  shardCapacity(kind: DnsCacheKind): number {
    return this.table(kind).shardCapacity;
  }

  /** Entries held in shard `shard` (0..255) of one cache. */
  shardEntries(kind: DnsCacheKind, shard: number): number {
    return this.table(kind).shardSize(shard);
  }

  private table(kind: DnsCacheKind): RandomEvictionTable {
    return kind === 'denial' ? this.denials : this.answers;
  }
}

/**
 * One of the two caches (plugin/pkg/cache `Cache`): 256 shards of `shardCapacity` entries.
 * A shard is one array of (key, expiry) pairs, created when first used and grown up to its
 * capacity; `positions` maps a key to its pair's index in its shard. Entries leave only by
 * eviction, and the new entry takes the victim's place, so positions never need compacting.
 */
class RandomEvictionTable {
  private readonly shards: (number[] | undefined)[] = new Array<number[] | undefined>(DNS_CACHE_SHARDS).fill(undefined);
  private readonly positions = new Map<number, number>();
  evictions = 0;

  constructor(
    readonly shardCapacity: number,
    private readonly eviction: RandomStream,
  ) {}

  get size(): number {
    return this.positions.size;
  }

  shardSize(shard: number): number {
    const pairs = this.shards[shard];
    return pairs === undefined ? 0 : pairs.length >> 1;
  }

  isFresh(key: number, now: Nanoseconds): boolean {
    const position = this.positions.get(key);
    return position !== undefined && now < (this.shards[key & SHARD_MASK] as number[])[2 * position + 1];
  }

  add(key: number, expiresAt: Nanoseconds): void {
    const shard = key & SHARD_MASK;
    const pairs = this.shards[shard] ?? (this.shards[shard] = []);
    const position = this.positions.get(key);
    if (position !== undefined) {
      pairs[2 * position + 1] = expiresAt; // `s.items[key] = el`: overwritten, nothing evicted
      return;
    }
    const held = pairs.length >> 1;
    if (held < this.shardCapacity) {
      pairs.push(key, expiresAt);
      this.positions.set(key, held);
      return;
    }
    const victim = Math.floor(this.eviction.next() * held);
    this.positions.delete(pairs[2 * victim]);
    pairs[2 * victim] = key;
    pairs[2 * victim + 1] = expiresAt;
    this.positions.set(key, victim);
    this.evictions++;
  }
}

/** The key as a signed 32-bit integer (the Map's small-integer fast path); fails fast otherwise. */
function checkedKey(key: number): number {
  const k = key | 0;
  if (k !== key && key >>> 0 !== key) {
    throw new RangeError(`Expected a DNS cache key to be a 32-bit integer, got \`${key}\``);
  }
  return k;
}

function checkOptions(options: DnsCacheOptions): void {
  for (const name of ['answerCapacity', 'denialCapacity'] as const) {
    requireInteger(name, options[name], 0, '>= 0');
  }
  for (const name of ['answerMaxTtl', 'denialMaxTtl'] as const) {
    requireInteger(name, options[name], 1, '> 0 (ns)'); // "cache TTL can not be zero or negative"
  }
  for (const name of ['answerMinTtl', 'denialMinTtl'] as const) {
    requireInteger(name, options[name], 0, '>= 0 (ns)'); // "cache min TTL can not be negative"
  }
  if (options.eviction === undefined) throw new TypeError('Expected `eviction` to be a random stream, got `undefined`');
}

function requireInteger(name: string, value: number, min: number, bound: string): void {
  if (!(Number.isSafeInteger(value) && value >= min)) {
    throw new RangeError(`Expected \`${name}\` to be an integer ${bound}, got \`${value}\``);
  }
}
