import { describe, expect, it } from 'vitest';
import {
  lookupPlan, lookupPlans, MAX_HOST_SEARCH_DOMAINS, MAX_NDOTS, NAME_FORMS, searchGoesOnAfter,
  type LookupPlan, type NameForm, type ResolverKind, type ResolverRules,
} from './lookup-plan.js';

// Sources, quoted in lookup-plan.ts: glibc resolv/res_query.c `__res_context_search` and
// `__res_context_query`; musl src/network/lookup_name.c `name_from_dns_search` and
// `name_from_dns`; docs/calibration.md, DNS, Client resolver (queries per lookup).

const RESOLVERS: readonly ResolverKind[] = ['glibc', 'musl'];

function rules(resolver: ResolverKind, ndots: number, hostSearchDomains: number, queryAAAA = true): ResolverRules {
  return { resolver, ndots, hostSearchDomains, queryAAAA };
}

/** The suffix kinds of the names tried, host domains with their index: 'host0', 'host1'. */
function order(plan: LookupPlan): string[] {
  return plan.names.map((name) => (name.suffix.kind === 'host' ? `host${name.suffix.index}` : name.suffix.kind));
}

/** Every combination of rules the validation accepts. */
function everyRules(): ResolverRules[] {
  const all: ResolverRules[] = [];
  for (const resolver of RESOLVERS)
    for (let ndots = 0; ndots <= MAX_NDOTS; ndots++)
      for (let h = 0; h <= MAX_HOST_SEARCH_DOMAINS; h++)
        for (const queryAAAA of [true, false]) all.push(rules(resolver, ndots, h, queryAAAA));
  return all;
}

