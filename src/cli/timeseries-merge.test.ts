import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeModel } from '../experiment/testing/fake-model.js';
import { SMALL_EXPERIMENT, temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { runCaptured } from './testing/captured-cli.js';

const read = (cwd: string, file: string): string => readFileSync(join(cwd, file), 'utf8');
const PARTS = [1, 2, 3].map((shard) => `parts/x.part-${shard}-of-3.csv`);

/** small.yaml with --timeseries 1s run whole into whole/x.csv and as three shards (two workers each) into parts/. */
async function shardedFolder(): Promise<string> {
  const cwd = temporaryFolder();
  writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
  await runCaptured(['run', 'small.yaml', '--timeseries', '1s', '--out', 'whole/x.csv', '--quiet'], { cwd });
  for (const shard of ['1/3', '2/3', '3/3']) {
    const outcome = await runCaptured(['run', 'small.yaml', '--timeseries', '1s', '--shard', shard, '--workers', '2', '--out', 'parts/x.csv', '--quiet'], { cwd });
    expect(outcome.status).toBe(0);
  }
  return cwd;
}

/** Shard `shard` of 3 run again into parts/ with other options. */
async function rerunShard(cwd: string, shard: number, options: readonly string[]): Promise<void> {
  rmSync(join(cwd, `parts/x.part-${shard}-of-3.timeseries.csv`), { force: true });
  const outcome = await runCaptured(['run', 'small.yaml', ...options, '--shard', `${shard}/3`, '--out', 'parts/x.csv', '--quiet'], { cwd });
  expect(outcome.status).toBe(0);
}

describe('eastwest run --timeseries --shard, then eastwest merge', () => {
  it('writes each shard\'s time series beside its part, with the width in its meta', async () => {
    const cwd = await shardedFolder();
    expect(readdirSync(join(cwd, 'parts')).filter((file) => file.endsWith('.timeseries.csv')).sort()).toEqual([
      'x.part-1-of-3.timeseries.csv', 'x.part-2-of-3.timeseries.csv', 'x.part-3-of-3.timeseries.csv',
    ]);
    expect(JSON.parse(read(cwd, 'parts/x.part-2-of-3.meta.json'))).toMatchObject({ timeseriesBucket: '1s' });
    const runs = read(cwd, 'parts/x.part-2-of-3.timeseries.csv').trimEnd().split('\n').slice(1).map((row) => row.split(',').slice(1, 3).join('/'));
    expect([...new Set(runs)]).toEqual(['0/1', '2/0', '3/1', '5/0', '6/1']);
  });

  it('merges the parts\' time series into the single run\'s X.timeseries.csv, byte for byte', async () => {
    const cwd = await shardedFolder();
    const outcome = await runCaptured(['merge', ...PARTS, '--out', 'merged/x.csv'], { cwd });
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toContain('      merged/x.timeseries.csv\n');
    expect(read(cwd, 'merged/x.timeseries.csv')).toBe(read(cwd, 'whole/x.timeseries.csv'));
    expect(read(cwd, 'merged/x.csv')).toBe(read(cwd, 'whole/x.csv'));
    expect(JSON.parse(read(cwd, 'merged/x.meta.json'))).toMatchObject({ timeseriesBucket: '1s' });
  });

  it('refuses parts of different widths, naming them', async () => {
    const cwd = await shardedFolder();
    await rerunShard(cwd, 2, ['--timeseries', '2s']);
    const outcome = await runCaptured(['merge', ...PARTS, '--out', 'merged/x.csv'], { cwd });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toBe(
      'error: parts/x.part-2-of-3.csv has a time series in buckets of 2s, but parts/x.part-1-of-3.csv has a time series in buckets of 1s; ' +
        'merge only parts run with the same --timeseries (rerun the odd shards with it)\n',
    );
  });

  it('refuses parts of which some have a time series and others not', async () => {
    const cwd = await shardedFolder();
    await rerunShard(cwd, 3, []);
    const outcome = await runCaptured(['merge', ...PARTS, '--out', 'merged/x.csv'], { cwd });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toBe(
      'error: parts/x.part-3-of-3.csv has no time series, but parts/x.part-1-of-3.csv has a time series in buckets of 1s; ' +
        'merge only parts run with the same --timeseries (rerun the odd shards with it)\n',
    );
  });

  it('refuses a part whose time series is missing or was edited', async () => {
    const cwd = await shardedFolder();
    const file = 'parts/x.part-1-of-3.timeseries.csv';
    const original = read(cwd, file);
    writeFileSync(join(cwd, file), original.replace(/\n[^\n]*\n$/, '\n'));
    const cut = await runCaptured(['merge', ...PARTS, '--out', 'merged/x.csv'], { cwd });
    expect(cut.stderr).toBe(
      `error: ${file}: Expected the time series of the 5 runs of shard 1 of 3 as eastwest wrote them, got rows that differ from them (edited, cut short, or from another run)\n`,
    );
    writeFileSync(join(cwd, file), original.replace(',time_s,', ',time_ms,'));
    const renamed = await runCaptured(['merge', ...PARTS, '--out', 'merged/x.csv'], { cwd });
    expect(renamed.stderr).toMatch(/^error: parts\/x\.part-1-of-3\.timeseries\.csv: Expected the columns `experiment,.*,time_s,requests,latency_p50_ms`, got `.*,time_ms,/);
    rmSync(join(cwd, file));
    const missing = await runCaptured(['merge', ...PARTS, '--out', 'merged/x.csv'], { cwd });
    expect(missing.stderr).toBe(`error: ${file}: cannot read the time series of parts/x.part-1-of-3.csv (its meta says the shard wrote one) (no such file)\n`);
    expect(readdirSync(cwd)).not.toContain('merged');
  });

  it('refuses the parts\' time series when this eastwest\'s scenario declares other columns', async () => {
    const cwd = await shardedFolder();
    const outcome = await runCaptured(['merge', ...PARTS, '--out', 'merged/x.csv'], { cwd, model: { ...fakeModel(), timeseries: [] } });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toMatch(/^error: parts\/x\.part-1-of-3\.timeseries\.csv: Expected the columns `experiment,.*,time_s`, got `.*,time_s,requests,latency_p50_ms`/);
  });
});
