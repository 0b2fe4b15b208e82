import type { BuiltScenario, RunResult, RunSettings } from '../../src/contract/scenario-model.js';
import { Simulation } from '../../src/engine/simulation.js';
import { NS_PER_S } from '../../src/engine/time.js';
import {
  exponentialSampler,
  makeSampler,
  RandomStreams,
  uniformIndexSampler,
  zipfSampler,
} from '../../src/random/index.js';
import { Cluster } from '../cluster/cluster.js';
import { FixedLatencyResolver } from '../dns/fixed-latency-resolver.js';
import { ConstantCostDataPlane } from '../proxy/constant-cost-data-plane.js';
import type { PodLoadReport } from '../workload/backend-pods.js';
import { PoissonArrivals } from '../workload/poisson-arrivals.js';
import { RequestFlow, type RequestProbe } from '../workload/request-flow.js';
import type { ScenarioConfig } from './scenario-config.js';
import { RequestMetrics } from './request-metrics.js';

/**
 * The first whole-request scenario (issue 3): Poisson calls from client pods to Services by
 * Zipf popularity, Go-style connection pools, a fixed DNS latency, a constant proxy cost,
 * backend pods as Stations, no churn. Later models replace the resolver and the data plane.
 */
export class FirstScenario implements BuiltScenario {
  private readonly sim = new Simulation();
  private readonly metrics = new RequestMetrics();
  private readonly flow: RequestFlow;
  private readonly arrivals: PoissonArrivals;
  private podLoad: PodLoadReport = { maxUtilization: 0, overloadedPods: 0, worstPod: undefined, worstOfferedLoad: 0 };

  /** `observer`, if given, sees every request's facts too (traces in tests and debugging). */
  constructor(
    config: ScenarioConfig,
    private readonly settings: RunSettings,
    observer?: RequestProbe,
  ) {
    const streams = new RandomStreams(settings.seed, settings.replication);
    const { cluster: clusterConfig, workload, network } = config;
    const cluster = new Cluster(clusterConfig);
    const windowEnd = settings.warmup + settings.duration;
    this.flow = new RequestFlow({
      sim: this.sim,
      cluster,
      limits: workload,
      podConcurrency: workload.podConcurrency,
      samplers: {
        client: uniformIndexSampler(streams.get('workload/clients'), workload.clientPods),
        service: zipfSampler(streams.get('workload/services'), clusterConfig.services, workload.zipfExponent),
        serviceTime: makeSampler(workload.serviceTime, streams.get('workload/service-time')),
        sameNodeRtt: makeSampler(network.sameNodeRtt, streams.get('network/same-node-rtt')),
        crossNodeRtt: makeSampler(network.crossNodeRtt, streams.get('network/cross-node-rtt')),
      },
      resolver: new FixedLatencyResolver(this.sim),
      dataPlane: new ConstantCostDataPlane(streams.get('proxy/endpoints'), clusterConfig.endpointsPerService),
      probe: observer === undefined ? this.metrics : bothProbes(this.metrics, observer),
      windowStart: settings.warmup,
      windowEnd,
    });
    const meanGap = NS_PER_S / workload.requestsPerSecond;
    const gaps = exponentialSampler(streams.get('workload/arrivals'), meanGap);
    this.arrivals = new PoissonArrivals(this.sim, gaps, windowEnd, () => this.flow.start(), () => this.flow.closeWindow());
  }

  run(): RunResult {
    const { warmup, duration } = this.settings;
    this.sim.scheduleAt(warmup, () => this.flow.pods.startWindow());
    this.sim.scheduleAt(warmup + duration, () => (this.podLoad = this.flow.pods.report()));
    this.arrivals.begin();
    this.sim.run();
    return {
      metrics: { ...this.metrics.values(duration), max_station_utilization: this.podLoad.maxUtilization },
      warnings: this.warnings(),
      events: this.sim.eventsProcessed,
    };
  }

  private warnings(): string[] {
    const { overloadedPods, worstPod, worstOfferedLoad } = this.podLoad;
    if (overloadedPods === 0) return [];
    return [
      `${overloadedPods} backend pod(s) had an offered load >= 1 (worst: ${worstPod} at ${worstOfferedLoad.toFixed(2)}): ` +
        'their queues never settle, so latency percentiles describe a growing backlog. ' +
        'Raise workload.podConcurrency or cluster.endpointsPerService, or lower workload.requestsPerSecond.',
    ];
  }
}

function bothProbes(first: RequestProbe, second: RequestProbe): RequestProbe {
  return {
    completed(request, latency) {
      first.completed(request, latency);
      second.completed(request, latency);
    },
    failed(request) {
      first.failed(request);
      second.failed(request);
    },
  };
}
