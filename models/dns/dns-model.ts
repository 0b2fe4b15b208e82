import type { MixValue } from '../../src/contract/parameter-spec.js';
import { makeSampler, type RandomStreams } from '../../src/random/index.js';
import type { Cluster } from '../cluster/cluster.js';
import { ProgrammedViews } from '../cluster/programmed-views.js';
import { defineModel } from '../core/model-definition.js';
import { kubeDnsService } from '../proxy/create-data-plane.js';
import type { EndpointSource } from '../proxy/data-plane.js';
import { CoreDns } from './coredns.js';
import { DNS_METRICS } from './dns-metric-specs.js';
import { DnsMetrics } from './dns-metrics.js';
import { DNS_PARAMETERS } from './dns-parameters.js';
import { DnsResolver } from './dns-resolver.js';
import { KubeDnsFlows } from './kube-dns-flows.js';
import { lookupPlans, NAME_FORMS, type LookupPlan } from './lookup-plan.js';
import type { NameResolver } from './name-resolver.js';
import { NameFormTargets } from './name-form-targets.js';
import { NodeLocalCaches } from './node-local-caches.js';
import type { ServiceChoice } from '../workload/service-choice.js';

declare module '../core/seams.js' {
  interface Seams {
    /** The client pods' name resolution. */
    resolver: NameResolver;
    /** The endpoints CoreDNS answers headless Services with (its informer's view, one consumer). */
    coreDnsView: ProgrammedViews;
  }
}

/** cluster-proportional-autoscaler's defaults: max(ceil(cores / 256), ceil(nodes / 16)), at least 2. */
export function autoscaledReplicas(cluster: Cluster): number {
  return Math.max(Math.ceil((cluster.nodes * cluster.nodeCores) / 256), Math.ceil(cluster.nodes / 16), 2);
}

/**
 * Service discovery: the client's resolver (search list, ndots, glibc or musl, timeouts), name
 * forms, NodeLocal DNSCache, kube-dns flows through the data plane, CoreDNS replicas with their
 * caches, CPU and upstream, and the faults of UDP DNS (docs/calibration.md, DNS).
 */
