import { describe, expect, it } from 'vitest';
import { scenarioValues } from '../../src/contract/scenario-values.js';
import { s } from '../../src/engine/time.js';
import { scenarioModel } from '../index.js';
import { MEMORY_COSTS, scenarioMemoryItems } from './memory-estimate.js';

const MIB = 1024 * 1024;
const SETTINGS = { seed: 1, replication: 0, warmup: s(100), duration: s(30) };

function estimate(overrides: Record<string, unknown> = {}, settings = SETTINGS) {
  const items = scenarioMemoryItems(scenarioValues(scenarioModel.parameters, overrides), settings);
  const term = (start: string) => items.find((item) => item.what.startsWith(start))!;
  return { items, total: items.reduce((sum, item) => sum + item.count * item.bytesEach, 0), term };
}

describe('the memory estimate of a run of the real scenario', () => {
  it('stays above what was measured (bench/memory-probe.ts), within a few times of it', () => {
    // Measured peaks above Node's baseline: quickstart's largest point 148 MiB; 10 million backend pods 475 MiB (10 s);
    // 100,000 requests/s with a new connection each, CoreDNS overloaded, 772 MiB (10 s).
    const cases: [Record<string, unknown>, number, number][] = [
      [{ 'cluster.services': 10_000 }, 130, 148],
      [{ 'cluster.services': 100_000, 'cluster.endpointsPerService': 100 }, 10, 475],
      [{ 'workload.requestsPerSecond': 100_000, 'workload.requestsPerConnection': 1 }, 10, 772],
    ];
    for (const [overrides, seconds, measuredMib] of cases) {
      const { total } = estimate(overrides, { ...SETTINGS, warmup: 0, duration: s(seconds) });
      expect(total / MIB).toBeGreaterThan(measuredMib);
      expect(total / MIB).toBeLessThan(5 * measuredMib);
    }
  });

  it('grows with the cluster: nodes, and Services × endpoints', () => {
    expect(estimate({ 'cluster.nodes': 5000 }).term('nodes').count).toBe(5000);
    expect(estimate({ 'cluster.services': 30_000, 'cluster.endpointsPerService': 100 }).term('backend pods').count).toBe(3_000_000);
  });

  it('counts the endpoints of Service classes: fixed, histogram, and a drawn count at 1.5 × its mean', () => {
    const classes = [
      { count: 30, endpoints: 50 },
      { count: 100, endpoints: { histogram: { 1: 60, 4: 40 } } },
      { count: 1_000, endpoints: { dist: 'uniform', min: 2, max: 4 } },
    ];
    expect(estimate({ 'cluster.serviceClasses': classes }).term('backend pods').count).toBe(30 * 50 + 60 + 160 + 1_000 * 4.5);
  });

  it('sizes closed-loop runs by their callers, not by requestsPerSecond', () => {
    const closed = { 'workload.arrivals': 'closed', 'workload.clientPods': 10, 'workload.callersPerClientPod': 4 };
    expect(estimate({ ...closed, 'workload.requestsPerSecond': 1 }).term('requests in flight').count).toBe(40 * 1_000 * 10);
  });

  it('counts open connections as rate × idle timeout within the pool limits, none when each carries one request', () => {
    expect(estimate().term('open connections').count).toBe(2000 * 90);
    expect(estimate({ 'workload.maxIdleConnections': 10 }).term('open connections').count).toBe(3000 * 10);
    expect(estimate({ 'workload.requestsPerConnection': 1 }).term('open connections').count).toBe(0);
  });

  it('never counts more requests than the run makes', () => {
    const short = estimate({}, { ...SETTINGS, warmup: 0, duration: s(1) });
    expect(short.term('requests in flight').count).toBe(2000);
    expect(short.term('open connections').count).toBe(2000);
  });

  it('is finite even with every parameter at its documented maximum', () => {
    const overrides: Record<string, unknown> = {};
    for (const spec of scenarioModel.parameters) {
      if ((spec.kind === 'integer' || spec.kind === 'number') && spec.max !== undefined) overrides[spec.path] = spec.max;
    }
    const { total } = estimate(overrides, { ...SETTINGS, warmup: 0, duration: s(30 * 24 * 3600) });
    expect(Number.isFinite(total)).toBe(true);
    expect(total).toBeGreaterThan(2 ** 50);
    expect(MEMORY_COSTS.runBase).toBe(48 * MIB);
  });
});
