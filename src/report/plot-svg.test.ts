import { describe, expect, it } from 'vitest';
import { FAKE_METRICS, FAKE_TIMESERIES } from '../experiment/testing/fake-model.js';
import { chooseChart } from './chart-choice.js';
import { xScaleOf } from './chart-points.js';
import { plotSvg } from './plot-svg.js';
import { readResultsTable } from './results-table.js';
import { attribute, childElements, groupsWithClass, parseSvg, textsIn } from './testing/svg-structure.js';

const SPECS = [...FAKE_METRICS, ...FAKE_TIMESERIES];
const KNOWN = new Set(SPECS.map((spec) => spec.name));
const CONTEXT = { specs: SPECS, defaultYs: ['request_latency_p50_ms'] };

/** A summary of 3 × 2 points: Services (numeric) by mode (text), with 95% half-widths. */
const SUMMARY = [
  'experiment,point,cluster.services,proxy.mode,replications,request_latency_p50_ms_mean,request_latency_p50_ms_ci95,throughput_per_s_mean,throughput_per_s_ci95',
  'small,0,10,iptables,3,2.1,0.1,99,1',
  'small,1,10,ipvs,3,2,0.1,99,1',
  'small,2,100,iptables,3,2.4,0.2,98,1',
  'small,3,100,ipvs,3,2.05,0.1,99,1',
  'small,4,1000,iptables,3,3.5,0.3,97,2',
  'small,5,1000,ipvs,3,2.1,0.1,99,1',
].join('\n');

const summary = () => readResultsTable(`${SUMMARY}\n`, 'small.summary.csv', KNOWN);

describe('plotSvg', () => {
  it('draws a summary as well-formed SVG: two axes with tick labels and unit titles, a symbol and an error bar per point, a line per colour', async () => {
    const { svg, ys } = await plotSvg(summary(), {}, CONTEXT);
    expect(ys).toEqual(['request_latency_p50_ms']);
    const tree = parseSvg(svg);
    expect(groupsWithClass(tree, 'mark-group', 'role-axis')).toHaveLength(4); // x and y, each with its grid
    expect(textsIn(tree, 'mark-text', 'role-axis-label')).toEqual(expect.arrayContaining(['10', '100', '1,000']));
    expect(textsIn(tree, 'mark-text', 'role-axis-title')).toEqual(['cluster.services', 'request_latency_p50_ms (ms)']);
    expect(textsIn(tree, 'mark-text', 'role-legend-title')).toEqual(['proxy.mode']);
    const [symbols] = groupsWithClass(tree, 'mark-symbol', 'role-mark');
    expect(childElements(symbols, 'path')).toHaveLength(6);
    expect(childElements(symbols, 'path').every((path) => (attribute(path, 'd') ?? '') !== '')).toBe(true);
    const [rules] = groupsWithClass(tree, 'mark-rule', 'role-mark');
    expect(childElements(rules, 'line')).toHaveLength(6);
    const lines = groupsWithClass(tree, 'mark-line', 'role-mark');
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => /^M[\d.,-]+L/.test(attribute(childElements(line, 'path')[0], 'd') ?? ''))).toBe(true);
  });

  it('stacks one panel per --y, and gives the same bytes for the same table', async () => {
    const request = { y: ['throughput_per_s', 'request_latency_p50_ms'], x: 'proxy.mode', color: 'cluster.services' };
    const first = await plotSvg(summary(), request, CONTEXT);
    expect((await plotSvg(summary(), request, CONTEXT)).svg).toBe(first.svg);
    const tree = parseSvg(first.svg);
    expect(textsIn(tree, 'mark-text', 'role-axis-title')).toEqual(['proxy.mode', 'throughput_per_s (per s)', 'proxy.mode', 'request_latency_p50_ms (ms)']);
    // A text x: one tick per value in the experiment's order, no line between modes.
    expect(textsIn(tree, 'mark-text', 'role-axis-label').slice(0, 2)).toEqual(['iptables', 'ipvs']);
    expect(groupsWithClass(tree, 'mark-line', 'role-mark')).toHaveLength(0);
    expect(groupsWithClass(tree, 'mark-symbol', 'role-mark').map((group) => childElements(group, 'path').length)).toEqual([6, 6]);
  });

  it('plots each run of a per-run CSV, and a time series as lines over time_s, one per point', async () => {
    const runs = readResultsTable(
      'experiment,point,replication,seed,cluster.services,requests_completed,request_latency_p50_ms\nsmall,0,0,7,10,5,2\nsmall,0,1,7,10,5,2.2\nsmall,1,0,7,20,5,3\nsmall,1,1,7,20,5,3.1\n',
      'small.csv',
      KNOWN,
    );
    const perRun = parseSvg((await plotSvg(runs, {}, CONTEXT)).svg);
    expect(childElements(groupsWithClass(perRun, 'mark-symbol', 'role-mark')[0], 'path')).toHaveLength(4);
    const series = readResultsTable(
      'experiment,point,replication,seed,cluster.services,time_s,requests,latency_p50_ms\nsmall,0,0,7,10,0,4,1\nsmall,0,0,7,10,1,5,2\nsmall,1,0,7,20,0,6,\nsmall,1,0,7,20,1,7,3\n',
      'small.timeseries.csv',
      KNOWN,
    );
    const overTime = parseSvg((await plotSvg(series, { y: ['requests'] }, CONTEXT)).svg);
    expect(textsIn(overTime, 'mark-text', 'role-axis-title')).toEqual(['time_s (s)', 'requests']);
    expect(groupsWithClass(overTime, 'mark-line', 'role-mark')).toHaveLength(2);
    expect(groupsWithClass(overTime, 'mark-symbol', 'role-mark')).toHaveLength(0);
  });
});