export const dnsModel = defineModel({
  name: 'dns',
  parameters: DNS_PARAMETERS,
  metrics: DNS_METRICS,
  failureReasons: {
    dns_timeout: 'the resolver sent every attempt of a query and got no answer within its timeout (lost packets, the conntrack race)',
    dns_nxdomain: 'no name the resolver tried had an address (e.g. musl never searches a name with ndots or more dots)',
    dns_servfail: 'the name the lookup ended on got SERVFAIL (CoreDNS waited past the forward timeout)',
    dns_refused: 'the name the lookup ended on got REFUSED (a CoreDNS replica had max_concurrent queries upstream)',
  },
  wire(config, { sim, streams, settings, seams, probes, stations }) {
    const { dns, workload } = config;
    const cluster = seams.get('cluster', 'dns');
    const dataPlane = seams.get('dataPlane', 'dns');
    const network = seams.get('network', 'dns').forTraffic('dns');
    seams.provide('callTargets', targetsOf(workload.nameForm, cluster, seams.get('serviceChoice', 'dns'), seams.get('popularity', 'dns').exponent, streams, workload), 'dns');
    const coreDns = new CoreDns(
      sim,
      {
        replicas: dns.coredns.replicas > 0 ? dns.coredns.replicas : autoscaledReplicas(cluster),
        cores: dns.coredns.cores,
        nodes: cluster.nodes,
        answerCost: makeSampler(dns.coredns.answerCost, streams.get('dns/answer-cost')),
        forwardCost: makeSampler(dns.coredns.forwardCost, streams.get('dns/forward-cost')),
        handlingDelay: makeSampler(dns.coredns.handlingDelay, streams.get('dns/handling-delay')),
        recordTtl: dns.coredns.recordTTL,
        cacheTtl: dns.coredns.cacheTTL,
        cacheClusterDomain: dns.coredns.cacheClusterDomain,
        cacheEntries: dns.coredns.cacheEntries,
        maxConcurrent: dns.coredns.maxConcurrent,
        upstreamLatency: makeSampler(dns.upstream.latency, streams.get('dns/upstream-latency')),
        upstreamTimeout: dns.upstream.timeout,
      },
      streams,
      (query) => resolver.fromServer(query),
    );
    stations.push(coreDns);
    const nodeLocal = dns.nodeLocalCache ? new NodeLocalCaches(streams, coreDns.replicas, dns.coredns.cacheEntries) : undefined;
    const replicasAsEndpoints: EndpointSource = {
      count: () => coreDns.replicas,
      pod: (_node, _service, index) => index,
      nodeOfPod: (replica) => coreDns.nodeOf(replica),
      paths: network,
    };
    const metrics = new DnsMetrics();
    probes.add(metrics);
    const glibc = dns.resolver === 'glibc';
    const plans = lookupPlansInOrder(dns);
    // CoreDNS's informer: the control plane advances it as watch events arrive.
    const coreDnsView = new ProgrammedViews(seams.get('endpointSlices', 'dns'), 1);
    seams.provide('coreDnsView', coreDnsView, 'dns');
    const resolver = new DnsResolver({
      sim,
      cluster,
      network,
      timing: {
        resolver: dns.resolver,
        sequential: glibc && (dns.singleRequest || dns.singleRequestReopen),
        reopen: glibc && dns.singleRequestReopen,
        queryTimeout: dns.queryTimeout,
        attempts: dns.attempts,
        packetLossRatio: dns.packetLossRatio,
        conntrackRaceProbability: dns.conntrackRaceProbability,
      },
      plans,
      coreDns,
      nodeLocal,
      flows: new KubeDnsFlows(sim, dataPlane, replicasAsEndpoints, kubeDnsService(cluster.services), workload.dnsSocketReuse),
      coreDnsView,
      metrics,
      clientCacheTtl: workload.clientDnsCacheTTL,
      streams: { loss: streams.get('dns/packet-loss'), race: streams.get('dns/conntrack-race'), headless: streams.get('dns/headless-answer') },
    });
    seams.provide('resolver', resolver, 'dns');
    return {
      startWindow: () => {
        coreDns.startWindow();
        nodeLocal?.startWindow();
      },
      endWindow: () => {
        coreDns.endWindow();
        nodeLocal?.endWindow();
      },
      metrics: () => metrics.values(settings.duration, coreDns, nodeLocal),
      warnings: () => coreDns.overloadWarning(),
      // A cache only shapes the figures when something it may keep is asked for.
      timeConstants: () => [
        ...(dns.coredns.cacheTTL > 0 && (dns.coredns.cacheClusterDomain || asksUpstream(plans, workload.nameForm))
          ? [{ parameter: 'dns.coredns.cacheTTL', duration: dns.coredns.cacheTTL }]
          : []),
        ...(dns.nodeLocalCache ? [{ parameter: 'dns.nodeLocalCache (30 s answers)', duration: 30e9 }] : []),
        ...(workload.clientDnsCacheTTL > 0 ? [{ parameter: 'workload.clientDnsCacheTTL', duration: workload.clientDnsCacheTTL }] : []),
      ],
    };
  },
});

/** Whether any name form the clients use tries a name that CoreDNS forwards upstream (and may cache). */
function asksUpstream(plans: readonly LookupPlan[], nameForm: MixValue): boolean {
  return NAME_FORMS.some((form, i) => (nameForm[form] ?? 0) > 0 && plans[i].names.some((name) => name.zone === 'upstream'));
}

function lookupPlansInOrder(dns: { resolver: 'glibc' | 'musl'; ndots: number; hostSearchDomains: number; queryAAAA: boolean }) {
  const plans = lookupPlans({ resolver: dns.resolver, ndots: dns.ndots, hostSearchDomains: dns.hostSearchDomains, queryAAAA: dns.queryAAAA });
  return NAME_FORMS.map((form) => plans[form]);
}

function targetsOf(nameForm: MixValue, cluster: Cluster, services: ServiceChoice, zipfExponent: number, streams: RandomStreams, workload: { readonly externalNames: number }): NameFormTargets {
  return new NameFormTargets(nameForm, cluster, services, streams, workload.externalNames, zipfExponent);
}
