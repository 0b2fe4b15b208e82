import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../experiment/output/csv-rows.js';
import { fakeModel } from '../experiment/testing/fake-model.js';
import { SMALL_EXPERIMENT, temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { runCaptured } from './testing/captured-cli.js';

const read = (cwd: string, file: string): string => readFileSync(join(cwd, file), 'utf8');
const header = (text: string): string[] => parseCsv(text)[0];
/** The fake model's parameters that small.yaml does not sweep, in the model's order. */
const OTHERS = ['workload.requestsPerSecond', 'workload.serviceTime', 'workload.idleTimeout', 'dns.nodeLocalCache'];
const SWEPT = ['proxy.mode', 'cluster.services', 'workload.serviceTime.median'];

function smallFolder(): string {
  const cwd = temporaryFolder();
  writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
  return cwd;
}

/** A CSV without the columns named, to compare with the one written without --all-params. */
function without(text: string, names: readonly string[]): string {
  const rows = parseCsv(text);
  const keep = rows[0].map((name, i) => (names.includes(name) ? -1 : i)).filter((i) => i >= 0);
  return rows.map((row) => keep.map((i) => row[i]).join(',')).join('\n');
}

describe('eastwest run --all-params', () => {
  it('writes every parameter as a column of the CSV and the summary: the swept ones first, then the others in model order', async () => {
    const cwd = smallFolder();
    // With a baseline too: its partners are found among the swept columns only.
    await runCaptured(['run', 'small.yaml', '--out', 'plain/x.csv', '--baseline', 'cluster.services=10', '--quiet'], { cwd });
    const outcome = await runCaptured(['run', 'small.yaml', '--out', 'all/x.csv', '--all-params', '--baseline', 'cluster.services=10', '--quiet'], { cwd });
    expect(outcome.status).toBe(0);
    const csv = read(cwd, 'all/x.csv');
    expect(header(csv).slice(0, 4 + SWEPT.length + OTHERS.length)).toEqual(['experiment', 'point', 'replication', 'seed', ...SWEPT, ...OTHERS]);
    expect(header(read(cwd, 'all/x.summary.csv')).slice(0, 2 + SWEPT.length + OTHERS.length + 1)).toEqual(['experiment', 'point', ...SWEPT, ...OTHERS, 'replications']);
    const firstRow = parseCsv(csv)[1];
    expect(firstRow.slice(4 + SWEPT.length, 4 + SWEPT.length + OTHERS.length)).toEqual(['50', '{ dist: lognormal, median: 2ms, p99: 20ms }', '90s', 'false']);
    // The same figures as without it, and the meta says so.
    expect(without(csv, OTHERS)).toBe(without(read(cwd, 'plain/x.csv'), []));
    expect(without(read(cwd, 'all/x.summary.csv'), OTHERS)).toBe(without(read(cwd, 'plain/x.summary.csv'), []));
    expect(read(cwd, 'all/x.summary.csv')).toContain('_diff_ci95');
    expect(JSON.parse(read(cwd, 'all/x.meta.json'))).toMatchObject({ allParams: true });
    expect(JSON.parse(read(cwd, 'plain/x.meta.json')).allParams).toBeUndefined();
  });

  it('gives the time series the same run columns as the CSV', async () => {
    const cwd = smallFolder();
    await runCaptured(['run', 'small.yaml', '--all-params', '--timeseries', '5s', '--quiet'], { cwd });
    expect(header(read(cwd, 'results/small.timeseries.csv')).slice(0, 4 + SWEPT.length + OTHERS.length + 1)).toEqual([
      'experiment', 'point', 'replication', 'seed', ...SWEPT, ...OTHERS, 'time_s',
    ]);
  });

  it('resumes a journal written without it into what an uninterrupted run with it writes, and back', async () => {
    const cwd = smallFolder();
    await runCaptured(['run', 'small.yaml', '--out', 'whole/x.csv', '--all-params', '--quiet'], { cwd });
    const failed = await runCaptured(['run', 'small.yaml', '--quiet'], { cwd, model: fakeModel({ failOnRunCall: 6 }) });
    expect(failed.status).toBe(1);
    const resumed = await runCaptured(['run', 'small.yaml', '--resume', '--all-params', '--quiet'], { cwd });
    expect(resumed.status).toBe(0);
    expect(read(cwd, 'results/small.csv')).toBe(read(cwd, 'whole/x.csv'));
    expect(read(cwd, 'results/small.summary.csv')).toBe(read(cwd, 'whole/x.summary.csv'));

    await runCaptured(['run', 'small.yaml', '--out', 'plain/x.csv', '--quiet'], { cwd });
    await runCaptured(['run', 'small.yaml', '--out', 'back/x.csv', '--all-params', '--quiet'], { cwd, model: fakeModel({ failOnRunCall: 4 }) });
    await runCaptured(['run', 'small.yaml', '--out', 'back/x.csv', '--resume', '--quiet'], { cwd });
    expect(read(cwd, 'back/x.csv')).toBe(read(cwd, 'plain/x.csv'));
  });
});

describe('eastwest merge and --all-params', () => {
  async function parts(cwd: string, folder: string, allParams: readonly boolean[]): Promise<string[]> {
    const names: string[] = [];
    for (const [i, all] of allParams.entries()) {
      const shard = `${i + 1}/${allParams.length}`;
      const outcome = await runCaptured(['run', 'small.yaml', '--shard', shard, '--out', `${folder}/x.csv`, '--quiet', ...(all ? ['--all-params'] : [])], { cwd });
      expect(outcome.status).toBe(0);
      names.push(`${folder}/x.part-${i + 1}-of-${allParams.length}.csv`);
    }
    return names;
  }

  it('merges parts run with it into what a whole run with it writes, byte for byte', async () => {
    const cwd = smallFolder();
    await runCaptured(['run', 'small.yaml', '--out', 'whole/x.csv', '--all-params', '--quiet'], { cwd });
    const names = await parts(cwd, 'parts', [true, true]);
    expect(header(read(cwd, names[0]))).toContain('dns.nodeLocalCache');
    const merged = await runCaptured(['merge', ...names, '--out', 'merged/x.csv', '--quiet'], { cwd });
    expect(merged.status).toBe(0);
    expect(read(cwd, 'merged/x.csv')).toBe(read(cwd, 'whole/x.csv'));
    expect(read(cwd, 'merged/x.summary.csv')).toBe(read(cwd, 'whole/x.summary.csv'));
  });

  it('adds every parameter to parts run without it when asked, and refuses parts that disagree', async () => {
    const cwd = smallFolder();
    await runCaptured(['run', 'small.yaml', '--out', 'whole/x.csv', '--all-params', '--quiet'], { cwd });
    const plain = await parts(cwd, 'plain', [false, false]);
    await runCaptured(['merge', ...plain, '--out', 'merged/x.csv', '--all-params', '--quiet'], { cwd });
    expect(read(cwd, 'merged/x.csv')).toBe(read(cwd, 'whole/x.csv'));

    const mixed = await parts(cwd, 'mixed', [true, false]);
    const refused = await runCaptured(['merge', ...mixed, '--out', 'bad/x.csv'], { cwd });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(
      'error: mixed/x.part-2-of-2.csv was run without --all-params, but mixed/x.part-1-of-2.csv was run with --all-params; merge only parts run alike ' +
        '(rerun the odd shards; `eastwest merge --all-params` adds every parameter to parts run without it)\n',
    );
  });
});
