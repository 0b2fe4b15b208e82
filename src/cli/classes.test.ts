import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScenarioModel } from '../contract/scenario-model.js';
import { packageRoot } from '../experiment/index.js';
import { fakeClassNames, fakeModel, fakeModelSource, type FakeModelOptions } from '../experiment/testing/fake-model.js';
import { SMALL_EXPERIMENT, temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { runCaptured } from './testing/captured-cli.js';
import { folderInTheWayOf, fullDiskAt, modelThat } from './testing/save-obstacles.js';

const read = (cwd: string, file: string): string => readFileSync(join(cwd, file), 'utf8');
const journalLines = (cwd: string): string[] => read(cwd, 'results/small.csv.journal').split('\n').filter((line) => line.startsWith('{"run"'));

function folderWithExperiment(): string {
  const cwd = temporaryFolder();
  writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
  return cwd;
}

/** The fake model with class columns (and the options given), and where worker threads import the same. */
function withClasses(options: FakeModelOptions = {}): { model: ScenarioModel; modelSource: ReturnType<typeof fakeModelSource> } {
  return { model: fakeModel({ ...options, classes: true }), modelSource: fakeModelSource({ ...options, classes: true }) };
}

const run = (cwd: string, args: readonly string[], options: FakeModelOptions = {}) => runCaptured(['run', 'small.yaml', ...args], { cwd, ...withClasses(options) });

/** small.yaml run whole, uninterrupted, into whole/. */
async function wholeRun(cwd: string, ...args: string[]): Promise<void> {
  expect((await run(cwd, ['--out', 'whole/small.csv', '--quiet', ...args])).status).toBe(0);
}

describe('eastwest run with a scenario that declares class columns', () => {
  it('writes X.classes.csv: the CSV\'s run columns, class, the class columns; a row per run and class, in run then class order', async () => {
    const cwd = folderWithExperiment();
    const outcome = await run(cwd, []);
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toContain('Wrote results/small.csv\n      results/small.summary.csv\n      results/small.classes.csv\n      results/small.meta.json\n');
    const [header, ...rows] = read(cwd, 'results/small.classes.csv').trimEnd().split('\n');
    expect(header).toBe('experiment,point,replication,seed,proxy.mode,cluster.services,workload.serviceTime.median,class,class_requests,class_latency_p50_ms');
    const csvRows = read(cwd, 'results/small.csv').trimEnd().split('\n').slice(1);
    // Every run of X.csv, in its order, with its classes in the scenario's order: points at 1000 Services have two.
    const expected = csvRows.flatMap((row) => {
      const runCells = row.split(',').slice(0, 7);
      return fakeClassNames(Number(runCells[5])).map((name) => `${runCells.join(',')},${name.includes(',') ? `"${name}"` : name},`);
    });
    expect(rows).toHaveLength(18);
    rows.forEach((row, i) => {
      expect(row.startsWith(expected[i])).toBe(true);
      expect(row.slice(expected[i].length)).toMatch(/^\d+,(\d+(\.\d+)?)?$/);
    });
    const meta = JSON.parse(read(cwd, 'results/small.meta.json'));
    expect(Object.keys(meta.files)).toEqual(['csv', 'summary', 'classes', 'meta']);
    expect(meta.checksums.classes.sha256).toBe(createHash('sha256').update(read(cwd, 'results/small.classes.csv')).digest('hex'));
  });

  it('leaves a class\'s figure empty where it has no samples', async () => {
    const cwd = folderWithExperiment();
    expect((await run(cwd, ['--set', 'workload.requestsPerSecond=5', '--quiet'])).status).toBe(0);
    const figures = read(cwd, 'results/small.classes.csv').trimEnd().split('\n').slice(1).map((row) => row.split(',').slice(-2));
    const quiet = figures.filter(([requests]) => requests === '0');
    expect(quiet.length).toBeGreaterThan(0);
    expect(quiet.every(([, latency]) => latency === '')).toBe(true);
  });

  it('writes the same bytes with one worker and with two, beside a time series, and the same CSV and summary as without class columns', async () => {
    const cwd = folderWithExperiment();
    await run(cwd, ['--workers', '1', '--timeseries', '2s', '--out', 'one/x.csv', '--quiet']);
    const two = await run(cwd, ['--workers', '2', '--timeseries', '2s', '--out', 'two/x.csv', '--quiet']);
    expect(two.status).toBe(0);
    expect(JSON.parse(read(cwd, 'two/x.meta.json')).workers).toBe(2);
    expect(readdirSync(join(cwd, 'two')).sort()).toEqual(['x.classes.csv', 'x.csv', 'x.meta.json', 'x.summary.csv', 'x.timeseries.csv']);
    for (const file of ['x.classes.csv', 'x.csv', 'x.timeseries.csv']) expect(read(cwd, `two/${file}`)).toBe(read(cwd, `one/${file}`));
    await runCaptured(['run', 'small.yaml', '--timeseries', '2s', '--out', 'plain/x.csv', '--quiet'], { cwd });
    expect(readdirSync(join(cwd, 'plain'))).not.toContain('x.classes.csv');
    for (const file of ['x.csv', 'x.summary.csv', 'x.timeseries.csv']) expect(read(cwd, `plain/${file}`)).toBe(read(cwd, `one/${file}`));
  });

  it('names the file as the other files are named with --only', async () => {
    const cwd = folderWithExperiment();
    await run(cwd, ['--out', 'full/x.csv', '--quiet']);
    await run(cwd, ['--only', '2', '--out', 'full/x.csv', '--quiet']);
    const full = read(cwd, 'full/x.classes.csv').split('\n');
    expect(read(cwd, 'full/x.only-2.classes.csv')).toBe([full[0], ...full.filter((row) => row.startsWith('small,2,')), ''].join('\n'));
  });

  it('fails the run, exit 1, when the model returns no class rows', async () => {
    const cwd = folderWithExperiment();
    const base = fakeModel({ classes: true });
    const model: ScenarioModel = { ...base, build: (values, settings) => ({ run: () => ({ ...base.build(values, settings).run(), classes: undefined }) }) };
    const outcome = await runCaptured(['run', 'small.yaml', '--quiet'], { cwd, model });
    expect(outcome.status).toBe(1);
    expect(outcome.stderr).toContain('The model was asked for one row per Service class, since the scenario declares class columns, and returned none');
  });
});

describe('eastwest run --resume with class rows', () => {
  it('keeps the class rows of the runs journaled before a failure, and writes what an uninterrupted run writes', async () => {
    const cwd = folderWithExperiment();
    expect((await run(cwd, ['--quiet'], { failOnRunCall: 6 })).status).toBe(1);
    expect(journalLines(cwd)).toHaveLength(5);
    expect(journalLines(cwd).every((line) => /,"classes":\[\{"name":"gold","values":\{"class_requests":\d+,/.test(line))).toBe(true);
    const { model, modelSource } = withClasses();
    const resumed = await runCaptured(['run', 'small.yaml', '--resume', '--quiet'], { cwd, model, modelSource });
    expect(resumed.status).toBe(0);
    expect((model as ReturnType<typeof fakeModel>).builds).toHaveLength(9);
    await wholeRun(cwd);
    for (const file of ['small.classes.csv', 'small.csv', 'small.summary.csv']) expect(read(cwd, `results/${file}`)).toBe(read(cwd, `whole/${file}`));
  });

  it('keeps them after the process is killed with SIGKILL mid-run', async () => {
    const cwd = folderWithExperiment();
    const fakeCli = join(packageRoot(), 'src/cli/testing/fake-cli.ts');
    const env = { ...process.env, EASTWEST_FAKE_MODEL: JSON.stringify({ classes: true, killOnRunCall: 8 }) };
    const killed = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), fakeCli, 'run', 'small.yaml', '--quiet'], { cwd, env, encoding: 'utf8', timeout: 60_000 });
    expect(killed.signal).toBe('SIGKILL');
    expect(journalLines(cwd)).toHaveLength(7);
    expect(existsSync(join(cwd, 'results/small.classes.csv'))).toBe(false);
    const resumed = await run(cwd, ['--resume', '--quiet']);
    expect(resumed.status).toBe(0);
    expect(resumed.stderr).toMatch(/^warning: took over the stale lock \S+small\.csv\.lock: process \d+ on .* no longer runs$/m);
    await wholeRun(cwd);
    for (const file of ['small.classes.csv', 'small.csv', 'small.summary.csv']) expect(read(cwd, `results/${file}`)).toBe(read(cwd, `whole/${file}`));
  });

  it('keeps them after a worker thread crashes mid-run', async () => {
    const cwd = folderWithExperiment();
    expect((await run(cwd, ['--workers', '2', '--quiet'], { exitOnRunCall: 4 })).status).toBe(1);
    const kept = journalLines(cwd).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(14);
    expect((await run(cwd, ['--workers', '2', '--resume', '--quiet'])).status).toBe(0);
    await wholeRun(cwd);
    expect(read(cwd, 'results/small.classes.csv')).toBe(read(cwd, 'whole/small.classes.csv'));
  });

  it('runs again a run whose journaled class row was edited, naming the line', async () => {
    const cwd = folderWithExperiment();
    await run(cwd, ['--quiet'], { failOnRunCall: 4 });
    const journal = join(cwd, 'results/small.csv.journal');
    const lines = read(cwd, 'results/small.csv.journal').split('\n');
    const edited = lines[2].replace(/"class_requests":(\d+)/, (_, count: string) => `"class_requests":${Number(count) + 1}`);
    expect(edited).not.toBe(lines[2]);
    writeFileSync(journal, [lines[0], lines[1], edited, ...lines.slice(3)].join('\n'));
    const resumed = await run(cwd, ['--resume', '--quiet']);
    expect(resumed.status).toBe(0);
    expect(resumed.stderr).toBe(
      `warning: ${journal}:3: run record not trusted: its checksum fails (edited or damaged); running its run again (it says run 1: point 0, replication 1)\n`,
    );
    await wholeRun(cwd);
    expect(read(cwd, 'results/small.classes.csv')).toBe(read(cwd, 'whole/small.classes.csv'));
  });

  it('refuses, exit 2, a journal whose records lack the class rows the scenario\'s columns call for', async () => {
    const cwd = folderWithExperiment();
    await runCaptured(['run', 'small.yaml', '--quiet'], { cwd, model: fakeModel({ failOnRunCall: 3 }) });
    const resumed = await run(cwd, ['--resume']);
    expect(resumed.status).toBe(2);
    expect(resumed.stderr).toBe(
      `error: ${join(cwd, 'results/small.csv.journal')}:2: cannot resume: not a run record (it has no \`classes\`, which the scenario's class columns call for); ` +
        'remove the journal to start over\n',
    );
  });
});

describe('X.classes.csv in the output set', () => {
  it('is written with the others or not at all: a full disk for it leaves the earlier set as it was', async () => {
    const cwd = folderWithExperiment();
    expect((await run(cwd, ['--set', 'seed=99', '--quiet'])).status).toBe(0);
    const before = Object.fromEntries(readdirSync(join(cwd, 'results')).map((file) => [file, read(cwd, `results/${file}`)]));
    const temp = join(cwd, `results/.small.classes.csv.${process.pid}.tmp`);
    const fullDisk = modelThat(fakeModel({ classes: true }), fullDiskAt(temp));
    const failed = await runCaptured(['run', 'small.yaml', '--quiet'], { cwd, model: fullDisk });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/^error: Could not save the results .*: ENOSPC: no space left on device, write; 14 finished runs are kept in /);
    rmSync(join(cwd, 'results/small.csv.journal'));
    expect(Object.fromEntries(readdirSync(join(cwd, 'results')).map((file) => [file, read(cwd, `results/${file}`)]))).toEqual(before);
  });

  it('is completed by the next run when the renames stopped at it', async () => {
    const cwd = folderWithExperiment();
    expect((await run(cwd, ['--set', 'seed=99', '--quiet'])).status).toBe(0);
    const classes = join(cwd, 'results/small.classes.csv');
    const blocked = modelThat(fakeModel({ classes: true }), folderInTheWayOf(classes));
    expect((await runCaptured(['run', 'small.yaml', '--quiet'], { cwd, model: blocked })).status).toBe(1);
    expect(existsSync(join(cwd, 'results/small.csv.commit'))).toBe(true);
    rmSync(classes, { recursive: true });
    const resumed = await run(cwd, ['--resume', '--quiet']);
    expect(resumed.stderr).toMatch(/^warning: completed the write of .*small\.csv and the files beside it that a crash interrupted/);
    await wholeRun(cwd);
    for (const file of ['small.classes.csv', 'small.csv', 'small.summary.csv']) expect(read(cwd, `results/${file}`)).toBe(read(cwd, `whole/${file}`));
  });

  it('refuses a class table its meta does not list; a re-run without class columns removes the one of the run before', async () => {
    const cwd = folderWithExperiment();
    expect((await runCaptured(['run', 'small.yaml', '--quiet'], { cwd })).status).toBe(0);
    writeFileSync(join(cwd, 'results/small.classes.csv'), 'mine\n');
    const refused = await run(cwd, ['--quiet']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('small.classes.csv exists, and eastwest did not write it (small.meta.json beside it does not list it)');
    expect(read(cwd, 'results/small.classes.csv')).toBe('mine\n');
    expect((await run(cwd, ['--quiet', '--overwrite'])).status).toBe(0);
    expect((await runCaptured(['run', 'small.yaml', '--quiet'], { cwd })).status).toBe(0);
    expect(readdirSync(join(cwd, 'results')).sort()).toEqual(['small.csv', 'small.meta.json', 'small.summary.csv']);
  });
});

describe('eastwest describe --metrics with class columns', () => {
  it('lists the per-class columns after the metrics', async () => {
    const outcome = await runCaptured(['describe', '--metrics'], { cwd: temporaryFolder(), model: fakeModel({ classes: true }) });
    expect(outcome.stdout).toContain(
      '\n\n2 per-class columns (X.classes.csv, one row per run and Service class, after class):\n\nclass_requests  (count; first scenario)\n',
    );
    const without = await runCaptured(['describe', '--metrics'], { cwd: temporaryFolder() });
    expect(without.stdout).not.toContain('per-class');
  });
});
