import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeModel } from '../experiment/testing/fake-model.js';
import { SMALL_EXPERIMENT, temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { runCaptured } from './testing/captured-cli.js';

const read = (cwd: string, file: string): string => readFileSync(join(cwd, file), 'utf8');

function folderWithExperiment(): string {
  const cwd = temporaryFolder();
  writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
  return cwd;
}

describe('eastwest run --timeseries', () => {
  it('writes X.timeseries.csv: the CSV\'s run columns, time_s, the scenario\'s columns; a row per run and bucket in order', async () => {
    const cwd = folderWithExperiment();
    const outcome = await runCaptured(['run', 'small.yaml', '--timeseries', '2s'], { cwd });
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toContain('Wrote results/small.csv\n      results/small.summary.csv\n      results/small.timeseries.csv\n      results/small.meta.json\n');
    const rows = read(cwd, 'results/small.timeseries.csv').split('\n');
    expect(rows[0]).toBe('experiment,point,replication,seed,proxy.mode,cluster.services,workload.serviceTime.median,time_s,requests,latency_p50_ms');
    expect(rows).toHaveLength(1 + 14 * 5 + 1);
    const keys = rows.slice(1, -1).map((row) => row.split(',').slice(1, 3).concat(row.split(',')[7]).join('/'));
    expect(keys.slice(0, 6)).toEqual(['0/0/0', '0/0/2', '0/0/4', '0/0/6', '0/0/8', '0/1/0']);
    expect(keys.at(-1)).toBe('6/1/8');
    const csvRows = read(cwd, 'results/small.csv').split('\n');
    expect(rows[1].startsWith(csvRows[1].split(',').slice(0, 7).join(','))).toBe(true);
    expect(rows.at(-2)).toMatch(/^small,6,1,7,ebpf,10,1ms,8,\d+,\d+\.\d+$/);
    expect(JSON.parse(read(cwd, 'results/small.meta.json'))).toMatchObject({ timeseriesBucket: '2s' });
  });

  it('leaves a bucket\'s figure empty where it has no samples', async () => {
    const cwd = folderWithExperiment();
    await runCaptured(['run', 'small.yaml', '--timeseries', '100ms', '--set', 'workload.requestsPerSecond=5', '--only', '0/0', '--quiet'], { cwd });
    const rows = read(cwd, 'results/small.only-0-0.timeseries.csv').trimEnd().split('\n').slice(1);
    expect(rows).toHaveLength(100);
    const figures = rows.map((row) => row.split(',').slice(8));
    const quiet = figures.filter(([requests]) => requests === '0');
    expect(quiet.length).toBeGreaterThan(0);
    expect(quiet.every(([, latency]) => latency === '')).toBe(true);
    expect(figures.filter(([requests]) => requests !== '0').every(([, latency]) => Number(latency) > 0)).toBe(true);
  });

  it('writes byte-identical files with one worker and with two, and on a repeated run', async () => {
    const cwd = folderWithExperiment();
    await runCaptured(['run', 'small.yaml', '--timeseries', '1s', '--workers', '1', '--out', 'one/x.csv', '--quiet'], { cwd });
    const two = await runCaptured(['run', 'small.yaml', '--timeseries', '1s', '--workers', '2', '--out', 'two/x.csv', '--quiet'], { cwd });
    await runCaptured(['run', 'small.yaml', '--timeseries', '1s', '--workers', '1', '--out', 'again/x.csv', '--quiet'], { cwd });
    expect(two.status).toBe(0);
    expect(JSON.parse(read(cwd, 'two/x.meta.json')).workers).toBe(2);
    expect(read(cwd, 'two/x.timeseries.csv')).toBe(read(cwd, 'one/x.timeseries.csv'));
    expect(read(cwd, 'again/x.timeseries.csv')).toBe(read(cwd, 'one/x.timeseries.csv'));
    expect(read(cwd, 'two/x.csv')).toBe(read(cwd, 'one/x.csv'));
  });

  it('names the file as the other files are named with --only and --out', async () => {
    const cwd = folderWithExperiment();
    await runCaptured(['run', 'small.yaml', '--timeseries', '1s', '--out', 'full/x.csv', '--quiet'], { cwd });
    await runCaptured(['run', 'small.yaml', '--timeseries', '1s', '--only', '6', '--out', 'full/x.csv', '--quiet'], { cwd });
    expect(readdirSync(join(cwd, 'full')).filter((file) => file.includes('timeseries'))).toEqual(['x.only-6.timeseries.csv', 'x.timeseries.csv']);
    const full = read(cwd, 'full/x.timeseries.csv').split('\n');
    expect(read(cwd, 'full/x.only-6.timeseries.csv')).toBe([full[0], ...full.filter((row) => row.startsWith('small,6,')), ''].join('\n'));
  });

  it('writes no time series without --timeseries, and the same CSV and summary as with it', async () => {
    const cwd = folderWithExperiment();
    await runCaptured(['run', 'small.yaml', '--out', 'plain/x.csv', '--quiet'], { cwd });
    await runCaptured(['run', 'small.yaml', '--timeseries', '500ms', '--out', 'timed/x.csv', '--quiet'], { cwd });
    expect(readdirSync(join(cwd, 'plain')).sort()).toEqual(['x.csv', 'x.meta.json', 'x.summary.csv']);
    expect(read(cwd, 'timed/x.csv')).toBe(read(cwd, 'plain/x.csv'));
    expect(read(cwd, 'timed/x.summary.csv')).toBe(read(cwd, 'plain/x.summary.csv'));
    const meta = JSON.parse(read(cwd, 'plain/x.meta.json'));
    expect(meta).not.toHaveProperty('timeseriesBucket');
    expect(Object.keys(meta.files)).toEqual(['csv', 'summary', 'meta']);
  });
});

describe('eastwest run --timeseries with bad input', () => {
  const refusal = async (...value: string[]): Promise<string> => {
    const cwd = folderWithExperiment();
    const outcome = await runCaptured(['run', 'small.yaml', ...value], { cwd });
    expect(outcome.status).toBe(2);
    expect(existsSync(join(cwd, 'results'))).toBe(false);
    return outcome.stderr;
  };

  it('exits 2 naming --timeseries, what was expected and what was found, and runs nothing', async () => {
    const range = "a duration > 0s and <= 10s (the experiment's `duration`)";
    expect(await refusal('--timeseries', 'often')).toBe(
      "error: --timeseries often: Expected `--timeseries` to be a duration with a unit (ns, us, ms, s, m, h) > 0s and <= 10s (the experiment's `duration`), got `often`\n",
    );
    expect(await refusal('--timeseries', '0s')).toBe(`error: --timeseries 0s: Expected \`--timeseries\` to be ${range}, got \`0s\`\n`);
    expect(await refusal('--timeseries=-1s')).toContain('error: --timeseries -1s: Expected `--timeseries` to be a duration with a unit');
    expect(await refusal('--timeseries', '11s')).toBe(`error: --timeseries 11s: Expected \`--timeseries\` to be ${range}, got \`11s\`\n`);
  });

  it('checks against the duration after --set', async () => {
    expect(await refusal('--timeseries', '1ms', '--set', 'duration=5m')).toBe(
      'error: --timeseries 1ms: Expected `--timeseries` to be a width that cuts the measured window (`duration` 5m) into at most 100,000 buckets ' +
        '(it would make 300,000), got `1ms`\n',
    );
  });

  it('exits 2 for a scenario that declares no time-series columns', async () => {
    const cwd = folderWithExperiment();
    const outcome = await runCaptured(['run', 'small.yaml', '--timeseries', '1s'], { cwd, model: { ...fakeModel(), timeseries: [] } });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toBe('error: --timeseries 1s: Expected a scenario that declares time-series columns, got one that declares none; run without --timeseries\n');
  });

  it('exits 2 for --timeseries with no value', async () => {
    expect(await refusal('--timeseries')).toBe('error: eastwest run: option `--timeseries` needs a value (see `eastwest run --help`)\n');
  });
});

describe('eastwest run --timeseries --resume', () => {
  /** small.yaml with --timeseries 1s stopped after 5 of its 14 runs. */
  async function interrupted(): Promise<string> {
    const cwd = folderWithExperiment();
    const failed = await runCaptured(['run', 'small.yaml', '--timeseries', '1s', '--quiet'], { cwd, model: fakeModel({ failOnRunCall: 6 }) });
    expect(failed.status).toBe(1);
    return cwd;
  }

  it('resumes from the journal and writes the time series an uninterrupted run writes', async () => {
    const cwd = await interrupted();
    const model = fakeModel();
    const resumed = await runCaptured(['run', 'small.yaml', '--timeseries', '1s', '--resume', '--quiet'], { cwd, model });
    expect(resumed.status).toBe(0);
    expect(model.builds).toHaveLength(9);
    await runCaptured(['run', 'small.yaml', '--timeseries', '1s', '--out', 'whole/small.csv', '--quiet'], { cwd });
    expect(read(cwd, 'results/small.timeseries.csv')).toBe(read(cwd, 'whole/small.timeseries.csv'));
    expect(read(cwd, 'results/small.csv')).toBe(read(cwd, 'whole/small.csv'));
  });

  it('refuses, exit 2, to resume with another --timeseries or none, keeping the journal', async () => {
    const cwd = await interrupted();
    const journal = join(cwd, 'results/small.csv.journal');
    const other = await runCaptured(['run', 'small.yaml', '--timeseries', '2s', '--resume'], { cwd });
    expect(other.status).toBe(2);
    expect(other.stderr).toBe(
      `error: ${journal}: cannot resume: the journal was written with --timeseries 1s, but this run asks for --timeseries 2s ` +
        '(resume with the --timeseries of the run that stopped); remove the journal to start over\n',
    );
    const none = await runCaptured(['run', 'small.yaml', '--resume'], { cwd });
    expect(none.stderr).toContain('cannot resume: the journal was written with --timeseries 1s, but this run has no --timeseries');
    expect(existsSync(journal)).toBe(true);
    expect(existsSync(join(cwd, 'results/small.timeseries.csv'))).toBe(false);
  });
});
