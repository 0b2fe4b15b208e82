import { describe, expect, it } from 'vitest';
import { Simulation, s } from '../../src/engine/index.js';
import { RandomStreams, uniformSampler } from '../../src/random/index.js';
import { EndpointSlices, type ServiceEndpoints } from '../cluster/endpoint-slices.js';
import { testCluster } from '../cluster/testing/test-cluster.js';
import { EndpointEditor } from './endpoint-editor.js';
import { ENDPOINT_SLICE_CONTROLLER_DEFAULTS, EndpointSliceController } from './endpoint-slice-controller.js';
import { NewPods } from './new-pods.js';
import { PodLifecycle } from './pod-lifecycle.js';
import { RollingUpdate } from './rolling-update.js';

function rollout(replicas: number, preStopDelay = 0, maxSurge = 0.25) {
  const sim = new Simulation();
  const cluster = testCluster({ nodes: 10, services: 3, endpointsPerService: replicas });
  const slices = new EndpointSlices(cluster);
  const writes: ServiceEndpoints[] = [];
  const checks: Array<{ counted: number; ready: number }> = [];
  let update: RollingUpdate | undefined;
  const controller = new EndpointSliceController(sim, slices, ENDPOINT_SLICE_CONTROLLER_DEFAULTS, (version) => {
    writes.push(version);
    if (update) checks.push({ counted: update.podsCounted, ready: update.readyPods });
  });
  const editor = new EndpointEditor(slices, () => sim.now, controller);
  const lifecycle = new PodLifecycle();
  update = new RollingUpdate(sim, editor, {
    service: 1, replicas, maxSurge, maxUnavailable: 0.25,
    startupTime: uniformSampler(new RandomStreams(3, 0).get('churn/startup'), s(1), s(11)),
    preStopDelay, shutdownTime: s(1),
  }, new NewPods(cluster.initialBackendPods), lifecycle);
  update.start();
  const firstStep = slices.latest(1);
  sim.run(s(600));
  return { update, writes, checks, firstStep, final: slices.latest(1), cluster, lifecycle };
}

describe('RollingUpdate (Deployment controller, maxSurge 25 % up, maxUnavailable 25 % down)', () => {
  it('puts 25 + 25 pods in flight at 100 replicas, then keeps within both bounds to the end', () => {
    const { update, checks, firstStep, final, cluster } = rollout(100);
    // First step: 50 new pods created (not ready), 25 old ones terminating.
    expect(firstStep.slices.reduce((n, slice) => n + slice.pods.length, 0)).toBe(150);
    expect(firstStep.readyPods.length).toBe(75);
    expect(firstStep.fallbackPods.length).toBe(25);
    expect(checks.length).toBeGreaterThan(100); // a write per pod turning ready, per step, per pod leaving
    for (const { counted, ready } of checks) {
      expect(counted).toBeLessThanOrEqual(125);
      expect(ready).toBeGreaterThanOrEqual(75);
    }
    expect(update.finished).toBeDefined();
    expect([...final.readyPods].every((pod) => update.isNewVersion(pod))).toBe(true);
    expect(final.readyPods.length).toBe(100);
    expect(final.slices.reduce((n, slice) => n + slice.pods.length, 0)).toBe(100);
    expect(update.isNewVersion(cluster.initialBackendPods - 1)).toBe(false);
  });

  it('rolls one pod at a time at 3 replicas (1 surge, 0 unavailable) and never drops below 3 ready', () => {
    const { update, checks, firstStep } = rollout(3);
    expect(firstStep.readyPods.length).toBe(3);
    expect(firstStep.slices[0].pods.length).toBe(4);
    for (const { counted, ready } of checks) {
      expect(counted).toBeLessThanOrEqual(4);
      expect(ready).toBeGreaterThanOrEqual(3);
    }
    expect(update.finished).toBeDefined();
  });

  it('keeps a deleted pod serving through its preStop delay, then refusing until it exits', () => {
    const { lifecycle, cluster } = rollout(10, s(5));
    // Old pod 10 (Service 1's first endpoint) is deleted in the first step, at t = 0.
    expect(cluster.initialBackendPod(1, 0)).toBe(10);
    expect(lifecycle.connect(10, s(4.9))).toBe('accepted');
    expect(lifecycle.connect(10, s(5.5))).toBe('refused');
    expect(lifecycle.connect(10, s(6))).toBe('gone');
  });

  it('allows one unavailable pod when maxSurge 0 and maxUnavailable round to 0, as the Deployment controller does', () => {
    const { update, checks } = rollout(3, 0, 0);
    for (const { counted, ready } of checks) {
      expect(counted).toBeLessThanOrEqual(3);
      expect(ready).toBeGreaterThanOrEqual(2);
    }
    expect(update.finished).toBeDefined();
  });
});
