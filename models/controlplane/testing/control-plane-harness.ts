import { Simulation, ms, s, us, type Nanoseconds } from '../../../src/engine/index.js';
import { RandomStreams, uniformSampler } from '../../../src/random/index.js';
import { EndpointSlices, type ServiceEndpoints } from '../../cluster/endpoint-slices.js';
import { ProgrammedViews } from '../../cluster/programmed-views.js';
import { testCluster } from '../../cluster/testing/test-cluster.js';
import { PodLifecycle } from '../../churn/pod-lifecycle.js';
import { EndpointEditor } from '../../churn/endpoint-editor.js';
import { PodReplacements } from '../../churn/pod-replacements.js';
import type { ProxyModeName } from '../../proxy/proxy-config.js';
import { NodeProxySyncs } from '../node-proxy-syncs.js';
import { syncCostModel } from '../sync-costs.js';
import { WatchFanOut } from '../watch-fan-out.js';

export interface ControlPlaneSetup {
  readonly nodes: number;
  readonly services: number;
  readonly endpointsPerService: number;
  readonly mode: ProxyModeName;
  readonly minSyncPeriod: Nanoseconds;
  readonly podReplacementsPerSecond: number;
  readonly preStopDelay?: Nanoseconds;
  readonly costPerWatcher?: Nanoseconds;
  readonly deliveryDelay?: Nanoseconds;
  readonly seed?: number;
}

/**
 * The control plane alone, for tests until it joins the scenario: random pod replacements write
 * EndpointSlices, the API server fans every write out to every node, and each node's kube-proxy
 * syncs with its mode's cost. Start-up to ready U(1 s, 11 s): ≈ 1 s to run, then the first
 * readiness probe within its 10 s period (docs/calibration.md, Pod churn and clients).
 */
export function controlPlane(setup: ControlPlaneSetup) {
  const sim = new Simulation();
  const streams = new RandomStreams(setup.seed ?? 1, 0);
  const cluster = testCluster({ nodes: setup.nodes, services: setup.services, endpointsPerService: setup.endpointsPerService });
  const slices = new EndpointSlices(cluster);
  const views = new ProgrammedViews(slices, cluster.nodes);
  let endpoints = setup.services * setup.endpointsPerService;
  const syncs = new NodeProxySyncs(sim, slices, views, cluster.nodes, {
    runner: { minSyncPeriod: setup.minSyncPeriod, maxInterval: s(3600), burst: 2 },
    cost: syncCostModel(setup.mode),
    totalEndpoints: () => endpoints,
  });
  const watch = new WatchFanOut<number>(
    sim,
    { watchers: cluster.nodes, costPerWatcher: setup.costPerWatcher ?? us(2), deliveryDelay: setup.deliveryDelay ?? ms(1) },
    (node, version) => syncs.deliver(node, version),
  );
  const writes: ServiceEndpoints[] = [];
  const pods = new PodLifecycle();
  const editor = new EndpointEditor(slices, () => sim.now, (version) => {
    endpoints += endpointCount(version) - endpointCount(version.previous ?? slices.initialVersion(version.service));
    writes.push(version);
    watch.publish(version.version);
  });
  const churn = new PodReplacements(sim, cluster, editor, streams.get('churn/replacements'), {
    ratePerSecond: setup.podReplacementsPerSecond,
    startupTime: uniformSampler(streams.get('churn/startup'), s(1), s(11)),
    preStopDelay: setup.preStopDelay ?? 0,
    shutdownTime: s(1),
  }, pods);
  syncs.start();
  churn.start();
  syncs.startWindow();
  return { sim, syncs, views, slices, writes, churn, pods, cluster, editor };
}

function endpointCount(version: ServiceEndpoints): number {
  return version.slices.reduce((n, slice) => n + slice.pods.length, 0);
}
