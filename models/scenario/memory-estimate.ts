/**
 * A conservative estimate of what one run of the real scenario holds in memory at its peak,
 * from the parameter values alone (nothing is built): `eastwest validate` prints it next to
 * the time estimate, and `validate` and `run` refuse a run that would not fit (docs/design.md,
 * Contracts: Command line). Each term is an upper bound on what it counts, times a byte cost
 * about twice what was measured.
 *
 * Calibration (bench/memory-probe.ts: one run in its own process; peak resident set from
 * getrusage, V8 heap after a full GC; Node 20, x86-64, 2025): the defaults (100 nodes, 1,000
 * Services × 10 endpoints, 2,000 requests/s, 10 s) peak 23 MiB above the 94 MiB of Node with
 * the model loaded; 50,000 nodes add 72 MiB of heap (1.5 KiB a node); 10 million backend pods
 * (100,000 Services × 100) 452 MiB of resident set (45 B a pod: the 48-byte station record of
 * every pod a request reached, in pages of 4,096); client pods cost nothing until they hold
 * connections; 2 million idle connections kept open (idleTimeout 1h, no pool limit) 1,850 MiB
 * (≈ 935 B each with their pool, age-list and conntrack state); 100,000 requests/s with a new
 * connection each, which overloads CoreDNS, grew the heap 55 MiB per simulated second (≈ 550 B
 * per request waiting); a point of a resolved sweep costs 4.8 KiB (the experiment layer counts it).
 *
 * Not covered: an overloaded station (offered load >= 1, which the run warns about) queues
 * without bound, up to the rate × the simulated time; the estimate allows 10 s of arrivals in
 * flight. A `--timeseries` run's buckets are not counted either.
 */
import type { MemoryItem, RunSettings, ScenarioValues } from '../../src/contract/scenario-model.js';
import { NS_PER_S } from '../../src/engine/time.js';
import { distributionMean } from '../../src/random/index.js';
import type { ServiceClassSpec } from '../cluster/service-classes.js';

const KIB = 1024;
const MIB = KIB * KIB;

/** Bytes per thing counted: about twice the measured cost (see above). */
export const MEMORY_COSTS = {
  /** Statistics, sketches, the event queue's base, code paths first run: measured 23 MiB. */
  runBase: 48 * MIB,
  node: 2 * KIB,
  /** A station record (48 B) once its page is touched, plus the pod in its EndpointSlices. */
  backendPod: 64,
  requestInFlight: KIB,
  openConnection: KIB,
  /** A closed connection's or a DNS flow's entry waiting to expire (16 B, in arrays that double). */
  lingeringEntry: 32,
  dnsCacheEntry: 128,
  /** IPVS rr's pointer per (node, Service) pair that got a connection: one Map entry. */
  pairPointer: 64,
  /** One endpoint of an EndpointSlice version kept until every node has programmed it. */
  keptEndpoint: 32,
} as const;

/** Arrivals allowed in flight at once: 10 s of the request rate (see "Not covered"). */
const IN_FLIGHT_SECONDS = 10;
/** Queries one lookup can send: A and AAAA for each name the search list tries (3 + 1 tries, more with host domains). */
const QUERIES_PER_LOOKUP_BASE = 2 * 4;
/** Query variants per name called (search-list tries × A/AAAA): what a cache can fill with per name. */
const CACHE_KEYS_PER_NAME = 16;
/** NodeLocal DNSCache keeps an answer at most 30 s (node-local-caches.ts). */
const NODE_LOCAL_TTL_SECONDS = 30;
/** How long an EndpointSlice version may wait for the slowest node beyond its sync period and fan-out. */
const VERSION_RETENTION_SECONDS = 60;

