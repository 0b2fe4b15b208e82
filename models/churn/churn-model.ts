import { InputError } from '../../src/input-error.js';
import { makeSampler } from '../../src/random/index.js';
import { defineModel } from '../core/model-definition.js';
import { TimeBuckets } from '../core/time-buckets.js';
import { CHURN_METRICS, CHURN_TIMESERIES, ChurnMetrics, STALE_ENDPOINT_REASONS } from './churn-metrics.js';
import { CHURN_PARAMETERS } from './churn-parameters.js';
import { EndpointEditor } from './endpoint-editor.js';
import { DeploymentScaling } from './deployment-scaling.js';
import { NewPods } from './new-pods.js';
import { NodeFailures } from './node-failures.js';
import { PodLifecycle } from './pod-lifecycle.js';
import { PodReplacements } from './pod-replacements.js';
import { RollingUpdate } from './rolling-update.js';
import { ServiceChurn } from './service-churn.js';

declare module '../core/seams.js' {
  interface Seams {
    /** When each deleted pod stops listening and exits: what a client's connection to it meets. */
    podLifecycle: PodLifecycle;
  }
}

/**
 * What changes pods during a run (models/churn/README.md): random pod replacements and a
 * rolling update of one popular Service's Deployment. Each change goes through the control
 * plane's EndpointSlice controller; each deleted pod runs its preStop, stops listening, and
 * exits, cut short at the termination grace period.
 */
export const churnModel = defineModel({
  name: 'churn',
  parameters: CHURN_PARAMETERS,
  metrics: CHURN_METRICS,
  timeseries: CHURN_TIMESERIES,
  failureReasons: STALE_ENDPOINT_REASONS,
  wire(config, { sim, streams, settings, seams, probes }) {
    const { churn } = config;
    const cluster = seams.get('cluster', 'churn');
    const popularity = seams.get('popularity', 'churn');
    const lifecycle = new PodLifecycle((pod) => cluster.nodeOfBackendPod(pod));
    seams.provide('podLifecycle', lifecycle, 'churn');
    const editor = new EndpointEditor(seams.get('endpointSlices', 'churn'), () => sim.now, seams.get('endpointWriter', 'churn'));
    const pods = new NewPods(cluster.initialBackendPods, (pod) => lifecycle.unreachable(pod, sim.now));
    // The kubelet kills at the grace period: preStop and shutdown are cut short there.
    const preStopDelay = Math.min(churn.preStopDelay, churn.terminationGracePeriod);
    const shutdownTime = Math.min(churn.preStopDelay + churn.shutdownTime, churn.terminationGracePeriod) - preStopDelay;
    const target = popularity.serviceAtRank(Math.min(churn.targetServiceRank, cluster.services));
    if (churn.rollout && churn.scaleReplicas > 0) {
      throw new InputError('churn.scaleReplicas', 'a Deployment that either rolls (churn.rollout) or scales, not both in one run', `scaleReplicas ${churn.scaleReplicas} with rollout true`);
    }
    const rolledService = churn.rollout ? target : -1;
    const rollout = churn.rollout
      ? new RollingUpdate(sim, editor, {
          service: rolledService,
          replicas: cluster.endpointsOf(target),
          maxSurge: churn.maxSurge,
          maxUnavailable: churn.maxUnavailable,
          startupTime: makeSampler(churn.podStartupTime, streams.get('churn/rollout-startup')),
          preStopDelay,
          shutdownTime,
        }, pods, lifecycle)
      : undefined;
    const scaling = churn.scaleReplicas > 0
      ? new DeploymentScaling(sim, editor, {
          service: target,
          replicas: churn.scaleReplicas,
          startupTime: makeSampler(churn.podStartupTime, streams.get('churn/scale-startup')),
          preStopDelay,
          shutdownTime,
        }, pods, lifecycle)
      : undefined;
    const replacements = new PodReplacements(sim, cluster, editor, streams.get('churn/replacements'), {
      ratePerSecond: churn.podReplacementsPerSecond,
      startupTime: makeSampler(churn.podStartupTime, streams.get('churn/startup')),
      preStopDelay,
      shutdownTime,
      exceptService: churn.rollout || scaling !== undefined ? target : -1,
    }, pods, lifecycle);
    const nodeFailures = new NodeFailures(sim, cluster, editor, streams.get('churn/node-failures'), {
      count: churn.failedNodes,
      at: settings.warmup + churn.nodeFailureStart,
      notReadyAfter: churn.nodeMonitorGracePeriod,
      evictAfter: churn.podEvictionTimeout,
      startupTime: makeSampler(churn.podStartupTime, streams.get('churn/eviction-startup')),
    }, lifecycle, pods);
    const serviceChurn = new ServiceChurn(sim, cluster, editor, streams.get('churn/services'), {
      ratePerSecond: churn.serviceCreatesPerSecond,
      lifetime: churn.serviceLifetime,
    }, pods);
    const metrics = new ChurnMetrics(rolledService, (pod) => rollout?.isNewVersion(pod) ?? false, new TimeBuckets(settings));
    probes.add(metrics);
    return {
      begin() {
        replacements.start();
        nodeFailures.start();
        serviceChurn.start();
        if (scaling !== undefined) sim.scheduleAt(settings.warmup + churn.scaleStart, () => scaling.start());
        if (rollout !== undefined) sim.scheduleAt(settings.warmup + churn.rolloutStart, () => rollout.start());
      },
      metrics: () => metrics.values(),
      timeseries: () => metrics.rows(),
      warnings: () => rolloutWarnings(rollout, settings.warmup + settings.duration),
      // Replacements reach a steady number in flight once the first deleted pods have left.
      timeConstants: () => [
        ...(churn.podReplacementsPerSecond > 0 ? [{ parameter: 'churn.preStopDelay + churn.shutdownTime', duration: preStopDelay + shutdownTime }] : []),
        // The created Services' number settles once the first ones are deleted.
        ...(churn.serviceCreatesPerSecond > 0 ? [{ parameter: 'churn.serviceLifetime', duration: churn.serviceLifetime }] : []),
      ],
    };
  },
});

/** A rollout that did not finish inside the measured window: its traffic split is a snapshot. */
function rolloutWarnings(rollout: RollingUpdate | undefined, windowEnd: number): string[] {
  if (rollout === undefined) return [];
  const finished = rollout.finished;
  if (finished !== undefined && finished <= windowEnd) return [];
  return ['The rollout (churn.rollout) had not finished when the measured window ended: lengthen `duration` to measure all of it.'];
}
