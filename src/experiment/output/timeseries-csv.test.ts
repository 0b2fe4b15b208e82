import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ms, s } from '../../engine/time.js';
import type { RunRecord } from '../run/experiment-runs.js';
import { resolveText, SMALL_EXPERIMENT } from '../testing/experiment-fixtures.js';
import { FAKE_TIMESERIES } from '../testing/fake-model.js';
import { formatNumber } from '../spec/written-value.js';
import { parseSecondsText, secondsText, timeseriesCsv } from './timeseries-csv.js';

function record(point: number, replication: number, series: [number | undefined, number | undefined][]): RunRecord {
  const timeseries = series.map(([requests, latency], bucket) => ({ bucket, values: { requests, latency_p50_ms: latency } }));
  return { run: { index: point * 2 + replication, point, replication }, metrics: {}, warnings: [], events: 0, buildSeconds: 0, runSeconds: 0, worker: 0, timeseries };
}

describe('timeseriesCsv', () => {
  const experiment = resolveText(SMALL_EXPERIMENT);

  it('writes the CSV\'s run and parameter columns, then time_s, then the time-series columns in order', () => {
    expect(timeseriesCsv(experiment, FAKE_TIMESERIES, [], s(1))).toBe(
      'experiment,point,replication,seed,proxy.mode,cluster.services,workload.serviceTime.median,time_s,requests,latency_p50_ms\n',
    );
  });

  it('sorts rows by point, replication and bucket, starts each bucket at bucket × width, and leaves no samples empty', () => {
    const records = [record(6, 1, [[5, 1.5]]), record(0, 1, [[2, 0.25], [0, undefined]]), record(0, 0, [[1, 0.1 + 0.2], [3, 4]])];
    expect(timeseriesCsv(experiment, FAKE_TIMESERIES, records, ms(500)).split('\n').slice(1)).toEqual([
      'small,0,0,7,iptables,10,2ms,0,1,0.30000000000000004',
      'small,0,0,7,iptables,10,2ms,0.5,3,4',
      'small,0,1,7,iptables,10,2ms,0,2,0.25',
      'small,0,1,7,iptables,10,2ms,0.5,0,',
      'small,6,1,7,ebpf,10,1ms,0,5,1.5',
      '',
    ]);
  });
});

describe('secondsText', () => {
  it('writes whole nanoseconds as a plain decimal of seconds, never with an exponent', () => {
    expect([0, s(1), s(120), ms(1500), 1000, 100, 1].map(secondsText)).toEqual(['0', '1', '120', '1.5', '0.000001', '0.0000001', '0.000000001']);
  });

  it('writes what the CSV writes for a number wherever that has no exponent, and reads back to the same nanoseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 50 }), (time) => {
        const text = secondsText(time);
        expect(parseSecondsText(text)).toBe(time);
        const asNumber = formatNumber(time / 1e9);
        if (!asNumber.includes('e') && time < 1e15) expect(text).toBe(asNumber);
      }),
    );
  });

  it('reads any other text as NaN', () => {
    expect([parseSecondsText(''), parseSecondsText('1e-7'), parseSecondsText('-1'), parseSecondsText('0.0000000001')]).toEqual([NaN, NaN, NaN, NaN]);
  });
});