/** The terms of one run's peak memory for these values and settings. */
export function scenarioMemoryItems(values: ScenarioValues, settings: RunSettings): MemoryItem[] {
  const v = new Values(values);
  const simulated = (settings.warmup + settings.duration) / NS_PER_S;
  const rate = offeredRate(v);
  /** Requests made within `seconds` of simulated time (never more than the run makes). */
  const within = (seconds: number): number => rate * Math.min(seconds, simulated);
  const nodes = v.number('cluster.nodes');
  const shape = serviceShape(v);
  return [
    { what: 'a run of any size (statistics, event queue, code)', count: 1, bytesEach: MEMORY_COSTS.runBase },
    { what: 'nodes', count: nodes, bytesEach: MEMORY_COSTS.node },
    { what: 'backend pods (Services × endpoints, and pods churn creates)', count: shape.endpoints + createdPods(v, simulated), bytesEach: MEMORY_COSTS.backendPod },
    { what: `requests in flight (${IN_FLIGHT_SECONDS} s of arrivals)`, count: within(IN_FLIGHT_SECONDS), bytesEach: MEMORY_COSTS.requestInFlight },
    { what: 'open connections (rate × idle timeout, within the pool limits)', count: openConnections(v, within), bytesEach: MEMORY_COSTS.openConnection },
    { what: 'conntrack and IPVS entries lingering after close, DNS flows', count: lingeringEntries(v, within), bytesEach: MEMORY_COSTS.lingeringEntry },
    { what: 'DNS cache entries (CoreDNS, NodeLocal, client pods)', count: dnsCacheEntries(v, within), bytesEach: MEMORY_COSTS.dnsCacheEntry },
    { what: 'IPVS rr pointers per (node, Service)', count: ipvsPointers(v, within), bytesEach: MEMORY_COSTS.pairPointer },
    { what: 'endpoints of EndpointSlice versions awaiting the nodes', count: keptEndpoints(v, simulated), bytesEach: MEMORY_COSTS.keptEndpoint },
  ];
}

/**
 * The rate the estimate sizes requests by: the open stream's, or under closed-loop callers the
 * most they could make (each call at least 1 ms apart: a round trip and a service time).
 */
function offeredRate(v: Values): number {
  if (v.text('workload.arrivals') !== 'closed') return v.number('workload.requestsPerSecond');
  return v.number('workload.clientPods') * v.number('workload.callersPerClientPod') * 1_000;
}

/** Services and their initial endpoints: the shorthand's product, or the classes' sum (a drawn count at 1.5 × its mean). */
function serviceShape(v: Values): { services: number; endpoints: number; largest: number } {
  const classes = v.list('cluster.serviceClasses') as readonly ServiceClassSpec[];
  if (classes.length === 0) {
    const each = v.number('cluster.endpointsPerService');
    return { services: v.number('cluster.services'), endpoints: v.number('cluster.services') * each, largest: each };
  }
  const perClass = classes.map((serviceClass) => classEndpoints(serviceClass, v.number('cluster.endpointsPerService')));
  return {
    services: classes.reduce((sum, serviceClass) => sum + serviceClass.count, 0),
    endpoints: perClass.reduce((sum, { total }) => sum + total, 0),
    largest: Math.max(...perClass.map(({ largest }) => largest)),
  };
}

function classEndpoints(serviceClass: ServiceClassSpec, fallback: number): { total: number; largest: number } {
  const counts = serviceClass.endpoints ?? { kind: 'fixed', endpoints: fallback };
  switch (counts.kind) {
    case 'fixed':
      return { total: counts.endpoints * serviceClass.count, largest: counts.endpoints };
    case 'histogram':
      return { total: counts.bins.reduce((sum, [endpoints, services]) => sum + endpoints * services, 0), largest: Math.max(...counts.bins.map(([endpoints]) => endpoints)) };
    case 'distribution': {
      const mean = Math.min(100_000, 1.5 * distributionMean(counts.spec));
      return { total: mean * serviceClass.count, largest: 100_000 };
    }
  }
}

/** Pods churn adds (replacements, the pods of created Services, a scale-up): new pod numbers, new station pages. */
function createdPods(v: Values, simulated: number): number {
  const shape = serviceShape(v);
  const mean = shape.services === 0 ? 0 : shape.endpoints / shape.services;
  const perSecond = v.number('churn.podReplacementsPerSecond') + v.number('churn.serviceCreatesPerSecond') * mean;
  return perSecond * simulated + v.number('churn.scaleReplicas');
}

/**
 * Connections kept idle: each was used within the idle timeout, so at most that many requests'
 * worth, within the HTTP/1.1 pool limits (HTTP/2 connections have none but the idle timeout).
 */
function openConnections(v: Values, within: (seconds: number) => number): number {
  if (v.text('workload.protocol') === 'http2') return within(v.seconds('workload.idleTimeout'));
  if (v.number('workload.requestsPerConnection') === 1) return 0;
  const clients = v.number('workload.clientPods');
  const perClient = v.number('workload.maxIdleConnections');
  const perPool = v.number('workload.maxIdlePerService') * (serviceShape(v).services + v.number('workload.externalNames'));
  const poolLimit = clients * (perClient > 0 ? Math.min(perClient, perPool) : perPool);
  return Math.min(within(v.seconds('workload.idleTimeout')), poolLimit);
}

