import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SMALL_EXPERIMENT, temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { groupsWithClass, parseSvg, textsIn } from '../report/testing/svg-structure.js';
import { runCaptured } from './testing/captured-cli.js';

let cwd: string;

beforeAll(async () => {
  cwd = temporaryFolder();
  writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
  await runCaptured(['run', 'small.yaml', '--quiet', '--timeseries', '5s'], { cwd });
});

const read = (file: string): string => readFileSync(join(cwd, file), 'utf8');

describe('eastwest plot', () => {
  it('plots the summary beside a per-run CSV, saying so, and writes the SVG atomically', async () => {
    const outcome = await runCaptured(['plot', 'results/small.csv', '--y', 'request_latency_p50_ms', '--out', 'charts/latency.svg'], { cwd });
    expect(outcome.status).toBe(0);
    expect(outcome.stderr).toContain('note: plotting the means and 95% intervals of results/small.summary.csv, the summary beside results/small.csv');
    expect(outcome.stdout).toBe('Wrote charts/latency.svg (request_latency_p50_ms)\n');
    const tree = parseSvg(read('charts/latency.svg'));
    expect(textsIn(tree, 'mark-text', 'role-axis-title')).toContain('request_latency_p50_ms (ms)');
    // proxy.mode and cluster.services are swept; the case adds workload.serviceTime.median, which splits the panels.
    expect(textsIn(tree, 'mark-text', 'role-axis-title')).toContain('proxy.mode');
    expect(textsIn(tree, 'mark-text', 'role-axis-label')).toEqual(expect.arrayContaining(['iptables', 'ipvs', 'ebpf']));
    expect(readdirSync(join(cwd, 'charts'))).toEqual(['latency.svg']);
  });

  it('plots a time series over time_s', async () => {
    const outcome = await runCaptured(['plot', 'results/small.timeseries.csv', '--y', 'requests', '--out', 'series.svg'], { cwd });
    expect(outcome.status).toBe(0);
    const tree = parseSvg(read('series.svg'));
    expect(textsIn(tree, 'mark-text', 'role-axis-title')).toEqual(expect.arrayContaining(['time_s (s)', 'requests']));
    expect(groupsWithClass(tree, 'mark-line', 'role-mark').length).toBeGreaterThan(0);
  });

  it('refuses (exit 2) an --out that is not .svg, an unknown column with the closest name, and a file it did not write', async () => {
    const png = await runCaptured(['plot', 'results/small.summary.csv', '--out', 'x.png'], { cwd });
    expect(png.status).toBe(2);
    expect(png.stderr).toContain('Expected `--out` to be a path ending in .svg, got `x.png`');
    const unknown = await runCaptured(['plot', 'results/small.summary.csv', '--color', 'cluster.service', '--out', 'x.svg'], { cwd });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--color cluster.service: results/small.summary.csv has no column `cluster.service`; did you mean `cluster.services`?');
    writeFileSync(join(cwd, 'mine.svg'), '<svg/>');
    const foreign = await runCaptured(['plot', 'results/small.summary.csv', '--out', 'mine.svg'], { cwd });
    expect(foreign.status).toBe(2);
    expect(foreign.stderr).toContain('Cannot write `mine.svg`: a file is there that eastwest did not write; pass --overwrite');
    expect(read('mine.svg')).toBe('<svg/>');
    expect((await runCaptured(['plot', 'results/small.summary.csv', '--out', 'mine.svg', '--overwrite'], { cwd })).status).toBe(0);
    expect((await runCaptured(['plot', 'results/small.summary.csv', '--out', 'mine.svg', '--log-y'], { cwd })).status).toBe(0);
  });
});
