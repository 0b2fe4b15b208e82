import type { MetricValues } from '../../src/contract/metric-spec.js';
import { NS_PER_S, type Nanoseconds, type Simulation } from '../../src/engine/index.js';
import { exponentialSampler, makeSampler, uniformIndexSampler, uniformSampler, type DistributionSpec, type RandomStreams } from '../../src/random/index.js';
import { InputError } from '../../src/input-error.js';
import { defineModel, type UtilizationSource } from '../core/model-definition.js';
import type { Request } from '../core/request.js';
import type { Cluster } from '../cluster/cluster.js';
import { BackendPods } from './backend-pods.js';
import { CLASS_COLUMNS, ClassMetrics } from './class-metrics.js';
import { ServiceTimes } from './service-times.js';
import type { CallTargets } from './call-targets.js';
import { ClosedLoopCallers, START_SPREAD } from './closed-loop-callers.js';
import { ConnectionPools } from './connection-pools.js';
import { EndpointLoad } from './endpoint-load.js';
import { MultiplexedPools } from './multiplexed-pools.js';
import { PoissonArrivals } from './poisson-arrivals.js';
import { RequestFlow } from './request-flow.js';
import { RequestMetrics } from './request-metrics.js';
import { RequestTimeseries, WORKLOAD_TIMESERIES } from './request-timeseries.js';
import { TimeBuckets } from '../core/time-buckets.js';
import { ServicePopularity } from './service-popularity.js';
import { CallGraph } from './call-graph.js';
import { popularChoice, type ServiceChoice } from './service-choice.js';
import { WORKLOAD_METRICS } from './workload-metric-specs.js';
import { WORKLOAD_PARAMETERS } from './workload-parameters.js';

/** At most this many closed-loop callers in a run (client pods × callers per pod): each is a pending event. */
export const MAX_CALLERS = 10_000_000;

/**
 * Who calls whom: Poisson calls (or closed-loop callers) from client pods to Services by Zipf
 * popularity, Go-style connection pools (HTTP/1.1, or HTTP/2 streams with `workload.protocol`),
 * the request path through the resolver and the data plane, and the
 * backend pods' queues.
 */
export const workloadModel = defineModel({
  name: 'workload',
  parameters: WORKLOAD_PARAMETERS,
  metrics: WORKLOAD_METRICS,
  timeseries: WORKLOAD_TIMESERIES,
  classes: CLASS_COLUMNS,
  wire(config, { sim, streams, settings, seams, probes, stations }) {
    const workload = config.workload;
    const cluster = seams.get('cluster', 'workload');
    const popularity = new ServicePopularity(streams, cluster, workload.zipfExponent);
    seams.provide('popularity', popularity, 'workload');
    const serviceChoice = workload.callGraph === 'services' ? callGraph(streams, cluster, popularity, workload.callFanOut) : popularChoice(popularity, cluster);
    seams.provide('serviceChoice', serviceChoice, 'workload');
    const requestMetrics = new RequestMetrics();
    probes.add(requestMetrics);
    const endpointSlices = seams.get('endpointSlices', 'workload');
    const endpointLoad = new EndpointLoad((service) => endpointSlices.latest(service).readyPods, cluster.initialBackendPods);
    probes.add(endpointLoad);
    seams.provide('endpointLoad', endpointLoad, 'workload');
    const buckets = new TimeBuckets(settings);
    const requestTimeseries = buckets.enabled ? new RequestTimeseries(buckets) : undefined;
    if (requestTimeseries !== undefined) probes.add(requestTimeseries);
    const classMetrics = new ClassMetrics(cluster, endpointLoad);
    probes.add(classMetrics);
    let flow: RequestFlow | undefined;
    const concurrencyOfClass = cluster.classes.map((serviceClass) => serviceClass.podConcurrency ?? workload.podConcurrency);
    const classOf = (service: number) => cluster.layout.classOfService(service);
    const pods = new BackendPods(sim, cluster.initialBackendPods, concurrencyOfClass, classOf, (request) => flow?.served(request));
    stations.push(pods);
    const windowEnd = settings.warmup + settings.duration;
    const callers = workload.arrivals === 'closed' ? callerCount(workload.clientPods, workload.callersPerClientPod) : 0;
    let closedLoop: ClosedLoopCallers | undefined;
    return {
      begin() {
        const dataPlane = seams.get('dataPlane', 'workload');
        flow = new RequestFlow({
          sim,
          cluster,
          pools: workload.protocol === 'http2'
            ? new MultiplexedPools(sim, workload, dataPlane.release.bind(dataPlane))
            : new ConnectionPools(sim, workload, dataPlane.release.bind(dataPlane)),
          pods,
          samplers: {
            client: uniformIndexSampler(streams.get('workload/clients'), workload.clientPods),
            serviceTime: new ServiceTimes(cluster, workload.serviceTime, streams.get('workload/service-time')),
          },
          targets: seams.find('callTargets') ?? servicesOnly(serviceChoice, cluster.services),
          network: seams.get('network', 'workload'),
          resolver: seams.get('resolver', 'workload'),
          dataPlane,
          nodeCpu: seams.get('nodeCpu', 'workload'),
          probe: probes,
          connectTimeout: workload.connectTimeout,
          requestTimeout: workload.requestTimeout,
          lifecycle: seams.find('podLifecycle'),
          windowStart: settings.warmup,
          windowEnd,
          callerFree: (caller) => closedLoop?.settled(caller),
        });
        const started = flow;
        if (workload.arrivals === 'open') {
          const gaps = exponentialSampler(streams.get('workload/arrivals'), NS_PER_S / workload.requestsPerSecond);
          new PoissonArrivals(sim, gaps, windowEnd, () => started.start(), () => started.closeWindow()).begin();
          return;
        }
        closedLoop = closedLoopCallers(sim, streams, workload, callers, windowEnd, started);
        closedLoop.begin();
        sim.postAt(windowEnd, () => started.closeWindow());
      },
      startWindow: () => pods.startWindow(),
      endWindow: () => {
        pods.endWindow();
        endpointLoad.endWindow();
      },
      metrics: (): MetricValues => ({
        ...requestMetrics.values(settings.duration),
        max_station_utilization: Math.max(...stations.map((station: UtilizationSource) => station.windowMaxUtilization())),
        max_pod_utilization: pods.windowMaxUtilization(),
        endpoint_load_imbalance_ratio: endpointLoad.imbalance().ratio,
      }),
      timeseries: () => requestTimeseries?.rows() ?? [],
      classes: () => classMetrics.rows(settings.duration),
      warnings: () => overloadWarnings(pods),
      timeConstants: () => (poolsKeepConnections(workload) ? [{ parameter: 'workload.idleTimeout', duration: workload.idleTimeout }] : []),
    };
  },
});

