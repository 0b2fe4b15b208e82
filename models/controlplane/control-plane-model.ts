import { s, type Nanoseconds } from '../../src/engine/index.js';
import { QuantileSketch } from '../../src/stats/index.js';
import type { EndpointSlices, ServiceEndpoints } from '../cluster/endpoint-slices.js';
import type { ProgrammedViews } from '../cluster/programmed-views.js';
import { EndpointSliceController } from '../churn/endpoint-slice-controller.js';
import { defineModel } from '../core/model-definition.js';
import { quantileMs } from '../core/quantile-ms.js';
import { TimeBuckets } from '../core/time-buckets.js';
import { CONTROL_PLANE_METRICS, CONTROL_PLANE_TIMESERIES } from './control-plane-metric-specs.js';
import { CONTROL_PLANE_PARAMETERS } from './control-plane-parameters.js';
import { NodeProxySyncs } from './node-proxy-syncs.js';
import { syncCostModel } from './sync-costs.js';
import { WatchFanOut } from './watch-fan-out.js';

declare module '../core/seams.js' {
  interface Seams {
    /** Where churn hands Services' changed endpoints: the EndpointSlice controller. */
    endpointWriter: EndpointSliceController;
  }
}

/**
 * kube-proxy's sync runner with no change to program still syncs once an hour (PR 129329: the
 * iptables proxier's maxInterval; `syncPeriod` no longer sets it). docs/calibration.md,
 * kube-proxy control plane.
 */
export const IDLE_SYNC_INTERVAL: Nanoseconds = s(3_600);
/** Syncs a node may start back to back before minSyncPeriod applies (kube-proxy's BoundedFrequencyRunner). */
const SYNC_BURST = 2;

/**
 * The control plane between pod changes and the data plane (models/controlplane/README.md):
 * the EndpointSlice controller writes changes under its API rate limit, the API server fans
 * every write out to every node's kube-proxy and to CoreDNS, and each node syncs with its
 * mode's cost, routing with its previous view until the sync ends. CoreDNS answers from its
 * informer as soon as an event arrives. Without churn nothing is written and every node keeps
 * the initial state.
 */
export const controlPlaneModel = defineModel({
  name: 'controlplane',
  parameters: CONTROL_PLANE_PARAMETERS,
  metrics: CONTROL_PLANE_METRICS,
  timeseries: CONTROL_PLANE_TIMESERIES,
  wire(config, { sim, seams, settings }) {
    const { controlPlane } = config;
    const cluster = seams.get('cluster', 'controlplane');
    const slices = seams.get('endpointSlices', 'controlplane');
    const views = seams.get('nodeViews', 'controlplane');
    const proxy = seams.get('proxyConfig', 'controlplane');
    let coreDnsView: ProgrammedViews | undefined;
    let endpoints = cluster.initialBackendPods;
    let measuring = false;
    const dnsLatencies = new QuantileSketch();
    const buckets = new TimeBuckets(settings);
    const programmedByBucket = buckets.sketches();
    const syncs = new NodeProxySyncs(sim, slices, views, cluster.nodes, {
      // The eBPF agent applies each change as it comes: no minSyncPeriod.
      runner: { minSyncPeriod: proxy.mode === 'ebpf' ? 0 : proxy.minSyncPeriod, maxInterval: IDLE_SYNC_INTERVAL, burst: SYNC_BURST },
      cost: syncCostModel(proxy),
      totalEndpoints: () => endpoints,
      onProgrammed: (latency) => programmedByBucket.add(buckets.of(sim.now), latency),
      oldestInUse: () => Math.min(views.oldestProgrammed(), coreDnsView?.versionOf(0) ?? Number.POSITIVE_INFINITY),
      cpu: seams.get('nodeCpu', 'controlplane'),
    });
    const coreDnsWatcher = cluster.nodes;
    const coreDnsReceived = (version: number): void => {
      const view = coreDnsView;
      if (view === undefined) return;
      if (measuring) recordDnsLatencies(slices, view.versionOf(0), version, sim.now, cluster.isHeadless.bind(cluster), dnsLatencies);
      view.advance(0, version);
    };
    const watch = new WatchFanOut<number>(
      sim,
      { watchers: cluster.nodes + 1, costPerWatcher: controlPlane.watchCostPerWatcher, deliveryDelay: controlPlane.watchDelay },
      (watcher, version) => (watcher === coreDnsWatcher ? coreDnsReceived(version) : syncs.deliver(watcher, version)),
    );
    const controller = new EndpointSliceController(
      sim,
      slices,
      { writesPerSecond: controlPlane.endpointSliceWritesPerSecond, burst: controlPlane.endpointSliceWriteBurst, batchPeriod: controlPlane.endpointSliceBatchPeriod },
      (version) => {
        endpoints += version.endpoints.pods.length - (version.previous ?? slices.initialVersion(version.service)).endpoints.pods.length;
        watch.publish(version.version);
      },
    );
    seams.provide('endpointWriter', controller, 'controlplane');
    return {
      begin() {
        coreDnsView = seams.find('coreDnsView');
        syncs.start();
      },
      startWindow() {
        measuring = true;
        syncs.startWindow();
      },
      endWindow() {
        measuring = false;
        syncs.endWindow();
      },
      metrics: () => ({
        sync_duration_p50_ms: quantileMs(syncs.syncDurations, 0.5),
        sync_duration_p99_ms: quantileMs(syncs.syncDurations, 0.99),
        network_programming_latency_p50_ms: quantileMs(syncs.programmingLatencies, 0.5),
        network_programming_latency_p99_ms: quantileMs(syncs.programmingLatencies, 0.99),
        kube_proxy_cpu_cores_per_node: syncs.busyTime / settings.duration / cluster.nodes,
        dns_programming_latency_p99_ms: quantileMs(dnsLatencies, 0.99),
      }),
      timeseries: () =>
        Array.from({ length: buckets.count }, (_, bucket) => {
          const sketch = programmedByBucket.at(bucket);
          return {
            network_programming_latency_p50_ms: quantileMs(sketch, 0.5),
            network_programming_latency_p99_ms: quantileMs(sketch, 0.99),
          };
        }),
      timeConstants: () => (proxy.mode === 'ebpf' ? [] : [{ parameter: 'proxy.minSyncPeriod', duration: proxy.minSyncPeriod }]),
    };
  },
});

/** CoreDNS got every change up to `upTo`: a sample per record change (a Service created or deleted, a headless Service's pods), from its trigger time to now. */
function recordDnsLatencies(
  slices: EndpointSlices,
  from: number,
  upTo: number,
  now: Nanoseconds,
  isHeadless: (service: number) => boolean,
  into: QuantileSketch,
): void {
  for (const version of slices.versionsBetween(from, upTo) as Iterable<ServiceEndpoints>) {
    // A Service created or deleted changes its A record; a ClusterIP Service's pods do not.
    if (version.serviceEvent !== undefined || isHeadless(version.service)) into.add(now - version.triggerTime);
  }
}
