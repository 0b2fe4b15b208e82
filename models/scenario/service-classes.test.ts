import { describe, expect, it } from 'vitest';
import type { ClassRow } from '../../src/contract/scenario-model.js';
import { resolveExperiment } from '../../src/experiment/index.js';
import { InputError } from '../../src/input-error.js';
import { scenarioModel } from '../index.js';
import { runScenario } from './testing/run-scenario.js';

const SMALL = { 'cluster.nodes': 10, 'workload.requestsPerSecond': 1_000, 'workload.clientPods': 200 };
const row = (rows: readonly ClassRow[] | undefined, name: string) => (rows ?? []).find((r) => r.name === name)?.values ?? {};

describe('Service classes in a run', () => {
  it('one class written out is the shorthand: the same draws and the same metrics', () => {
    const shorthand = runScenario({ ...SMALL, 'cluster.services': 50, 'cluster.endpointsPerService': 4 });
    const written = runScenario({ ...SMALL, 'cluster.serviceClasses': [{ count: 50, endpoints: 4 }] });
    expect(written.metrics).toEqual(shorthand.metrics);
    expect(row(shorthand.classes, 'default').requests_completed).toBe(shorthand.metrics.requests_completed);
  });

  it('gives each class its share of the calls, within the binomial 99.9 % interval, and none to a class of popularity 0', () => {
    const { classes, metrics } = runScenario({
      ...SMALL,
      'cluster.serviceClasses': [
        { name: 'hot', count: 10, endpoints: 20, popularity: 0.8 },
        { name: 'cold', count: 400, endpoints: 2, popularity: 0.2 },
        { name: 'idle', count: 300, endpoints: 1, popularity: 0 },
      ],
    });
    const hot = row(classes, 'hot');
    const calls = metrics.requests_completed as number;
    const sigma = Math.sqrt((0.8 * 0.2) / calls);
    expect(Math.abs((hot.call_share as number) - 0.8)).toBeLessThan(3.3 * sigma);
    expect(row(classes, 'idle').requests_completed).toBe(0);
    expect(row(classes, 'idle').call_share).toBe(0);
    expect((hot.requests_completed as number) + (row(classes, 'cold').requests_completed as number)).toBe(calls);
    expect([hot.class_services, hot.class_endpoints]).toEqual([10, 200]);
  });

  it('reads endpoints per Service from a histogram and from a distribution', () => {
    const { classes } = runScenario({
      ...SMALL,
      'cluster.serviceClasses': [
        { name: 'shaped', count: 30, endpoints: { histogram: { 1: 10, 3: 15, 10: 5 } } },
        { name: 'drawn', count: 200, endpoints: { dist: 'uniform', min: 2, max: 4 } },
      ],
    });
    expect(row(classes, 'shaped').class_endpoints).toBe(10 + 45 + 50);
    // Rounded uniform draws on [2, 4]: mean 3 per Service, so about 600 over 200 Services.
    expect(Math.abs((row(classes, 'drawn').class_endpoints as number) - 600)).toBeLessThan(40);
  });

  it("serves a class with its own service time and pod concurrency", () => {
    const { classes } = runScenario({
      ...SMALL,
      'cluster.serviceClasses': [
        { name: 'slow', count: 20, endpoints: 10, serviceTime: { dist: 'constant', value: '40ms' }, podConcurrency: 64 },
        { name: 'fast', count: 20, endpoints: 10, serviceTime: { dist: 'constant', value: '1ms' } },
      ],
    });
    const slow = row(classes, 'slow').request_latency_p50_ms as number;
    const fast = row(classes, 'fast').request_latency_p50_ms as number;
    expect(slow - fast).toBeGreaterThan(38);
    expect(slow - fast).toBeLessThan(42);
  });

  it('fails calls to a Service with no endpoints as kube-proxy REJECT makes them', () => {
    const { classes, metrics } = runScenario({ ...SMALL, 'cluster.serviceClasses': [{ name: 'empty', count: 5, endpoints: 0 }, { name: 'ok', count: 5, endpoints: 3 }] });
    expect(row(classes, 'empty').request_error_ratio).toBe(1);
    expect(row(classes, 'ok').request_error_ratio).toBe(0);
    expect(metrics.failures_no_endpoints as number).toBeGreaterThan(0);
  });

  it("lengthens iptables' KUBE-SERVICES by a rule per port: three ports per Service make the walk about three times longer", () => {
    const walk = (ports: number) => runScenario({ ...SMALL, 'workload.requestsPerConnection': 1, 'cluster.serviceClasses': [{ count: 2_000, endpoints: 2, ports }] }).metrics.rules_per_new_connection as number;
    const one = walk(1);
    const three = walk(3);
    expect(three / one).toBeGreaterThan(2.6);
    expect(three / one).toBeLessThan(3.1);
  });

  it('refuses both forms of the cluster shape in one file, naming both', () => {
    const file = { name: 'x', duration: '10s', scenario: { cluster: { services: 10, serviceClasses: [{ count: 5 }] } } };
    expect(() => resolveExperiment(file, 'x.yaml', scenarioModel, { force: true })).toThrow(InputError);
    expect(() => resolveExperiment(file, 'x.yaml', scenarioModel, { force: true })).toThrow(/cluster.serviceClasses.*cluster.services/);
    const fine = { ...file, scenario: { cluster: { serviceClasses: [{ count: 5 }] } } };
    expect(resolveExperiment(fine, 'x.yaml', scenarioModel, { force: true }).points).toHaveLength(1);
  });

  it('sweeps one field of one class (`cluster.serviceClasses.1.count`), down to an empty class', () => {
    const file = {
      name: 'x', duration: '10s',
      scenario: { cluster: { serviceClasses: [{ name: 'target', count: 1, popularity: 1 }, { name: 'idle', count: 5, popularity: 0 }] } },
      sweep: { 'cluster.serviceClasses.1.count': [0, 99, 9_999] },
    };
    const experiment = resolveExperiment(file, 'x.yaml', scenarioModel, { force: true });
    expect(experiment.parameterColumns).toEqual(['cluster.serviceClasses.1.count']);
    const counts = experiment.points.map((point) => (point.values.get('cluster.serviceClasses') as readonly { count: number }[]).map((c) => c.count));
    expect(counts).toEqual([[1, 0], [1, 99], [1, 9_999]]);
    const { classes } = runScenario({ ...SMALL, 'cluster.serviceClasses': [{ name: 'target', count: 1, endpoints: 5 }, { name: 'idle', count: 0, popularity: 0 }] });
    expect(row(classes, 'target').call_share).toBe(1);
    expect(row(classes, 'idle').requests_completed).toBe(0);
    const noList = { ...file, scenario: {} };
    expect(() => resolveExperiment(noList, 'x.yaml', scenarioModel, { force: true })).toThrow(/element 1 of `cluster.serviceClasses`, which has 0 element/);
  });

  it('names the bad field of a class', () => {
    const bad = (serviceClasses: unknown) => ({ name: 'x', duration: '10s', scenario: { cluster: { serviceClasses } } });
    expect(() => resolveExperiment(bad([{ count: -1 }]), 'x.yaml', scenarioModel)).toThrow(/cluster.serviceClasses\[0\].count/);
    expect(() => resolveExperiment(bad([{ count: 0 }]), 'x.yaml', scenarioModel)).toThrow(/at least one Service in all/);
    expect(() => resolveExperiment(bad([{ count: 4, popularity: 0 }, { count: 0 }]), 'x.yaml', scenarioModel)).toThrow(/no class that is called/);
    expect(() => resolveExperiment(bad([{ count: 3, endpoints: { histogram: { 2: 2 } } }]), 'x.yaml', scenarioModel)).toThrow(/sum to the class's count \(3\)/);
    expect(() => resolveExperiment(bad([{ count: 3, colour: 'red' }]), 'x.yaml', scenarioModel)).toThrow(/serviceClasses\[0\].colour/);
    expect(() => resolveExperiment(bad([{ name: 'a', count: 3 }, { name: 'a', count: 2 }]), 'x.yaml', scenarioModel)).toThrow(/serviceClasses\[1\].name/);
  });
});
