import type { BuiltScenario, RunResult, RunSettings } from '../../src/contract/scenario-model.js';
import { Simulation } from '../../src/engine/simulation.js';
import { NS_PER_S } from '../../src/engine/time.js';
import { exponentialSampler, makeSampler, RandomStreams, uniformIndexSampler } from '../../src/random/index.js';
import { Cluster } from '../cluster/cluster.js';
import { FixedLatencyResolver } from '../dns/fixed-latency-resolver.js';
import { createDataPlane } from '../proxy/create-data-plane.js';
import type { ProxyDataPlane } from '../proxy/proxy-data-plane.js';
import { ProxyMetrics } from '../proxy/proxy-metrics.js';
import type { PodLoadReport } from '../workload/backend-pods.js';
import { PoissonArrivals } from '../workload/poisson-arrivals.js';
import { ProbeList } from '../workload/probe-list.js';
import { RequestFlow, type RequestProbe } from '../workload/request-flow.js';
import { ServicePopularity } from '../workload/service-popularity.js';
import type { ScenarioConfig } from './scenario-config.js';
import { RequestMetrics } from './request-metrics.js';

/**
 * The whole-request scenario: Poisson calls from client pods to Services by Zipf popularity,
 * Go-style connection pools, a fixed DNS latency (until the DNS model), the node's proxy data
 * plane with conntrack, backend pods as Stations, no churn yet.
 */
export class ClusterScenario implements BuiltScenario {
  private readonly sim = new Simulation();
  private readonly requestMetrics = new RequestMetrics();
  private readonly proxyMetrics = new ProxyMetrics();
  private readonly cluster: Cluster;
  private readonly dataPlane: ProxyDataPlane;
  private readonly flow: RequestFlow;
  private readonly arrivals: PoissonArrivals;
  private podLoad: PodLoadReport = { maxUtilization: 0, overloaded: 0, worst: undefined, worstOfferedLoad: 0 };

  /** `observer`, if given, sees every request's facts too (traces in tests and debugging). */
  constructor(
    config: ScenarioConfig,
    private readonly settings: RunSettings,
    observer?: RequestProbe,
  ) {
    const streams = new RandomStreams(settings.seed, settings.replication);
    const { workload, network } = config;
    this.cluster = new Cluster(config.cluster);
    this.dataPlane = createDataPlane(this.sim, this.cluster, config.proxy, streams, this.proxyMetrics);
    const windowEnd = settings.warmup + settings.duration;
    const probes: RequestProbe[] = [this.requestMetrics, this.proxyMetrics, ...(observer ? [observer] : [])];
    this.flow = new RequestFlow({
      sim: this.sim,
      cluster: this.cluster,
      limits: workload,
      podConcurrency: workload.podConcurrency,
      samplers: {
        client: uniformIndexSampler(streams.get('workload/clients'), workload.clientPods),
        service: new ServicePopularity(streams, config.cluster.services, workload.zipfExponent),
        serviceTime: makeSampler(workload.serviceTime, streams.get('workload/service-time')),
        sameNodeRtt: makeSampler(network.sameNodeRtt, streams.get('network/same-node-rtt')),
        crossNodeRtt: makeSampler(network.crossNodeRtt, streams.get('network/cross-node-rtt')),
      },
      resolver: new FixedLatencyResolver(this.sim),
      dataPlane: this.dataPlane,
      probe: new ProbeList(probes),
      connectTimeout: workload.connectTimeout,
      windowStart: settings.warmup,
      windowEnd,
    });
    const gaps = exponentialSampler(streams.get('workload/arrivals'), NS_PER_S / workload.requestsPerSecond);
    this.arrivals = new PoissonArrivals(this.sim, gaps, windowEnd, () => this.flow.start(), () => this.flow.closeWindow());
  }

  run(): RunResult {
    const { warmup, duration } = this.settings;
    this.sim.scheduleAt(warmup, () => this.flow.pods.startWindow());
    this.sim.scheduleAt(warmup + duration, () => (this.podLoad = this.flow.pods.report()));
    this.arrivals.begin();
    this.sim.run();
    return {
      metrics: {
        ...this.requestMetrics.values(duration),
        max_station_utilization: this.podLoad.maxUtilization,
        ...this.proxyMetrics.values(duration, this.cluster.nodes),
      },
      warnings: [...this.podWarnings(), ...this.dataPlane.warnings()],
      events: this.sim.eventsProcessed,
    };
  }

  private podWarnings(): string[] {
    const { overloaded, worst, worstOfferedLoad } = this.podLoad;
    if (overloaded === 0) return [];
    return [
      `${overloaded} backend pod(s) had an offered load >= 1 (worst: ${worst} at ${worstOfferedLoad.toFixed(2)}): ` +
        'their queues never settle, so latency percentiles describe a growing backlog. ' +
        'Raise workload.podConcurrency or cluster.endpointsPerService, or lower workload.requestsPerSecond.',
    ];
  }
}