/** Client pods × callers per pod, refused past MAX_CALLERS. */
function callerCount(clientPods: number, perPod: number): number {
  const callers = clientPods * perPod;
  if (callers > MAX_CALLERS) {
    throw new InputError('workload.callersPerClientPod', `at most ${MAX_CALLERS} callers in all (workload.clientPods × workload.callersPerClientPod)`, `${perPod} × ${clientPods} client pods = ${callers}`);
  }
  return callers;
}

function closedLoopCallers(
  sim: Simulation,
  streams: RandomStreams,
  workload: { readonly callersPerClientPod: number; readonly thinkTime: DistributionSpec },
  callers: number,
  until: Nanoseconds,
  flow: RequestFlow,
): ClosedLoopCallers {
  return new ClosedLoopCallers(sim, {
    callers,
    callersPerClientPod: workload.callersPerClientPod,
    startOffset: uniformSampler(streams.get('workload/caller-starts'), 0, START_SPREAD),
    thinkTime: makeSampler(workload.thinkTime, streams.get('workload/think-time')),
    until,
    call: (caller, client) => flow.startFor(caller, client),
  });
}

/** Whether connections outlive their request, so pools fill over about one idle timeout (HTTP/2 ones always do). */
function poolsKeepConnections(workload: { protocol: string; requestsPerConnection: number; maxIdlePerService: number }): boolean {
  return workload.protocol === 'http2' || (workload.requestsPerConnection > 1 && workload.maxIdlePerService > 0);
}

/** Without a model that knows name forms, every call names a Service (by popularity, or along the call graph). */
function servicesOnly(choice: ServiceChoice, services: number): CallTargets {
  return {
    count: services,
    choose(request: Request): void {
      request.service = choice.anywhere(request.client);
    },
  };
}

/** `workload.callGraph: services`: fan-outs and the choice among dependencies each from a stream of their own. */
function callGraph(streams: RandomStreams, cluster: Cluster, popularity: ServicePopularity, fanOut: DistributionSpec): CallGraph {
  return new CallGraph(cluster, popularity, makeSampler(fanOut, streams.get('workload/call-fan-out')), streams.get('workload/dependency-calls'));
}

function overloadWarnings(pods: BackendPods): string[] {
  const { overloaded, worst, worstOfferedLoad } = pods.windowLoad();
  if (overloaded === 0) return [];
  return [
    `${overloaded} backend pod(s) had an offered load >= 1 (worst: ${worst} at ${worstOfferedLoad.toFixed(2)}): ` +
      'their queues never settle, so latency percentiles describe a growing backlog. ' +
      'Raise workload.podConcurrency or cluster.endpointsPerService, or lower workload.requestsPerSecond.',
  ];
}
