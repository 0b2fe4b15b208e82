import { describe, expect, it } from 'vitest';
import { s } from '../../src/engine/index.js';
import { scenarioModel } from '../index.js';
import { runScenario } from './testing/run-scenario.js';

const MODES: Array<Record<string, unknown>> = [
  { 'proxy.mode': 'iptables' },
  { 'proxy.mode': 'iptables', 'proxy.iptables.serviceOrder': 'creation' },
  { 'proxy.mode': 'ipvs', 'proxy.ipvs.scheduler': 'rr' },
  { 'proxy.mode': 'ipvs', 'proxy.ipvs.scheduler': 'lc' },
  { 'proxy.mode': 'ipvs', 'proxy.ipvs.scheduler': 'sh' },
  { 'proxy.mode': 'nftables' },
  { 'proxy.mode': 'ebpf' },
];

describe('metric keys', () => {
  for (const mode of MODES) {
    it(`are exactly the declared metrics, in column order, for every model (${Object.values(mode).join(' ')})`, () => {
      const { metrics } = runScenario({ ...mode, 'workload.requestsPerSecond': 200 }, { seed: 1, replication: 0, warmup: s(1), duration: s(1) });
      expect(Object.keys(metrics)).toEqual(scenarioModel.metrics.map((metric) => metric.name));
    });
  }

  it('gives every declared metric a model, and no two metrics one name', () => {
    const names = scenarioModel.metrics.map((metric) => metric.name);
    expect(new Set(names).size).toBe(names.length);
    const models = new Set(scenarioModel.models.map((model) => model.name));
    expect(scenarioModel.metrics.every((metric) => models.has(metric.model))).toBe(true);
    expect(names).toContain('failures_conntrack_full');
  });
});
