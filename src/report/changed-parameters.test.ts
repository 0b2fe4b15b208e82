import { describe, expect, it } from 'vitest';
import { FAKE_PARAMETERS } from '../experiment/testing/fake-model.js';
import { resolveText } from '../experiment/testing/experiment-fixtures.js';
import { changedParameters } from './changed-parameters.js';

describe('changedParameters', () => {
  it('lists what the scenario sets away from its default, compared as parsed, leaving out what is swept', () => {
    const experiment = resolveText(`
name: x
duration: 10s
scenario:
  workload: { requestsPerSecond: 50, idleTimeout: 90000ms, serviceTime: { dist: lognormal, median: 1ms, p99: 20ms } }
  proxy: { mode: ipvs }
sweep:
  cluster.services: [10, 20]
  workload.serviceTime.median: [1ms, 3ms]
`);
    expect(changedParameters(experiment.canonical, FAKE_PARAMETERS)).toEqual([
      { path: 'workload.requestsPerSecond', value: 50, defaultValue: 100 },
      { path: 'proxy.mode', value: 'ipvs', defaultValue: 'iptables' },
    ]);
  });
});
