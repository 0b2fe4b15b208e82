import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error.js';
import { axisTitle } from './axis-title.js';
import { columnCells, readResultsTable, sweptColumns } from './results-table.js';
import { FAKE_METRICS } from '../experiment/testing/fake-model.js';

const KNOWN = new Set(['requests_completed', 'request_latency_p50_ms', 'requests']);

describe('readResultsTable', () => {
  it('tells the parameter columns from the metrics in the per-run CSV, the summary and the time series', () => {
    const runs = readResultsTable('experiment,point,replication,seed,proxy.mode,cluster.services,requests_completed,request_latency_p50_ms\nx,0,0,1,ipvs,10,5,2.5\n', 'x.csv', KNOWN);
    expect(runs).toMatchObject({ kind: 'runs', parameterColumns: ['proxy.mode', 'cluster.services'], valueColumns: ['requests_completed', 'request_latency_p50_ms'] });
    const summary = readResultsTable('experiment,point,cluster.services,replications,a_ms_mean,a_ms_ci95,a_ms_diff,a_ms_diff_ci95\nx,0,10,3,1,0.1,0,0\n', 'x.summary.csv', KNOWN);
    expect(summary).toMatchObject({ kind: 'summary', parameterColumns: ['cluster.services'], valueColumns: ['a_ms', 'a_ms_diff'] });
    const series = readResultsTable('experiment,point,replication,seed,proxy.mode,time_s,requests\nx,0,0,1,ipvs,0,4\n', 'x.timeseries.csv', KNOWN);
    expect(series).toMatchObject({ kind: 'timeseries', keyColumns: ['point', 'proxy.mode', 'time_s'], valueColumns: ['requests'] });
  });

  it('reads quoted cells, and counts as swept only the columns whose values differ', () => {
    const table = readResultsTable('experiment,point,replication,seed,a,b,requests\nx,0,0,1,"p, q",1,4\nx,1,0,1,"p, q",2,5\n', 'x.csv', KNOWN);
    expect(columnCells(table, 'a')).toEqual(['p, q', 'p, q']);
    expect(sweptColumns(table)).toEqual(['b']);
  });

  it('refuses a CSV eastwest did not write', () => {
    expect(() => readResultsTable('a,b\n1,2\n', 'other.csv', KNOWN)).toThrow(InputError);
    expect(() => readResultsTable('a,b\n1,2\n', 'other.csv', KNOWN)).toThrow('other.csv: Expected a CSV eastwest wrote');
  });
});

describe('axisTitle', () => {
  it('takes the unit from the metric spec, else from the name, and marks a difference from the baseline', () => {
    expect(axisTitle('request_latency_p50_ms', FAKE_METRICS)).toBe('request_latency_p50_ms (ms)');
    expect(axisTitle('throughput_per_s', FAKE_METRICS)).toBe('throughput_per_s (per s)');
    expect(axisTitle('requests_completed', FAKE_METRICS)).toBe('requests_completed');
    expect(axisTitle('first_packet_p50_us', [])).toBe('first_packet_p50_us (µs)');
    expect(axisTitle('coredns_utilization', [])).toBe('coredns_utilization (busy fraction)');
    expect(axisTitle('time_s', [])).toBe('time_s (s)');
    expect(axisTitle('request_latency_p50_ms_diff', FAKE_METRICS)).toBe('request_latency_p50_ms − baseline (ms)');
  });
});
