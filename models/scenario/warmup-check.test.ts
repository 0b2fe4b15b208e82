import { describe, expect, it } from 'vitest';
import { s } from '../../src/engine/index.js';
import { runScenario } from './testing/run-scenario.js';

/** Sparse (client, Service) pairs with keep-alive: pools fill over the 90 s idle timeout. */
const SPARSE_POOLS = { 'cluster.services': 1_000, 'workload.clientPods': 1_000, 'workload.requestsPerSecond': 1_000 };
const run = (overrides: Record<string, unknown>, warmupSeconds: number) =>
  runScenario({ ...SPARSE_POOLS, ...overrides }, { seed: 1, replication: 0, warmup: s(warmupSeconds), duration: s(20) });

describe('the warm-up check (MSER-5 on the run\'s own series, then the slowest time constant)', () => {
  it('warns when pools start empty and the warm-up is shorter than the idle timeout, naming an adequate warm-up', () => {
    const { warnings } = run({}, 5);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Warm-up 5.0 s is too short for steady state/);
    expect(warnings[0]).toContain('use warmup: 100s or more');
  });

  it('is silent once the warm-up covers the idle timeout, and the figures have settled', () => {
    const settled = run({}, 100);
    expect(settled.warnings).toEqual([]);
    const early = run({}, 5);
    // Empty pools at the start make the short warm-up's figure too high (more dials).
    expect(early.metrics.new_connection_ratio as number).toBeGreaterThan((settled.metrics.new_connection_ratio as number) + 0.05);
  });

  it('is silent when nothing outlives a request (a new connection per request)', () => {
    expect(run({ 'workload.requestsPerConnection': 1 }, 1).warnings).toEqual([]);
  });
});
