import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../experiment/output/csv-rows.js';
import { SMALL_EXPERIMENT, temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { runCaptured } from './testing/captured-cli.js';

const read = (cwd: string, file: string): string => readFileSync(join(cwd, file), 'utf8');

function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
}

function smallFolder(): string {
  const cwd = temporaryFolder();
  writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
  return cwd;
}

describe('eastwest run --format', () => {
  it('csv: prints only the table on stdout, with the numbers of the summary; the files written go to stderr', async () => {
    const cwd = smallFolder();
    const outcome = await runCaptured(['run', 'small.yaml', '--format', 'csv', '--columns', 'throughput_per_s,request_latency_p50_ms'], { cwd });
    expect(outcome.status).toBe(0);
    const rows = csvObjects(outcome.stdout);
    expect(Object.keys(rows[0])).toEqual([
      'point', 'proxy.mode', 'cluster.services', 'workload.serviceTime.median', 'replications',
      'throughput_per_s_mean', 'throughput_per_s_ci95', 'request_latency_p50_ms_mean', 'request_latency_p50_ms_ci95',
    ]);
    const summary = csvObjects(read(cwd, 'results/small.summary.csv'));
    expect(rows).toHaveLength(summary.length);
    rows.forEach((row, i) => {
      for (const name of Object.keys(row)) if (name !== 'point') expect(row[name], name).toBe(summary[i][name]);
    });
    expect(outcome.stderr).toContain('Wrote results/small.csv\n');
  });

  it('json: one JSON array on stdout, with the baseline differences of the default metrics', async () => {
    const cwd = smallFolder();
    const outcome = await runCaptured(['run', 'small.yaml', '--format', 'json', '--baseline', 'proxy.mode=iptables', '--quiet'], { cwd });
    expect(outcome.stdout).toBe('');
    const shown = await runCaptured(['run', 'small.yaml', '--format', 'json', '--baseline', 'proxy.mode=iptables'], { cwd });
    const rows = JSON.parse(shown.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(7);
    expect(rows[0]).toMatchObject({ point: 0, 'proxy.mode': 'iptables', 'cluster.services': 10, replications: 2, throughput_per_s_diff: 0 });
    const summary = csvObjects(read(cwd, 'results/small.summary.csv'));
    rows.forEach((row, i) => {
      const diff = summary[i].throughput_per_s_diff;
      expect(row.throughput_per_s_diff).toBe(diff === '' ? null : Number(diff));
    });
  });

  it('table: shows the baseline differences of the default metrics, and --columns picks the columns', async () => {
    const cwd = smallFolder();
    const withBaseline = await runCaptured(['run', 'small.yaml', '--baseline', 'proxy.mode=iptables'], { cwd });
    expect(withBaseline.stdout).toContain('per_s_diff');
    expect(withBaseline.stdout).toContain('A _diff column is the paired difference from proxy.mode=iptables, ± its 95% CI.');
    const chosen = await runCaptured(['run', 'small.yaml', '--columns', 'requests_completed'], { cwd });
    const header = chosen.stdout.split('\n').slice(0, 2).join('\n');
    expect(header).toContain('requests_');
    expect(header).not.toContain('throughput');
  });

  it('exits 2 before any run for an unknown column, a difference without --baseline or an unknown format', async () => {
    const cwd = smallFolder();
    const unknown = await runCaptured(['run', 'small.yaml', '--columns', 'throughput_per_sec'], { cwd });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(
      'error: --columns throughput_per_sec: `throughput_per_sec` is not a metric; did you mean `throughput_per_s`? (`eastwest describe --metrics` lists them)\n',
    );
    const diff = await runCaptured(['run', 'small.yaml', '--columns', 'throughput_per_s_diff'], { cwd });
    expect(diff.status).toBe(2);
    const format = await runCaptured(['run', 'small.yaml', '--format', 'yaml'], { cwd });
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('Expected `--format` to be one of `table`, `csv`, `json`, got `yaml`');
    expect(existsSync(join(cwd, 'results'))).toBe(false);
  });

  it('refuses --columns with a shard, which prints no table', async () => {
    const cwd = smallFolder();
    const outcome = await runCaptured(['run', 'small.yaml', '--shard', '1/2', '--columns', 'throughput_per_s'], { cwd });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toContain('a shard prints no table, so `--columns` has nothing to do there');
  });
});

describe('eastwest merge --columns --format', () => {
  it('prints the table the whole run prints, and keeps stdout empty of anything else', async () => {
    const cwd = smallFolder();
    const table = ['--format', 'csv', '--columns', 'request_latency_p50_ms_diff,throughput_per_s', '--baseline', 'cluster.services=10'];
    const whole = await runCaptured(['run', 'small.yaml', '--out', 'whole/x.csv', ...table], { cwd });
    for (const shard of ['1/2', '2/2']) {
      const part = await runCaptured(['run', 'small.yaml', '--shard', shard, '--out', 'parts/x.csv', '--format', 'csv'], { cwd });
      expect(part.stdout).toBe('');
      expect(part.stderr).toContain('When every shard is done');
    }
    const merged = await runCaptured(['merge', 'parts/x.part-1-of-2.csv', 'parts/x.part-2-of-2.csv', '--out', 'merged/x.csv', ...table], { cwd });
    expect(merged.status).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
    expect(merged.stdout.split('\n')[0]).toBe(
      'point,proxy.mode,cluster.services,workload.serviceTime.median,replications,request_latency_p50_ms_diff,request_latency_p50_ms_diff_ci95,throughput_per_s_mean,throughput_per_s_ci95',
    );
  });

  it('exits 2 for an unknown column before writing anything', async () => {
    const cwd = smallFolder();
    for (const shard of ['1/2', '2/2']) await runCaptured(['run', 'small.yaml', '--shard', shard, '--out', 'parts/x.csv', '--quiet'], { cwd });
    const merged = await runCaptured(['merge', 'parts/x.part-1-of-2.csv', 'parts/x.part-2-of-2.csv', '--out', 'merged/x.csv', '--columns', 'latency'], { cwd });
    expect(merged.status).toBe(2);
    expect(merged.stderr).toContain('`latency` is not a metric; did you mean `request_latency_p50_ms`?');
    expect(existsSync(join(cwd, 'merged'))).toBe(false);
  });
});
