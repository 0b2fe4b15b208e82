/**
 * Queries per lookup under ClusterFirst's search list and ndots:5, glibc and musl: the counts
 * docs/calibration.md derives from the resolvers' code, and the CoreDNS scaling guide's "5
 * backend queries". Independent: the model executes the search rules name by name; nothing was
 * fitted to these counts. A count is a count, so the tolerance is none.
 */
import { s } from '../../../src/engine/index.js';
import { scenarioMetric } from '../model-runs.js';
import type { Tolerance, ValidationCase } from '../validation-case.js';

const EXACT: Tolerance = { kind: 'exact', why: 'the count follows from the search rules: any difference is a wrong rule' };

interface Lookup {
  readonly name: string;
  readonly quantity: string;
  readonly overrides: Record<string, unknown>;
  readonly published: number;
  readonly source?: 'resolverRules' | 'scalingGuide';
}

/** Every request dials, so every request resolves its name once. */
function queriesPerLookup(overrides: Record<string, unknown>, duration: number) {
  return scenarioMetric({ 'workload.requestsPerConnection': 1, 'workload.requestsPerSecond': 300, ...overrides }, { warmup: s(2), duration: s(duration), replications: 1 }, 'dns_queries_per_lookup');
}

const LOOKUPS: readonly Lookup[] = [
  { name: 'short', quantity: '`svc-b` (short name, exists in the pod\'s namespace)', overrides: { 'workload.nameForm': 'short' }, published: 2 },
  { name: 'namespaced', quantity: '`svc-b.ns-b` (1 dot < 5: first search name NXDOMAIN)', overrides: { 'workload.nameForm': 'namespaced' }, published: 4 },
  { name: 'fqdn', quantity: 'Service FQDN without the final dot (4 dots < 5), h = 1 host search domain', overrides: { 'workload.nameForm': 'fqdn', 'dns.hostSearchDomains': 1 }, published: 10 },
  { name: 'fqdn-dot', quantity: 'Service FQDN with the final dot (never searched), h = 1', overrides: { 'workload.nameForm': 'fqdnDot', 'dns.hostSearchDomains': 1 }, published: 2 },
  { name: 'external', quantity: '`api.example.com` (2 dots < 5), h = 1: 2·(4 + h)', overrides: { 'workload.nameForm': 'external', 'dns.hostSearchDomains': 1 }, published: 10 },
];

function lookupCase(lookup: Lookup, resolver: 'glibc' | 'musl'): ValidationCase {
  const overrides = { ...lookup.overrides, 'dns.resolver': resolver };
  return {
    id: `dns-resolver.${lookup.name}-${resolver}`,
    group: 'Resolver query counts (ndots:5, ClusterFirst search list)',
    quantity: `Queries per lookup, ${resolver}, A and AAAA: ${lookup.quantity}`,
    unit: 'queries',
    published: lookup.published,
    source: 'resolverRules',
    use: 'independent',
    tolerance: EXACT,
    full: { scale: '1 run of 20 s, 300 lookups/s', compute: () => queriesPerLookup(overrides, 20) },
    ci: { scale: '1 run of 2 s, 300 lookups/s', compute: () => queriesPerLookup(overrides, 2) },
  };
}

/** ndots:1 turns the order round: a name with a dot is tried as written first. */
const NDOTS_ONE: readonly ValidationCase[] = [
  {
    id: 'dns-resolver.namespaced-ndots1-glibc',
    group: 'Resolver query counts (ndots:5, ClusterFirst search list)',
    quantity: 'Queries per lookup, glibc, ndots:1, `svc-b.ns-b`: as written (NXDOMAIN upstream), then 2 search names',
    unit: 'queries',
    published: 6,
    source: 'resolverRules',
    use: 'independent',
    tolerance: EXACT,
    full: { scale: '1 run of 20 s, 300 lookups/s', compute: () => queriesPerLookup({ 'workload.nameForm': 'namespaced', 'dns.ndots': 1 }, 20) },
    ci: { scale: '1 run of 2 s, 300 lookups/s', compute: () => queriesPerLookup({ 'workload.nameForm': 'namespaced', 'dns.ndots': 1 }, 2) },
  },
  {
    id: 'dns-resolver.namespaced-ndots1-musl',
    group: 'Resolver query counts (ndots:5, ClusterFirst search list)',
    quantity: 'Queries per lookup, musl, ndots:1, `svc-b.ns-b`: as written only (musl never searches a name with ≥ ndots dots; the lookup fails)',
    unit: 'queries',
    published: 2,
    source: 'resolverRules',
    use: 'independent',
    tolerance: EXACT,
    full: { scale: '1 run of 20 s, 300 lookups/s', compute: () => queriesPerLookup({ 'workload.nameForm': 'namespaced', 'dns.ndots': 1, 'dns.resolver': 'musl' }, 20) },
    ci: { scale: '1 run of 2 s, 300 lookups/s', compute: () => queriesPerLookup({ 'workload.nameForm': 'namespaced', 'dns.ndots': 1, 'dns.resolver': 'musl' }, 2) },
  },
];

/** The scaling guide's test: an external name, A only, one local search domain. */
const SCALING_GUIDE = { 'workload.nameForm': 'external', 'dns.hostSearchDomains': 1, 'dns.queryAAAA': false };

const scalingGuide: ValidationCase = {
  id: 'dns-resolver.scaling-guide-external',
  group: 'Resolver query counts (ndots:5, ClusterFirst search list)',
  quantity: 'Backend queries per client lookup of an external name, A only, search list `default.svc.cluster.local svc.cluster.local cluster.local mydomain.com` ("5 backend queries")',
  unit: 'queries',
  published: 5,
  source: 'scalingGuide',
  use: 'independent',
  tolerance: EXACT,
  full: { scale: '1 run of 20 s, 300 lookups/s', compute: () => queriesPerLookup(SCALING_GUIDE, 20) },
  ci: { scale: '1 run of 2 s, 300 lookups/s', compute: () => queriesPerLookup(SCALING_GUIDE, 2) },
};

export const DNS_RESOLVER_CASES: readonly ValidationCase[] = [
  ...LOOKUPS.flatMap((lookup) => [lookupCase(lookup, 'glibc'), lookupCase(lookup, 'musl')]),
  ...NDOTS_ONE,
  scalingGuide,
];
