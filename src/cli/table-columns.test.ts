import { describe, expect, it } from 'vitest';
import { FAKE_METRICS } from '../experiment/testing/fake-model.js';
import { defaultColumns, MAX_DEFAULT_METRICS, parseColumns } from './table-columns.js';
import { parseTableFormat } from './table-format.js';

const messageOf = (action: () => unknown): string => {
  try {
    action();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
};

describe('parseColumns (--columns)', () => {
  it('takes metric names and <metric>_diff in the order given, every one shown', () => {
    const choice = parseColumns('request_latency_p50_ms, throughput_per_s_diff', FAKE_METRICS, true);
    expect(choice).toEqual({
      groups: [[{ metric: 'request_latency_p50_ms', diff: false }], [{ metric: 'throughput_per_s', diff: true }]],
      chosen: true,
    });
  });

  it('refuses an unknown name, suggesting the closest', () => {
    expect(messageOf(() => parseColumns('request_latency_p05_ms', FAKE_METRICS, false))).toBe(
      '--columns request_latency_p05_ms: `request_latency_p05_ms` is not a metric; did you mean `request_latency_p50_ms`? (`eastwest describe --metrics` lists them)',
    );
  });

  it('lists the metrics when no name is close', () => {
    expect(messageOf(() => parseColumns('zzz', FAKE_METRICS, false))).toContain(
      'the metrics are `requests_completed`, `throughput_per_s`, `request_latency_p50_ms`, `nodelocal_cache_hit_ratio`',
    );
  });

  it('refuses a difference without --baseline, an empty name and a name given twice', () => {
    expect(messageOf(() => parseColumns('throughput_per_s_diff', FAKE_METRICS, false))).toContain('needs `--baseline path=value`');
    expect(messageOf(() => parseColumns('throughput_per_s,,x', FAKE_METRICS, false))).toBe(
      'Expected `--columns` to be metric names separated by commas (e.g. `request_latency_p50_ms,first_packet_p50_us`), got `throughput_per_s,,x`',
    );
    expect(messageOf(() => parseColumns('throughput_per_s,throughput_per_s', FAKE_METRICS, false))).toContain('is given twice');
  });
});

describe('defaultColumns', () => {
  it(`takes at most ${MAX_DEFAULT_METRICS} metrics, each followed by its difference when there is a baseline`, () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ ...FAKE_METRICS[1], name: `m${i}` }));
    expect(defaultColumns(many, false).groups).toHaveLength(MAX_DEFAULT_METRICS);
    expect(defaultColumns(many, true).groups[0]).toEqual([{ metric: 'm0', diff: false }, { metric: 'm0', diff: true }]);
  });
});

describe('parseTableFormat (--format)', () => {
  it('is table by default and takes csv and json', () => {
    expect([undefined, 'table', 'csv', 'json'].map(parseTableFormat)).toEqual(['table', 'table', 'csv', 'json']);
  });

  it('refuses anything else, suggesting the closest', () => {
    expect(messageOf(() => parseTableFormat('jsonl'))).toBe('Expected `--format` to be one of `table`, `csv`, `json`, got `jsonl`; did you mean `json`?');
  });
});
