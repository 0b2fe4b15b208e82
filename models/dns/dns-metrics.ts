import type { MetricValues } from '../../src/contract/metric-spec.js';
import { NS_PER_S, toMilliseconds, type Nanoseconds } from '../../src/engine/index.js';
import { QuantileSketch } from '../../src/stats/index.js';
import type { Request } from '../core/request.js';
import type { RequestProbe } from '../core/request-probe.js';
import type { CoreDns } from './coredns.js';
import type { DnsResponse } from './dns-records.js';
import type { NodeLocalCaches } from './node-local-caches.js';
import { quantileMs } from '../core/quantile-ms.js';

/**
 * Collects the DNS model's facts: lookups made by dials of the measured window (their queries,
 * timeouts, responses and latency), and, over completed requests, how much of their latency
 * name resolution was; CoreDNS's and NodeLocal's own counts come from those parts.
 */
export class DnsMetrics implements RequestProbe {
  private readonly latencyNs = new QuantileSketch();
  private lookups = 0;
  private queries = 0;
  private timeouts = 0;
  private responses = 0;
  private nxdomains = 0;
  private requestLatencyNs = 0;
  private requestResolveNs = 0;

  lookupStarted(measured: boolean): void {
    if (measured) this.lookups++;
  }

  querySent(measured: boolean): void {
    if (measured) this.queries++;
  }

  timedOut(measured: boolean): void {
    if (measured) this.timeouts++;
  }

  responded(measured: boolean, response: DnsResponse): void {
    if (!measured) return;
    this.responses++;
    if (response === 'nxdomain') this.nxdomains++;
  }

  resolved(measured: boolean, latency: Nanoseconds): void {
    if (measured) this.latencyNs.add(latency);
  }

  completed(request: Request, latency: Nanoseconds): void {
    if (!request.measured) return;
    this.requestLatencyNs += latency;
    this.requestResolveNs += request.resolveNs;
  }

  values(duration: Nanoseconds, coreDns: CoreDns, nodeLocal: NodeLocalCaches | undefined): MetricValues {
    const seconds = duration / NS_PER_S;
    const core = coreDns.windowCounts;
    return {
      dns_lookups: this.lookups,
      dns_queries_per_lookup: this.lookups > 0 ? this.queries / this.lookups : undefined,
      dns_latency_p50_ms: quantileMs(this.latencyNs, 0.5),
      dns_latency_p99_ms: quantileMs(this.latencyNs, 0.99),
      dns_latency_share_ratio: this.requestLatencyNs > 0 ? this.requestResolveNs / this.requestLatencyNs : undefined,
      dns_timeouts: this.timeouts,
      dns_nxdomain_ratio: this.responses > 0 ? this.nxdomains / this.responses : undefined,
      coredns_cache_hit_ratio: core.cacheLookups > 0 ? core.cacheHits / core.cacheLookups : undefined,
      nodelocal_cache_hit_ratio: nodeLocal?.hitRatio(),
      coredns_utilization: coreDns.meanUtilization(),
      coredns_queries_per_s_per_replica: core.queries / seconds / coreDns.replicas,
      coredns_busiest_replica_ratio: coreDns.busiestReplicaShare(),
      coredns_wait_mean_ms: core.queries > 0 ? toMilliseconds(core.waitedNs / core.queries) : undefined,
      upstream_queries_per_s: (core.forwarded + (nodeLocal?.upstreamQueries ?? 0)) / seconds,
    };
  }
}