/** Entries that outlive their connection or query: TIME_WAIT (both nodes), IPVS FIN_WAIT, UDP flows of DNS queries. */
function lingeringEntries(v: Values, within: (seconds: number) => number): number {
  const tcp = 2 * within(v.seconds('proxy.conntrack.timeWaitTimeout'));
  const ipvs = v.text('proxy.mode') === 'ipvs' ? within(v.seconds('proxy.ipvs.tcpFinTimeout')) : 0;
  const udp = queriesPerLookup(v) * within(v.seconds('proxy.conntrack.udpTimeout'));
  return tcp + ipvs + udp;
}

function queriesPerLookup(v: Values): number {
  return (QUERIES_PER_LOOKUP_BASE + 2 * v.number('dns.hostSearchDomains')) * v.number('dns.attempts');
}

/** Each cache holds at most its capacity, the names there are, and what was asked within its TTL. */
function dnsCacheEntries(v: Values, within: (seconds: number) => number): number {
  const names = CACHE_KEYS_PER_NAME * (serviceShape(v).services + v.number('workload.externalNames'));
  const capacity = 2 * v.number('dns.coredns.cacheEntries');
  const queries = (seconds: number): number => queriesPerLookup(v) * within(seconds);
  const cacheTtl = v.seconds('dns.coredns.cacheTTL');
  const coreDns = cacheTtl === 0 ? 0 : Math.min(coreDnsReplicas(v) * Math.min(capacity, names), queries(cacheTtl));
  const nodeLocal = v.flag('dns.nodeLocalCache') ? Math.min(v.number('cluster.nodes') * Math.min(capacity, names), queries(NODE_LOCAL_TTL_SECONDS)) : 0;
  const clientTtl = v.seconds('workload.clientDnsCacheTTL');
  const client = clientTtl === 0 ? 0 : Math.min(v.number('workload.clientPods') * names, within(clientTtl));
  const flows = v.flag('workload.dnsSocketReuse') ? v.number('workload.clientPods') : 0;
  return coreDns + nodeLocal + client + flows;
}

/** dns-model.ts: the replicas given, or the cluster-proportional-autoscaler's count. */
function coreDnsReplicas(v: Values): number {
  const given = v.number('dns.coredns.replicas');
  if (given > 0) return given;
  const nodes = v.number('cluster.nodes');
  return Math.max(2, Math.ceil((nodes * v.number('cluster.nodeCores')) / 256), Math.ceil(nodes / 16));
}

function ipvsPointers(v: Values, within: (seconds: number) => number): number {
  if (v.text('proxy.mode') !== 'ipvs' || v.text('proxy.ipvs.scheduler') !== 'rr') return 0;
  return Math.min(v.number('cluster.nodes') * serviceShape(v).services, within(Infinity));
}

/** Versions written within the time the slowest node takes to program them, each a copy of its Service's endpoints. */
function keptEndpoints(v: Values, simulated: number): number {
  const changes = 4 * v.number('churn.podReplacementsPerSecond') + 2 * v.number('churn.serviceCreatesPerSecond');
  if (changes === 0 && !v.flag('churn.rollout') && v.number('churn.scaleReplicas') === 0 && v.number('churn.failedNodes') === 0) return 0;
  const writesPerSecond = Math.min(v.number('controlPlane.endpointSliceWritesPerSecond'), Math.max(changes, 1));
  const fanOut = v.number('cluster.nodes') * v.seconds('controlPlane.watchCostPerWatcher');
  const retention = VERSION_RETENTION_SECONDS + v.seconds('proxy.minSyncPeriod') + fanOut;
  const endpoints = Math.max(serviceShape(v).largest, v.number('churn.scaleReplicas'));
  return writesPerSecond * Math.min(retention, simulated) * endpoints;
}

/** Reads values by path; a path the scenario lacks is a bug here, not bad input. */
class Values {
  constructor(private readonly values: ScenarioValues) {}

  list(path: string): readonly unknown[] {
    const value = this.values.get(path);
    if (!Array.isArray(value)) throw new Error(`memory estimate: \`${path}\` is not a list in the scenario`);
    return value;
  }

  number(path: string): number {
    const value = this.values.get(path);
    if (typeof value !== 'number') throw new Error(`memory estimate: \`${path}\` is not a number in the scenario`);
    return value;
  }

  /** A duration parameter in seconds. */
  seconds(path: string): number {
    return this.number(path) / NS_PER_S;
  }

  text(path: string): string {
    return String(this.values.get(path));
  }

  flag(path: string): boolean {
    return this.values.get(path) === true;
  }
}
