import { Simulation, ms, s, us, type Nanoseconds } from '../../../src/engine/index.js';
import { RandomStreams, uniformSampler } from '../../../src/random/index.js';
import { EndpointSlices, type ServiceEndpoints } from '../../cluster/endpoint-slices.js';
import { ProgrammedViews } from '../../cluster/programmed-views.js';
import { testCluster } from '../../cluster/testing/test-cluster.js';
import { PodLifecycle } from '../../churn/pod-lifecycle.js';
import { EndpointEditor } from '../../churn/endpoint-editor.js';
import { ENDPOINT_SLICE_CONTROLLER_DEFAULTS, EndpointSliceController, type EndpointSliceControllerOptions } from '../../churn/endpoint-slice-controller.js';
import { NewPods } from '../../churn/new-pods.js';
import { PodReplacements } from '../../churn/pod-replacements.js';
import { RollingUpdate } from '../../churn/rolling-update.js';
import type { ProxyModeName } from '../../proxy/proxy-config.js';
import { proxyConfigWith } from '../../proxy/testing/proxy-config-with.js';
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
  /** The EndpointSlice controller's API rate limit (default: 20 writes/s, burst 30). */
  readonly endpointSliceWrites?: EndpointSliceControllerOptions;
  /** Roll the Deployment behind this Service (its endpointsPerService replicas) at t = 0. */
  readonly rolloutService?: number;
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
    cost: syncCostModel(proxyConfigWith({ 'proxy.mode': setup.mode })),
    totalEndpoints: () => endpoints,
  });
  const watch = new WatchFanOut<number>(
    sim,
    { watchers: cluster.nodes, costPerWatcher: setup.costPerWatcher ?? us(2), deliveryDelay: setup.deliveryDelay ?? ms(1) },
    (node, version) => syncs.deliver(node, version),
  );
  const writes: ServiceEndpoints[] = [];
  const pods = new PodLifecycle();
  const newPods = new NewPods(cluster.initialBackendPods);
  const controller = new EndpointSliceController(sim, slices, setup.endpointSliceWrites ?? ENDPOINT_SLICE_CONTROLLER_DEFAULTS, (version) => {
    endpoints += version.endpoints.pods.length - (version.previous ?? slices.initialVersion(version.service)).endpoints.pods.length;
    writes.push(version);
    watch.publish(version.version);
  });
  const editor = new EndpointEditor(slices, () => sim.now, controller);
  const churn = new PodReplacements(sim, cluster, editor, streams.get('churn/replacements'), {
    ratePerSecond: setup.podReplacementsPerSecond,
    startupTime: uniformSampler(streams.get('churn/startup'), s(1), s(11)),
    preStopDelay: setup.preStopDelay ?? 0,
    shutdownTime: s(1),
    exceptService: setup.rolloutService,
  }, newPods, pods);
  const rollout = setup.rolloutService === undefined ? undefined : new RollingUpdate(sim, editor, {
    service: setup.rolloutService, replicas: setup.endpointsPerService, maxSurge: 0.25, maxUnavailable: 0.25,
    startupTime: uniformSampler(streams.get('churn/rollout-startup'), s(1), s(11)),
    preStopDelay: setup.preStopDelay ?? 0, shutdownTime: s(1),
  }, newPods, pods);
  syncs.start();
  churn.start();
  rollout?.start();
  syncs.startWindow();
  return { sim, syncs, views, slices, writes, churn, rollout, pods, cluster, editor, controller };
}

export type ControlPlane = ReturnType<typeof controlPlane>;

/** What new connections met: counts by outcome, and how many reached the new version. */
export interface DialCounts {
  accepted: number;
  refused: number;
  gone: number;
  /** Its node was down (no node fails in this harness). */
  silent: number;
  newVersion: number;
}

/**
 * Clients dialling at Poisson times (`perSecond`) from a random node to a random one of
 * `services`, to a random endpoint of the node's programmed view; each dial meets what that pod
 * is doing then. A fixed LCG, not a named stream: this is test scaffolding, outside the model.
 */
export function dialThroughViews(run: ControlPlane, perSecond: number, services: readonly number[]): DialCounts {
  const counts: DialCounts = { accepted: 0, refused: 0, gone: 0, silent: 0, newVersion: 0 };
  let state = 12345;
  const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const meanGap = s(1) / perSecond;
  const dial = () => {
    const node = Math.floor(next() * run.cluster.nodes);
    const service = services[Math.floor(next() * services.length)];
    const count = run.views.endpointCount(node, service);
    if (count > 0) {
      const pod = run.views.endpointPod(node, service, Math.floor(next() * count));
      const outcome = run.pods.connect(pod, run.sim.now);
      counts[outcome]++;
      if (outcome === 'accepted' && run.rollout?.isNewVersion(pod)) counts.newVersion++;
    }
    run.sim.post(Math.max(1, Math.round(-Math.log1p(-next()) * meanGap)), dial);
  };
  run.sim.post(0, dial);
  return counts;
}

