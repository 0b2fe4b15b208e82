import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ms, NS_PER_S, s, type Nanoseconds } from '../../src/engine/index.js';
import { exponentialSampler, mix32, RandomStreams } from '../../src/random/index.js';
import { DNS_CACHE_DEFAULTS, DNS_CACHE_SHARDS, DnsCache, dnsCacheShardEntries, type DnsCacheOptions } from './dns-cache.js';

// Sources: coredns plugin/cache (cache.go, handler.go, item.go, setup.go, README.md) and
// plugin/pkg/cache/cache.go; the lines are quoted in dns-cache.ts.

const EVICTION = 'dns/cache-eviction';
const QTYPE_A = 1;
const QTYPE_AAAA = 28;
/** A key as CoreDNS's would be: a hash of name and qtype, random in its low byte. */
const keyOf = (name: number, qtype: number): number => mix32((name << 16) | qtype);
/** The `index`-th key of shard `shard` (key & 255 === shard). */
const inShard = (shard: number, index: number): number => index * DNS_CACHE_SHARDS + shard;

function cacheWith(options: Partial<DnsCacheOptions> = {}, seed = 1): DnsCache {
  return new DnsCache({ ...DNS_CACHE_DEFAULTS, eviction: new RandomStreams(seed, 0).get(EVICTION), ...options });
}

/**
 * One name looked up as a Poisson stream of `ratePerSecond`; a miss stores the reply at once
 * with record TTL `ttl`. Returns the fraction of lookups that hit.
 */
function poissonHitRatio(ratePerSecond: number, ttl: Nanoseconds, lookups: number, options: Partial<DnsCacheOptions> = {}): number {
  const cache = cacheWith(options);
  const gaps = exponentialSampler(new RandomStreams(2024, 0).get('test/lookups'), NS_PER_S / ratePerSecond);
  const key = keyOf(1, QTYPE_A);
  let now = 0;
  let hits = 0;
  for (let i = 0; i < lookups; i++) {
    now += Math.round(gaps.sample());
    if (cache.lookup(key, now) === 'answer') hits++;
    else cache.store(key, false, ttl, now);
  }
  return hits / lookups;
}

