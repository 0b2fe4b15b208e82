import { describe, expect, it } from 'vitest';
import { FAKE_PARAMETERS } from '../testing/fake-model.js';
import { resolveText } from '../testing/experiment-fixtures.js';
import { withEveryParameterColumn } from './every-parameter-column.js';
import { parameterCells } from './parameter-cells.js';

describe('withEveryParameterColumn', () => {
  const experiment = resolveText('name: t\nduration: 1s\nscenario:\n  workload.idleTimeout: 5s\nsweep:\n  proxy.mode: [iptables, ebpf]\n  workload.serviceTime.median: [1ms, 20ms]\n');
  const widened = withEveryParameterColumn(experiment, FAKE_PARAMETERS);

  it('puts the swept columns first, then every other parameter in the scenario order', () => {
    expect(widened.parameterColumns).toEqual([
      'proxy.mode', 'workload.serviceTime.median',
      'cluster.services', 'workload.requestsPerSecond', 'workload.serviceTime', 'workload.idleTimeout', 'dns.nodeLocalCache',
    ]);
  });

  it("writes each point's resolved value, and leaves the points and the hash as they were", () => {
    expect(parameterCells(widened.points[1], widened.parameterColumns)).toEqual([
      'iptables', '20ms', '10', '100', '{ dist: lognormal, median: 20ms, p99: 20ms }', '5s', 'false',
    ]);
    expect(widened.hash).toBe(experiment.hash);
    expect(widened.points).toBe(experiment.points);
  });
});
