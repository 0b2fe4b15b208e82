import { describe, expect, it } from 'vitest';
import { resolveBaseline, summaryCsv, type RunRecord } from '../experiment/index.js';
import { parseCsv } from '../experiment/output/csv-rows.js';
import { FAKE_METRICS } from '../experiment/testing/fake-model.js';
import { resolveText } from '../experiment/testing/experiment-fixtures.js';
import { renderSummaryTable } from './summary-table.js';
import { parseColumns } from './table-columns.js';
import { tableCsv, tableJson } from './table-output.js';

const experiment = resolveText('name: t\nduration: 1s\nreplications: 3\nsweep:\n  proxy.mode: [iptables, ebpf]\n  cluster.services: [10, 1000]\n');
/** Figures with long fractions, so any rounding on the way shows. */
const records: RunRecord[] = experiment.points.flatMap((point) =>
  [0, 1, 2].map((replication) => ({
    run: { index: point.index * 3 + replication, point: point.index, replication },
    metrics: {
      requests_completed: 1000 + replication,
      throughput_per_s: 100 / 3 + point.index * Math.PI + replication / 7,
      request_latency_p50_ms: point.index === 3 ? undefined : 1 / (point.index + 3) + replication * point.index * 0.01,
      nodelocal_cache_hit_ratio: undefined,
    },
    warnings: [],
    events: 0,
    buildSeconds: 0,
    runSeconds: 0,
    worker: 0,
  })),
);
const baseline = resolveBaseline('proxy.mode=iptables', experiment);
const choice = parseColumns('throughput_per_s,request_latency_p50_ms_diff', FAKE_METRICS, true);
const columns = choice.groups.flat();

/** CSV rows as objects keyed by the header. */
function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
}

/** The summary CSV's cells by column name, point by point. */
function summaryCells(): Record<string, string>[] {
  return csvObjects(summaryCsv(experiment, FAKE_METRICS, records, baseline));
}

describe('tableCsv (--format csv)', () => {
  it('has a header row and the very numbers of the summary CSV, under its column names', () => {
    const rows = csvObjects(tableCsv(experiment, records, columns, baseline));
    expect(Object.keys(rows[0])).toEqual([
      'point', 'proxy.mode', 'cluster.services', 'replications',
      'throughput_per_s_mean', 'throughput_per_s_ci95', 'request_latency_p50_ms_diff', 'request_latency_p50_ms_diff_ci95',
    ]);
    const summary = summaryCells();
    rows.forEach((row, i) => {
      for (const name of Object.keys(row)) if (name !== 'point') expect(row[name], name).toBe(summary[i][name]);
    });
    expect(rows[3].request_latency_p50_ms_diff).toBe('');
  });
});

describe('tableJson (--format json)', () => {
  it('is one JSON array of an object per point, one per line, with the numbers of the summary CSV', () => {
    const text = tableJson(experiment, records, columns, baseline);
    expect(text.split('\n')).toHaveLength(experiment.points.length + 3);
    const rows = JSON.parse(text) as Record<string, unknown>[];
    expect(rows[1]).toMatchObject({ point: 1, 'proxy.mode': 'iptables', 'cluster.services': 1000, replications: 3, request_latency_p50_ms_diff: 0 });
    const summary = summaryCells();
    rows.forEach((row, i) => {
      expect(row.throughput_per_s_mean).toBe(Number(summary[i].throughput_per_s_mean));
      expect(row.throughput_per_s_ci95).toBe(Number(summary[i].throughput_per_s_ci95));
    });
    expect(rows[3].request_latency_p50_ms_diff).toBeNull();
  });
});

describe('renderSummaryTable with a baseline', () => {
  it('shows a difference ± its 95% CI, the difference alone for the baseline points, and nothing without a partner', () => {
    const table = renderSummaryTable(experiment, records, choice, { baseline });
    expect(table.split('\n')).toEqual([
      '                   cluster.  throughput_  request_latency_',
      'point  proxy.mode  services        per_s       p50_ms_diff',
      '    0  iptables    10              33.48                 0',
      '    1  iptables    1000            36.62                 0',
      '    2  ebpf        10              39.76     -0.1133 ±0.05',
      '    3  ebpf        1000             42.9',
    ]);
  });
});
