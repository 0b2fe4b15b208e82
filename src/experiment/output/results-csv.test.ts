import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../run/experiment-runs.js';
import { resolveText, SMALL_EXPERIMENT } from '../testing/experiment-fixtures.js';
import { FAKE_METRICS } from '../testing/fake-model.js';
import { resultsCsv } from './results-csv.js';

function record(point: number, replication: number, metrics: RunRecord['metrics']): RunRecord {
  return { run: { index: point * 2 + replication, point, replication }, metrics, warnings: [], events: 0, buildSeconds: 0, runSeconds: 0, worker: 0 };
}

describe('resultsCsv', () => {
  const experiment = resolveText(SMALL_EXPERIMENT);

  it('writes run columns, then parameter columns in order of first appearance, then metrics in model order', () => {
    const [header] = resultsCsv(experiment, FAKE_METRICS, []).split('\n');
    expect(header).toBe(
      'experiment,point,replication,seed,proxy.mode,cluster.services,workload.serviceTime.median,' +
        'requests_completed,throughput_per_s,request_latency_p50_ms,nodelocal_cache_hit_ratio',
    );
  });

  it('sorts rows by point then replication and leaves undefined metrics empty', () => {
    const records = [record(6, 1, { requests_completed: 3 }), record(0, 1, { requests_completed: 2 }), record(0, 0, { requests_completed: 1, throughput_per_s: 0.1 })];
    expect(resultsCsv(experiment, FAKE_METRICS, records).split('\n').slice(1)).toEqual([
      'small,0,0,7,iptables,10,2ms,1,0.1,,',
      'small,0,1,7,iptables,10,2ms,2,,,',
      'small,6,1,7,ebpf,10,1ms,3,,,',
      '',
    ]);
  });

  it('writes the value as written where a point sets it and the resolved value where it does not', () => {
    const rows = resultsCsv(experiment, FAKE_METRICS, [record(3, 0, {}), record(6, 0, {})]).split('\n');
    // Point 3 is a grid point: the median comes from the default distribution; point 6 sets it.
    expect(rows[1].startsWith('small,3,0,7,ipvs,10,2ms,')).toBe(true);
    expect(rows[2].startsWith('small,6,0,7,ebpf,10,1ms,')).toBe(true);
  });

  it('writes numbers as shortest round-trip text, without locale or rounding', () => {
    const rows = resultsCsv(experiment, FAKE_METRICS, [record(0, 0, { requests_completed: 1234567, throughput_per_s: 0.1 + 0.2, request_latency_p50_ms: 1e-7 })]);
    expect(rows.split('\n')[1]).toBe('small,0,0,7,iptables,10,2ms,1234567,0.30000000000000004,1e-7,');
  });

  it('quotes a whole distribution written in a parameter column', () => {
    const swept = resolveText('name: d\nduration: 1s\nsweep:\n  workload.serviceTime: [{ dist: exponential, mean: 1ms }]\n');
    const rows = resultsCsv(swept, FAKE_METRICS, [record(0, 0, {})]).split('\n');
    expect(rows[1]).toBe('d,0,0,1,"{ dist: exponential, mean: 1ms }",,,,');
  });
});
