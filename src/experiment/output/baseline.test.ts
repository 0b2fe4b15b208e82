import { describe, expect, it } from 'vitest';
import { runExperiment } from '../run/run-experiment.js';
import { resolveText, SMALL_EXPERIMENT, messageOf } from '../testing/experiment-fixtures.js';
import { fakeModel } from '../testing/fake-model.js';
import { resolveBaseline } from './baseline.js';
import { parseCsv } from './csv-rows.js';
import { summaryCsv } from './summary-csv.js';

// Points: 0-2 iptables × services 10, 100, 1000; 3-5 ipvs × the same; 6 the case ebpf with a 1ms median.
const experiment = resolveText(SMALL_EXPERIMENT);

describe('resolveBaseline', () => {
  it('pairs every point with the baseline point of the same other parameters; baseline points with themselves', () => {
    const { partners } = resolveBaseline('proxy.mode=iptables', experiment);
    expect([...partners]).toEqual([[0, 0], [1, 1], [2, 2], [3, 0], [4, 1], [5, 2]]);
  });

  it('reads the value as YAML and compares it as the CSV writes it', () => {
    expect([...resolveBaseline('cluster.services=100', experiment).partners]).toEqual([[0, 1], [1, 1], [2, 1], [3, 4], [4, 4], [5, 4]]);
    expect(resolveBaseline('workload.serviceTime.median=1ms', experiment).partners.get(6)).toBe(6);
  });

  it('rejects a path that is neither swept nor in cases, and a value no point has', () => {
    expect(messageOf(() => resolveBaseline('workload.requestsPerSecond=50', experiment))).toBe(
      '--baseline workload.requestsPerSecond=50: Expected `path` to be a swept or case parameter (they are `proxy.mode`, `cluster.services`, `workload.serviceTime.median`), got `workload.requestsPerSecond`',
    );
    expect(messageOf(() => resolveBaseline('proxy.mode=nftables', experiment))).toBe(
      '--baseline proxy.mode=nftables: no point has `proxy.mode` = `nftables`; its values are `iptables`, `ipvs`, `ebpf`',
    );
    expect(messageOf(() => resolveBaseline('proxy.mode', experiment))).toBe(
      '--baseline proxy.mode: Expected `--baseline` to be `path=value` (e.g. `proxy.mode=iptables`), got `proxy.mode`',
    );
  });
});

describe('summaryCsv with a baseline', () => {
  it('adds <metric>_diff and <metric>_diff_ci95 after the means: paired differences, 0 at the baseline, empty without a partner', async () => {
    const model = fakeModel();
    const records = await runExperiment(experiment, model);
    const [header, ...rows] = parseCsv(summaryCsv(experiment, model.metrics, records, resolveBaseline('proxy.mode=iptables', experiment)));
    const column = (name: string): string[] => rows.map((row) => row[header.indexOf(name)]);
    expect(header.slice(-2)).toEqual(['nodelocal_cache_hit_ratio_diff', 'nodelocal_cache_hit_ratio_diff_ci95']);
    expect(header.indexOf('requests_completed_diff')).toBeGreaterThan(header.indexOf('nodelocal_cache_hit_ratio_ci95'));
    const diffs = column('request_latency_p50_ms_diff');
    expect(diffs.slice(0, 3)).toEqual(['0', '0', '0']);
    // The fake model's latency is the mode's cost plus the same noise in every point of a replication.
    const means = column('request_latency_p50_ms_mean').map(Number);
    expect(Number(diffs[4])).toBeCloseTo(means[4] - means[1], 12);
    expect(Number(column('request_latency_p50_ms_diff_ci95')[4])).toBeLessThan(1e-12);
    expect([diffs[6], column('request_latency_p50_ms_diff_ci95')[6]]).toEqual(['', '']);
  });
});