describe('lookupPlan (the client resolver\'s search rules)', () => {
  // Queries per lookup with A and AAAA: [form, ndots, h, glibc, musl]; a musl count in brackets
  // in the comment means the lookup never reaches an answer (it fails with NXDOMAIN).
  const table: ReadonlyArray<readonly [NameForm, number, number, number, number]> = [
    // ndots 5 (kubelet's default). short: the first search name answers (calibration.md: 2).
    ['short', 5, 0, 2, 2],
    ['short', 5, 1, 2, 2],
    // namespaced: `svc.ns.<own ns>.svc.cluster.local` NXDOMAIN, then `svc.ns.svc.cluster.local` (calibration.md: 4).
    ['namespaced', 5, 0, 4, 4],
    ['namespaced', 5, 1, 4, 4],
    // fqdn without the dot: 4 dots < 5, so both walk the whole search list before the name as written: 2·(4+h).
    ['fqdn', 5, 0, 8, 8],
    ['fqdn', 5, 1, 10, 10],
    // fqdnDot: a trailing dot is never searched (glibc `|| trailing_dot ... return (ret)`; musl `name[l-1]=='.'`).
    ['fqdnDot', 5, 0, 2, 2],
    ['fqdnDot', 5, 1, 2, 2],
    // external: 2 dots < 5: 3 cluster names + h host names, all NXDOMAIN, then as written (calibration.md: 2·(4+h), 10 at h = 1).
    ['external', 5, 0, 8, 8],
    ['external', 5, 1, 10, 10],
    ['external', 5, 2, 12, 12],
    // ndots 2: `svc.ns` (1 dot) still searches; `api.example.com` (2 dots) and the FQDN are tried as written first and answer.
    ['short', 2, 1, 2, 2],
    ['namespaced', 2, 1, 4, 4],
    ['fqdn', 2, 1, 2, 2],
    ['external', 2, 1, 2, 2],
    // ndots 1: `svc.ns` has 1 dot >= 1. glibc tries `svc.ns` as written (upstream NXDOMAIN), then
    // searches (`dots && !trailing_dot && RES_DNSRCH`): 3 names, 6 queries. musl suppresses the
    // search (`dots >= conf.ndots` → `*search = 0`): `svc.ns` only, NXDOMAIN, [2] and no answer.
    ['short', 1, 1, 2, 2],
    ['namespaced', 1, 1, 6, 2],
    ['fqdn', 1, 1, 2, 2],
    ['fqdnDot', 1, 1, 2, 2],
    ['external', 1, 1, 2, 2],
    // ndots 0: even `svc` has enough dots. glibc tries `svc` as written (upstream NXDOMAIN), then
    // searches (`!dots && RES_DEFNAMES`): 4 queries. musl tries `svc` only: [2], no answer.
    ['short', 0, 0, 4, 2],
  ];

  it.each(table)('sends the documented queries per lookup for %s at ndots %i with %i host domains (glibc %i, musl %i)', (form, ndots, h, glibc, musl) => {
    expect(lookupPlan(form, rules('glibc', ndots, h)).queries).toBe(glibc);
    expect(lookupPlan(form, rules('musl', ndots, h)).queries).toBe(musl);
  });

  it('matches the three examples of docs/calibration.md for glibc at ndots 5', () => {
    // calibration.md, Client resolver, "Queries per lookup, glibc": 2, 4 and 2·(4+h).
    expect(lookupPlan('short', rules('glibc', 5, 1)).queries).toBe(2);
    expect(lookupPlan('namespaced', rules('glibc', 5, 1)).queries).toBe(4);
    expect(lookupPlan('external', rules('glibc', 5, 1)).queries).toBe(10);
  });

  it('counts the 5 backend queries of the CoreDNS scaling guide for an external name, A only, one host domain', () => {
    // coredns/deployment kubernetes/Scaling_CoreDNS.md, quoted in calibration.md: 3 + 1 + 1 = 5 names.
    expect(lookupPlan('external', rules('glibc', 5, 1, false)).queries).toBe(5);
  });

  it('fails a musl lookup of svc.ns at ndots 1 and answers it with glibc', () => {
    // musl: `if (dots >= conf.ndots || name[l-1]=='.') *search = 0;` then `name_from_dns(..., name, ...)` only.
    const musl = lookupPlan('namespaced', rules('musl', 1, 1));
    expect(musl.answered).toBe(false);
    expect(order(musl)).toEqual(['asWritten']);
    expect(musl.names[0]).toEqual({ suffix: { kind: 'asWritten' }, zone: 'upstream', outcome: 'nxdomain' });
    // glibc: as written first (`dots >= statp->ndots`), then the search list; `tried_as_is` skips the last try.
    const glibc = lookupPlan('namespaced', rules('glibc', 1, 1));
    expect(glibc.answered).toBe(true);
    expect(order(glibc)).toEqual(['asWritten', 'namespace', 'svc']);
  });

  it('tries the search list before the name as written when it has fewer dots than ndots', () => {
    // glibc: the as-written try comes after the search loop, `if (... && !(tried_as_is || root_on_list))`;
    // musl: `for (p=search; ...)` then `return name_from_dns(buf, canon, name, family, &conf)`.
    for (const resolver of RESOLVERS) {
      expect(order(lookupPlan('external', rules(resolver, 5, 2)))).toEqual(['namespace', 'svc', 'cluster', 'host0', 'host1', 'asWritten']);
      expect(order(lookupPlan('fqdn', rules(resolver, 5, 1)))).toEqual(['namespace', 'svc', 'cluster', 'host0', 'asWritten']);
      expect(order(lookupPlan('namespaced', rules(resolver, 5, 2)))).toEqual(['namespace', 'svc']);
      expect(order(lookupPlan('short', rules(resolver, 5, 2)))).toEqual(['namespace']);
    }
  });

  it('stops at the first name that answers, which is the last name tried', () => {
    // glibc `if (ret > 0 || (ret == 0 && resplen2 != NULL && *resplen2 > 0)) return (ret);`; musl `if (cnt) return cnt;`.
    for (const r of everyRules()) {
      for (const form of NAME_FORMS) {
        const plan = lookupPlan(form, r);
        const answers = plan.names.filter((name) => name.outcome === 'answer').length;
        expect(answers).toBe(plan.answered ? 1 : 0);
        if (plan.answered) expect(plan.names[plan.names.length - 1].outcome).toBe('answer');
        expect(plan.queries).toBe(plan.names.length * plan.queriesPerName);
      }
    }
  });

  it('always reaches an answer with glibc, and with musl tries no more names than glibc', () => {
    // glibc searches after a failed as-written try; musl never does when dots >= ndots.
    for (const r of everyRules().filter((x) => x.resolver === 'glibc')) {
      for (const form of NAME_FORMS) {
        const glibc = lookupPlan(form, r);
        const musl = lookupPlan(form, { ...r, resolver: 'musl' });
        expect(glibc.answered).toBe(true);
        expect(musl.names.length).toBeLessThanOrEqual(glibc.names.length);
      }
    }
  });

  it('sends host-domain names and non-cluster names as written upstream, and cluster.local names to the kubernetes plugin', () => {
    // kubeadm Corefile (calibration.md, CoreDNS): `kubernetes cluster.local`, `forward . /etc/resolv.conf`.
    const external = lookupPlan('external', rules('glibc', 5, 1));
    expect(external.names.map((name) => name.zone)).toEqual(['cluster', 'cluster', 'cluster', 'upstream', 'upstream']);
    expect(external.names.map((name) => name.outcome)).toEqual(['nxdomain', 'nxdomain', 'nxdomain', 'nxdomain', 'answer']);
    const fqdn = lookupPlan('fqdn', rules('musl', 5, 2));
    expect(fqdn.names.map((name) => name.zone)).toEqual(['cluster', 'cluster', 'cluster', 'upstream', 'upstream', 'cluster']);
    const short = lookupPlan('short', rules('glibc', 0, 1));
    expect(short.names.map((name) => name.zone)).toEqual(['upstream', 'cluster']);
    for (const form of ['short', 'namespaced'] as const) {
      expect(lookupPlan(form, rules('glibc', 5, 3)).names.every((name) => name.zone === 'cluster')).toBe(true);
    }
  });

  it('halves every count when only A is queried', () => {
    // glibc nss_dns: `RES_NOAAAA` → `__res_context_search (..., T_A, ...)`; musl: AF_INET sends RR_A only.
    // A Service's AAAA is NODATA while its A answers, so the names tried are the same.
    for (const r of everyRules().filter((x) => x.queryAAAA)) {
      for (const form of NAME_FORMS) {
        const both = lookupPlan(form, r);
        const aOnly = lookupPlan(form, { ...r, queryAAAA: false });
        expect(aOnly.queriesPerName).toBe(1);
        expect(aOnly.queries * 2).toBe(both.queries);
        expect(aOnly.names).toEqual(both.names);
      }
    }
  });

  it('never searches a name with a trailing dot, whatever ndots and the search list', () => {
    // glibc `if (ret > 0 || trailing_dot ...) return (ret);`; musl `name[l-1]=='.'` → `*search = 0`.
    for (const r of everyRules()) {
      const plan = lookupPlan('fqdnDot', r);
      expect(plan.names).toEqual([{ suffix: { kind: 'asWritten' }, zone: 'cluster', outcome: 'answer' }]);
      expect(plan.queries).toBe(r.queryAAAA ? 2 : 1);
    }
  });

  it('moves past NXDOMAIN in both libcs, past NODATA and SERVFAIL only in glibc', () => {
    // glibc: `case NO_DATA: ... case HOST_NOT_FOUND: /* keep trying */` and SERVFAIL "try next search element".
    // musl: `if ((abuf[i][3] & 15) == 3) return 0;` (NXDOMAIN), else EAI_AGAIN or EAI_NODATA ends `if (cnt) return cnt;`.
    expect(searchGoesOnAfter('glibc', 'nxdomain')).toBe(true);
    expect(searchGoesOnAfter('glibc', 'nodata')).toBe(true);
    expect(searchGoesOnAfter('glibc', 'servfail')).toBe(true);
    expect(searchGoesOnAfter('musl', 'nxdomain')).toBe(true);
    expect(searchGoesOnAfter('musl', 'nodata')).toBe(false);
    expect(searchGoesOnAfter('musl', 'servfail')).toBe(false);
  });

  it('builds one plan per name form, frozen, equal to lookupPlan', () => {
    const r = rules('glibc', 5, 1);
    const plans = lookupPlans(r);
    expect(Object.keys(plans)).toEqual([...NAME_FORMS]);
    for (const form of NAME_FORMS) expect(plans[form]).toEqual(lookupPlan(form, r));
    expect(Object.isFrozen(plans)).toBe(true);
    expect(Object.isFrozen(plans.external.names)).toBe(true);
  });

  it('rejects ndots outside 0..15 and host search domains outside 0..6, naming the field', () => {
    expect(() => lookupPlan('short', rules('glibc', -1, 0))).toThrow(new RangeError('Expected `ndots` to be an integer from 0 to 15, got `-1`'));
    expect(() => lookupPlan('short', rules('glibc', 16, 0))).toThrow(RangeError);
    expect(() => lookupPlan('short', rules('musl', 2.5, 0))).toThrow(/`ndots`.*`2\.5`/);
    expect(() => lookupPlan('short', rules('glibc', 5, 7))).toThrow(new RangeError('Expected `hostSearchDomains` to be an integer from 0 to 6, got `7`'));
    expect(() => lookupPlans(rules('glibc', 5, Number.NaN))).toThrow(/`hostSearchDomains`/);
  });
});
