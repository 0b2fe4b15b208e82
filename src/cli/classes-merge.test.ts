import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeModel, fakeModelSource } from '../experiment/testing/fake-model.js';
import { SMALL_EXPERIMENT, temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { runCaptured } from './testing/captured-cli.js';

const read = (cwd: string, file: string): string => readFileSync(join(cwd, file), 'utf8');
const PARTS = [1, 2, 3].map((shard) => `parts/x.part-${shard}-of-3.csv`);
const WITH_CLASSES = { model: fakeModel({ classes: true }), modelSource: fakeModelSource({ classes: true }) };
const eastwest = (cwd: string, args: readonly string[]) => runCaptured(args, { cwd, ...WITH_CLASSES });
const merge = (cwd: string) => eastwest(cwd, ['merge', ...PARTS, '--out', 'merged/x.csv', '--quiet']);

/** small.yaml (class columns, a time series) run whole into whole/x.csv and as three shards into parts/. */
async function shardedFolder(workers = '1'): Promise<string> {
  const cwd = temporaryFolder();
  writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
  expect((await eastwest(cwd, ['run', 'small.yaml', '--timeseries', '2s', '--out', 'whole/x.csv', '--quiet'])).status).toBe(0);
  for (const shard of ['1/3', '2/3', '3/3']) {
    const outcome = await eastwest(cwd, ['run', 'small.yaml', '--timeseries', '2s', '--shard', shard, '--workers', workers, '--out', 'parts/x.csv', '--quiet']);
    expect(outcome.status).toBe(0);
  }
  return cwd;
}

/** Replaces line `n` (from 1) of a part's file with `edit` of it, checking the edit changed something. */
function editLine(cwd: string, file: string, n: number, edit: (line: string) => string): void {
  const lines = read(cwd, file).split('\n');
  const edited = edit(lines[n - 1]);
  expect(edited).not.toBe(lines[n - 1]);
  lines[n - 1] = edited;
  writeFileSync(join(cwd, file), lines.join('\n'));
}

describe('eastwest run --shard, then eastwest merge, with class columns', () => {
  it('writes each shard\'s class table beside its part, and merges them into the single run\'s files, byte for byte', async () => {
    const cwd = await shardedFolder('2');
    expect(readdirSync(join(cwd, 'parts')).filter((file) => file.endsWith('.classes.csv')).sort()).toEqual([
      'x.part-1-of-3.classes.csv', 'x.part-2-of-3.classes.csv', 'x.part-3-of-3.classes.csv',
    ]);
    const runs = read(cwd, 'parts/x.part-3-of-3.classes.csv').trimEnd().split('\n').slice(1).map((row) => row.split(',').slice(1, 3).join('/'));
    expect([...new Set(runs)]).toEqual(['1/0', '2/1', '4/0', '5/1']);
    const outcome = await eastwest(cwd, ['merge', ...PARTS, '--out', 'merged/x.csv']);
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toContain('      merged/x.timeseries.csv\n      merged/x.classes.csv\n      merged/x.meta.json\n');
    for (const file of ['x.classes.csv', 'x.csv', 'x.summary.csv', 'x.timeseries.csv']) expect(read(cwd, `merged/${file}`)).toBe(read(cwd, `whole/${file}`));
  });

  it.each([
    ['a figure edited', (line: string) => line.replace(/,(\d+),([\d.]*)$/, (_, count: string, latency: string) => `,${Number(count) + 1},${latency}`)],
    ['a class renamed', (line: string) => line.replace(',gold,', ',silver,')],
    ['two figures swapped', (line: string) => line.replace(/,(\d+),(\d+\.\d+)$/, ',$2,$1')],
  ])('refuses a part\'s class row with %s, exit 2, naming the file and line', async (_, edit) => {
    const cwd = await shardedFolder();
    editLine(cwd, 'parts/x.part-2-of-3.classes.csv', 2, edit);
    const outcome = await merge(cwd);
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toBe(
      'error: parts/x.part-2-of-3.classes.csv:2: its checksum fails (recorded in parts/x.part-2-of-3.meta.json); ' +
        'the part was edited or damaged since its shard wrote it, so it is not merged (rerun that shard)\n',
    );
    expect(readdirSync(cwd)).not.toContain('merged');
  });

  it('refuses a part whose class table is cut short, has its classes doubled, or is missing', async () => {
    const cwd = await shardedFolder();
    const file = 'parts/x.part-1-of-3.classes.csv';
    const original = read(cwd, file);
    const lines = original.split('\n');
    writeFileSync(join(cwd, file), lines.filter((_, i) => i !== lines.length - 2).join('\n'));
    const cut = await merge(cwd);
    expect(cut.stderr).toBe(
      `error: ${file}: Expected the class table of the 5 runs of shard 1 of 3 as eastwest wrote them, got rows that differ from them (edited, cut short, or from another run)\n`,
    );
    writeFileSync(join(cwd, file), original.replace(/\n([^\n]*)\n/, '\n$1\n$1\n'));
    expect((await merge(cwd)).stderr).toContain(`error: ${file}: Expected the class table of the 5 runs of shard 1 of 3 as eastwest wrote them`);
    rmSync(join(cwd, file));
    expect((await merge(cwd)).stderr).toBe(`error: ${file}: cannot read the class table of parts/x.part-1-of-3.csv (its meta says the shard wrote one) (no such file)\n`);
    expect(readdirSync(cwd)).not.toContain('merged');
  });

  it('refuses parts whose class table this eastwest\'s scenario would not write, or parts without one it would', async () => {
    const cwd = await shardedFolder();
    const without = await runCaptured(['merge', ...PARTS, '--out', 'merged/x.csv'], { cwd, model: fakeModel() });
    expect(without.status).toBe(2);
    expect(without.stderr).toMatch(/^error: parts\/x\.part-1-of-3\.classes\.csv: Expected the columns `experiment,.*,class`, got `.*,class,class_requests,class_latency_p50_ms`/);
    const plain = temporaryFolder();
    writeExperiment(plain, 'small.yaml', SMALL_EXPERIMENT);
    for (const shard of ['1/3', '2/3', '3/3']) await runCaptured(['run', 'small.yaml', '--shard', shard, '--out', 'parts/x.csv', '--quiet'], { cwd: plain });
    const lacking = await merge(plain);
    expect(lacking.status).toBe(2);
    expect(lacking.stderr).toMatch(
      /^error: parts\/x\.part-1-of-3\.csv: Expected a class table beside it \(`parts\/x\.part-1-of-3\.classes\.csv`: this eastwest's scenario declares class columns\), got a part without one/,
    );
  });
});
