import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../experiment/index.js';
import { FAKE_METRICS } from '../experiment/testing/fake-model.js';
import { resolveText } from '../experiment/testing/experiment-fixtures.js';
import { renderSummaryTable, shortHeader } from './summary-table.js';
import { defaultColumns } from './table-columns.js';
import { defaultTableMetrics } from './table-metrics.js';

function record(point: number, metrics: RunRecord['metrics']): RunRecord {
  return { run: { index: point, point, replication: 0 }, metrics, warnings: [], events: 0, buildSeconds: 0, runSeconds: 0, worker: 0 };
}

describe('renderSummaryTable', () => {
  const experiment = resolveText('name: t\nduration: 1s\nsweep:\n  proxy.mode: [iptables, ebpf]\n  workload.serviceTime.median: [1ms, 20ms]\n');
  const records = [0, 1, 2, 3].map((point) =>
    record(point, { requests_completed: 1000 * point, throughput_per_s: 12345.678 + point, request_latency_p50_ms: 1.23456 * (point + 1), nodelocal_cache_hit_ratio: undefined }),
  );

  const columnsOf = (metrics: typeof FAKE_METRICS) => defaultColumns(defaultTableMetrics(experiment.parameterColumns, [], metrics), false);

  it('shows each point with its parameters and the means of the first metrics, leaving out plain counts', () => {
    expect(renderSummaryTable(experiment, records, columnsOf(FAKE_METRICS))).toBe(
      [
        '                   serviceTime.  throughput_        request_       nodelocal_',
        'point  proxy.mode  median              per_s  latency_p50_ms  cache_hit_ratio',
        '    0  iptables    1ms                 12346           1.235',
        '    1  iptables    20ms                12347           2.469',
        '    2  ebpf        1ms                 12348           3.704',
        '    3  ebpf        20ms                12349           4.938',
      ].join('\n'),
    );
  });

  it('shows only the headline metrics when the model marks some', () => {
    const marked = FAKE_METRICS.map((metric) =>
      metric.name === 'request_latency_p50_ms' ? { ...metric, headline: true } : metric,
    );
    const header = renderSummaryTable(experiment, records, columnsOf(marked)).split('\n').slice(0, 2).join(' ');
    expect(header).toContain('latency_p50_ms');
    expect(header).not.toContain('throughput_');
  });

  it('drops metrics that would make the table wider than the terminal', () => {
    const table = renderSummaryTable(experiment, records, columnsOf(FAKE_METRICS), { maxWidth: 60 });
    expect(table.split('\n').every((line) => line.length <= 60)).toBe(true);
    expect(table).toContain('throughput_');
    expect(table).not.toContain('cache_hit_ratio');
  });
});

describe('shortHeader', () => {
  it('drops leading path segments from long parameter paths only', () => {
    expect(shortHeader('proxy.mode')).toBe('proxy.mode');
    expect(shortHeader('workload.serviceTime.median')).toBe('serviceTime.median');
    expect(shortHeader('workload.requestsPerSecond')).toBe('requestsPerSecond');
  });
});

describe('renderSummaryTable with the real scenario', () => {
  it('shows first_packet_p50_us when proxy.mode is swept, even beside three other long parameter columns', async () => {
    const { scenarioModel } = await import('../../models/index.js');
    const experiment = resolveText(
      'name: t\nduration: 1s\nsweep:\n  proxy.mode: [iptables, nftables]\n  workload.requestsPerConnection: [1, 100]\n' +
        '  workload.serviceTime.median: [1ms, 20ms]\n  cluster.endpointsPerService: [10, 100]\n',
      {},
      scenarioModel,
    );
    const metrics = Object.fromEntries(scenarioModel.metrics.map((metric, i) => [metric.name, 1000.5 + i]));
    const records = experiment.points.map((point) => record(point.index, metrics));
    const choice = defaultColumns(defaultTableMetrics(experiment.parameterColumns, scenarioModel.parameters, scenarioModel.metrics), false);
    const table = renderSummaryTable(experiment, records, choice);
    const [top, bottom] = table.split('\n');
    const at = bottom.indexOf('packet_p50_us');
    expect(at).toBeGreaterThan(0);
    expect(top.slice(at).trim()).toBe('first_');
    expect(table.split('\n').every((line) => line.length <= 100)).toBe(true);
  });
});