describe('DnsCache (CoreDNS plugin/cache)', () => {
  describe('hit ratio of one name under Poisson lookups', () => {
    // Jung, Berger and Balakrishnan, "Modeling TTL-based Internet caches", INFOCOM 2003: with
    // Poisson lookups of rate λ and a TTL T set at each miss, every miss starts a cycle with
    // Poisson(λT) hits, so the hit ratio is λT / (1 + λT). With m = λT and N lookups there are
    // N / (1+m) cycles; by the delta method the ratio's standard deviation is
    // sqrt(m / N) / (1+m)^1.5 (1.4e-4 at m = 10, 6.1e-4 at m = 0.5 for N = 400,000). The
    // tolerance is 4 of those: a seeded run stays inside it unless the cache is wrong.
    const lookups = 400_000;
    const cases = [
      { rate: 2, ttl: s(5), kept: 5, options: {}, expected: 10 / 11 },
      { rate: 0.1, ttl: s(5), kept: 5, options: {}, expected: 1 / 3 },
      // `cache 30`: a 300 s record is kept 30 s, so λT = 3 and the ratio is 3/4.
      { rate: 0.1, ttl: s(300), kept: 30, options: { answerMaxTtl: s(30), denialMaxTtl: s(30) }, expected: 3 / 4 },
    ];
    for (const { rate, ttl, kept, options, expected } of cases) {
      it(`hits λT/(1+λT) = ${expected.toFixed(4)} of lookups at λ = ${rate}/s with a ${kept} s lifetime`, () => {
        const m = rate * kept;
        expect(m / (1 + m)).toBeCloseTo(expected, 12);
        const standardDeviation = Math.sqrt(m / lookups) / (1 + m) ** 1.5;
        const observed = poissonHitRatio(rate, ttl, lookups, options);
        expect(Math.abs(observed - expected)).toBeLessThan(4 * standardDeviation);
      });
    }
  });

  describe('TTL clamping (cache.go computeTTL, item.go ttl)', () => {
    it('keeps a record with a TTL below 5 s for 5 s, and serves it until exactly then', () => {
      const cache = cacheWith();
      const key = keyOf(7, QTYPE_A);
      cache.store(key, false, s(1), s(100));
      expect(cache.lookup(key, s(105) - 1)).toBe('answer');
      expect(cache.lookup(key, s(105))).toBeUndefined();
    });

    it('caps answers at 3600 s and denials at 1800 s by default, and keeps a TTL in between as it is', () => {
      const cache = cacheWith();
      expect(cache.keptFor(s(7200), false)).toBe(s(3600));
      expect(cache.keptFor(s(7200), true)).toBe(s(1800));
      expect(cache.keptFor(s(60), false)).toBe(s(60));
      expect(cache.keptFor(s(60), true)).toBe(s(60));
      const answer = keyOf(1, QTYPE_A);
      const denial = keyOf(2, QTYPE_A);
      cache.store(answer, false, s(7200), 0);
      cache.store(denial, true, s(7200), 0);
      expect([cache.lookup(answer, s(1800) - 1), cache.lookup(denial, s(1800) - 1)]).toEqual(['answer', 'denial']);
      expect([cache.lookup(answer, s(1800)), cache.lookup(denial, s(1800))]).toEqual(['answer', undefined]);
      expect(cache.lookup(answer, s(3600) - 1)).toBe('answer');
      expect(cache.lookup(answer, s(3600))).toBeUndefined();
    });

    it('caps both at N with `cache N`, still raising short TTLs to 5 s', () => {
      const cache = cacheWith({ answerMaxTtl: s(30), denialMaxTtl: s(30) });
      expect(cache.keptFor(s(300), false)).toBe(s(30));
      expect(cache.keptFor(s(300), true)).toBe(s(30));
      expect(cache.keptFor(s(1), true)).toBe(s(5));
    });

    it('keeps whole seconds, caps after raising, and stores nothing kept for 0 s', () => {
      const cache = cacheWith({ answerMinTtl: 0, denialMinTtl: s(60), denialMaxTtl: s(30) });
      expect(cache.keptFor(ms(7900), false)).toBe(s(7)); // origTTL = uint32(d.Seconds())
      expect(cache.keptFor(s(1), true)).toBe(s(30)); // raised to 60, then capped at 30
      cache.store(keyOf(3, QTYPE_A), false, 0, 0); // `if hasKey && duration > 0`
      expect(cache.size).toBe(0);
    });
  });

  describe('capacity and random eviction (plugin/pkg/cache)', () => {
    it('gives each of 256 shards floor(capacity / 256) entries, at least 4: 39 by default, 9984 in all', () => {
      expect(dnsCacheShardEntries(9984)).toBe(39);
      expect(dnsCacheShardEntries(10_000)).toBe(39); // defaultCap = 10000
      expect(dnsCacheShardEntries(1024)).toBe(4);
      expect(dnsCacheShardEntries(100)).toBe(4);
      const cache = cacheWith();
      expect(cache.shardCapacity('answer') * DNS_CACHE_SHARDS).toBe(9984);
      expect(cache.shardCapacity('denial') * DNS_CACHE_SHARDS).toBe(9984);
    });

    it('evicts from a full shard one of its own entries, chosen by one draw of the stream, and leaves the other shards alone', () => {
      const cache = cacheWith({ answerCapacity: 1024 }, 7);
      for (let i = 0; i < 4; i++) cache.store(inShard(3, i), false, s(60), 0);
      cache.store(inShard(4, 0), false, s(60), 0);
      cache.store(inShard(4, 1), false, s(60), 0);
      const victim = Math.floor(new RandomStreams(7, 0).get(EVICTION).next() * 4);
      cache.store(inShard(3, 4), false, s(60), s(1));
      for (let i = 0; i <= 4; i++) expect(cache.lookup(inShard(3, i), s(2))).toBe(i === victim ? undefined : 'answer');
      expect([cache.lookup(inShard(4, 0), s(2)), cache.lookup(inShard(4, 1), s(2))]).toEqual(['answer', 'answer']);
      expect([cache.shardEntries('answer', 3), cache.shardEntries('answer', 4)]).toEqual([4, 2]);
      expect([cache.size, cache.evictions('answer')]).toEqual([6, 1]);
    });

    it('evicts nothing and draws nothing when a held key is stored again, and never draws on a lookup', () => {
      const stream = new RandomStreams(7, 0).get(EVICTION);
      const cache = new DnsCache({ ...DNS_CACHE_DEFAULTS, answerCapacity: 1024, eviction: stream });
      for (let i = 0; i < 4; i++) cache.store(inShard(0, i), false, s(5), 0);
      cache.store(inShard(0, 2), false, s(60), s(1));
      for (let i = 0; i < 100; i++) cache.lookup(inShard(0, i), s(i));
      expect(cache.evictions('answer')).toBe(0);
      expect(cache.lookup(inShard(0, 2), s(30))).toBe('answer'); // the new TTL replaced the old
      expect(stream.next()).toBe(new RandomStreams(7, 0).get(EVICTION).next());
    });

    it('keeps expired entries in their slots until a new key evicts one of them', () => {
      const cache = cacheWith({ answerCapacity: 1024 });
      for (let i = 0; i < 4; i++) cache.store(inShard(9, i), false, s(5), 0);
      expect(cache.lookup(inShard(9, 0), s(100))).toBeUndefined();
      expect([cache.size, cache.shardEntries('answer', 9)]).toEqual([4, 4]);
      cache.store(inShard(9, 4), false, s(5), s(100));
      expect([cache.size, cache.evictions('answer')]).toEqual([4, 1]);
    });

    it('keeps the same entries for the same seed, whatever the order of other streams', () => {
      const survivors = (seed: number): number[] => {
        const cache = cacheWith({ answerCapacity: 1024 }, seed);
        for (let i = 0; i < 200; i++) cache.store(inShard(5, i), false, s(60), s(i));
        return Array.from({ length: 200 }, (_, i) => i).filter((i) => cache.lookup(inShard(5, i), s(200)) === 'answer');
      };
      expect(survivors(11)).toEqual(survivors(11));
      expect(survivors(11)).toHaveLength(4);
      expect(survivors(11)).not.toEqual(survivors(12));
    });

    it('never holds more than its shard capacity in a shard, and a new key in a full shard replaces exactly one of that shard (property)', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1000 }), fc.array(fc.integer({ min: 0, max: 2047 }), { maxLength: 400 }), (seed, keys) => {
          const cache = cacheWith({ answerCapacity: 1024 }, seed);
          const held = new Map<number, Set<number>>(); // shard → keys the cache should hold
          for (const key of keys) {
            const shard = key & 255;
            const mine = held.get(shard) ?? new Set<number>();
            held.set(shard, mine);
            cache.store(key, false, s(3600), 0);
            const gone = [...mine].filter((k) => cache.lookup(k, 0) === undefined);
            expect(gone.length).toBe(mine.size >= 4 && !mine.has(key) ? 1 : 0);
            for (const k of gone) mine.delete(k);
            mine.add(key);
            expect(cache.lookup(key, 0)).toBe('answer');
            expect(cache.shardEntries('answer', shard)).toBe(mine.size);
            expect(mine.size).toBeLessThanOrEqual(4);
          }
          expect(cache.size).toBe([...held.values()].reduce((sum, set) => sum + set.size, 0));
        }),
        { numRuns: 100 },
      );
    });
  });

  describe('separate entries', () => {
    it('holds A and AAAA of one name as independent entries', () => {
      const cache = cacheWith();
      const a = keyOf(42, QTYPE_A);
      const aaaa = keyOf(42, QTYPE_AAAA);
      cache.store(a, false, s(30), 0);
      expect(cache.lookup(aaaa, s(1))).toBeUndefined();
      cache.store(aaaa, true, s(5), s(1)); // NODATA for AAAA
      expect([cache.lookup(a, s(2)), cache.lookup(aaaa, s(2))]).toEqual(['answer', 'denial']);
      expect([cache.lookup(a, s(10)), cache.lookup(aaaa, s(10))]).toEqual(['answer', undefined]);
      expect(cache.size).toBe(2);
    });

    it('keeps answers and denials in separate caches: denials filling a shard evict no answer', () => {
      const cache = cacheWith({ answerCapacity: 1024, denialCapacity: 1024 });
      for (let i = 0; i < 4; i++) cache.store(inShard(0, i), false, s(60), 0);
      for (let i = 4; i < 54; i++) cache.store(inShard(0, i), true, s(60), 0);
      for (let i = 0; i < 4; i++) expect(cache.lookup(inShard(0, i), s(1))).toBe('answer');
      expect([cache.entries('answer'), cache.entries('denial')]).toEqual([4, 4]);
      expect([cache.evictions('answer'), cache.evictions('denial')]).toEqual([0, 46]);
    });

    it('serves a fresh denial before a fresh answer of the same key, then the answer (handler.go getIgnoreTTL)', () => {
      const cache = cacheWith();
      const key = keyOf(5, QTYPE_A);
      cache.store(key, false, s(60), 0);
      cache.store(key, true, s(5), 0); // two concurrent misses, answered differently
      expect(cache.lookup(key, s(1))).toBe('denial');
      expect(cache.lookup(key, s(6))).toBe('answer');
    });
  });

  describe('validation', () => {
    it('refuses keys that are not 32-bit integers and options out of range, with exact messages', () => {
      const cache = cacheWith();
      expect(() => cache.lookup(1.5, 0)).toThrow('Expected a DNS cache key to be a 32-bit integer, got `1.5`');
      expect(() => cache.store(2 ** 32, false, s(5), 0)).toThrow('Expected a DNS cache key to be a 32-bit integer, got `4294967296`');
      expect(cache.lookup(2 ** 32 - 1, 0)).toBeUndefined(); // an unsigned key is fine
      expect(() => cacheWith({ answerCapacity: -3 })).toThrow('Expected `answerCapacity` to be an integer >= 0, got `-3`');
      expect(() => cacheWith({ denialMaxTtl: 0 })).toThrow('Expected `denialMaxTtl` to be an integer > 0 (ns), got `0`');
    });
  });
});