describe('chooseChart', () => {
  it('defaults x to the first swept parameter, colour to the next, panels to the rest', () => {
    const table = readResultsTable('experiment,point,a,b,c,replications,request_latency_p50_ms_mean,request_latency_p50_ms_ci95\nx,0,1,p,u,1,2,\nx,1,2,q,v,1,3,\n', 's.summary.csv', KNOWN);
    expect(chooseChart(table, {}, ['request_latency_p50_ms'])).toMatchObject({ x: 'a', color: 'b', facets: ['c'], ys: ['request_latency_p50_ms'] });
  });

  it('names the option, the columns there are and the closest one for a column the CSV lacks', () => {
    expect(() => chooseChart(summary(), { x: 'cluster.servics' }, [])).toThrow(
      '--x cluster.servics: small.summary.csv has no column `cluster.servics`; did you mean `cluster.services`? (the columns it can take are `point`, `cluster.services`, `proxy.mode`)',
    );
    expect(() => chooseChart(summary(), { y: ['latency_p50_ms'] }, [])).toThrow(/^--y latency_p50_ms: small\.summary\.csv has no column `latency_p50_ms`; did you mean `request_latency_p50_ms`\?/);
    expect(() => chooseChart(summary(), { color: 'mode' }, [])).toThrow('did you mean `proxy.mode`?');
    expect(() => chooseChart(summary(), { x: 'proxy.mode', color: 'proxy.mode' }, [])).toThrow('--color proxy.mode: it is the x column too');
    expect(() => xScaleOf(summary(), chooseChart(summary(), { x: 'proxy.mode', logX: true }, []))).toThrow('--log-x: the x column `proxy.mode` holds text');
  });

  it('puts a numeric x on a log scale when it spans two decades, and on a linear one otherwise', () => {
    expect(xScaleOf(summary(), chooseChart(summary(), {}, [])).type).toBe('log');
    const narrow = readResultsTable('experiment,point,a,replications,request_latency_p50_ms_mean\nx,0,10,1,2\nx,1,50,1,3\n', 's.summary.csv', KNOWN);
    expect(xScaleOf(narrow, chooseChart(narrow, {}, [])).type).toBe('linear');
    expect(xScaleOf(narrow, chooseChart(narrow, { logX: true }, [])).type).toBe('log');
  });
});
