import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../run/experiment-runs.js';
import { resolveText } from '../testing/experiment-fixtures.js';
import { FAKE_METRICS } from '../testing/fake-model.js';
import { summarizeMetric, summaryCsv } from './summary-csv.js';

function record(point: number, replication: number, value: number | undefined, replications = 3): RunRecord {
  const metrics = { requests_completed: value };
  return { run: { index: point * replications + replication, point, replication }, metrics, warnings: [], events: 0, buildSeconds: 0, runSeconds: 0, worker: 0 };
}

describe('summarizeMetric', () => {
  it('gives the mean and the Student t 95% half-width over replications', () => {
    // Values 1, 2, 3: mean 2, s = 1, t(0.975, 2) = 4.302652729911275 (any t table), so the
    // half-width is 4.302652729911275 / sqrt(3) = 2.4841377118...
    const summary = summarizeMetric([record(0, 0, 1), record(0, 1, 2), record(0, 2, 3)], 'requests_completed');
    expect(summary.mean).toBe(2);
    expect(summary.ci95).toBeCloseTo(2.484137711858, 9);
  });

  it('gives no interval for one replication and nothing for a metric with no samples', () => {
    expect(summarizeMetric([record(0, 0, 5)], 'requests_completed')).toEqual({ mean: 5, ci95: undefined });
    expect(summarizeMetric([record(0, 0, undefined), record(0, 1, undefined)], 'requests_completed')).toEqual({ mean: undefined, ci95: undefined });
  });

  it('summarizes only the replications that have a value', () => {
    expect(summarizeMetric([record(0, 0, 4), record(0, 1, undefined), record(0, 2, 6)], 'requests_completed').mean).toBe(5);
  });
});

describe('summaryCsv', () => {
  it('writes one row per point with replications, then mean and ci95 per metric', () => {
    const experiment = resolveText('name: s\nduration: 1s\nreplications: 3\nsweep:\n  proxy.mode: [ipvs, ebpf]\n');
    const records = [record(1, 2, 30), record(0, 0, 1), record(0, 1, 2), record(0, 2, 3), record(1, 0, 10), record(1, 1, 20)];
    const lines = summaryCsv(experiment, FAKE_METRICS, records).split('\n');
    expect(lines[0]).toBe(
      'experiment,point,proxy.mode,replications,requests_completed_mean,requests_completed_ci95,throughput_per_s_mean,' +
        'throughput_per_s_ci95,request_latency_p50_ms_mean,request_latency_p50_ms_ci95,nodelocal_cache_hit_ratio_mean,nodelocal_cache_hit_ratio_ci95',
    );
    expect(lines[1]).toMatch(/^s,0,ipvs,3,2,2\.48413771\d*,,,,,,$/);
    expect(lines[2]).toMatch(/^s,1,ebpf,3,20,24\.8413771\d*,,,,,,$/);
  });
});
