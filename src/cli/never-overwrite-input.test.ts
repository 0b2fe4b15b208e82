import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMALL_EXPERIMENT, temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { runCaptured } from './testing/captured-cli.js';

const read = (cwd: string, file: string): string => readFileSync(join(cwd, file), 'utf8');

function folderWith(file: string, text = SMALL_EXPERIMENT): string {
  const cwd = temporaryFolder();
  mkdirSync(join(cwd, 'results'));
  writeExperiment(cwd, file, text);
  return cwd;
}

describe('eastwest run never writes over its input', () => {
  it('refuses an output that is the experiment file, exit 2, even with --overwrite, leaving nothing behind', async () => {
    const cwd = folderWith('x.csv');
    const outcome = await runCaptured(['run', 'x.csv', '--out', 'x.csv', '--overwrite'], { cwd });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toBe(
      `error: Cannot write the output \`${join(cwd, 'x.csv')}\`: it is the experiment file, x.csv, which eastwest reads and never overwrites; choose another --out\n`,
    );
    expect(read(cwd, 'x.csv')).toBe(SMALL_EXPERIMENT);
    expect(readdirSync(cwd).sort()).toEqual(['results', 'x.csv']);
  });

  it('refuses an experiment file named like one of the outputs (results/small.meta.json, JSON being YAML)', async () => {
    const json = JSON.stringify({ name: 'small', duration: '10s', sweep: { 'cluster.services': [10, 100] } });
    const cwd = folderWith('results/small.meta.json', json);
    const outcome = await runCaptured(['run', 'results/small.meta.json', '--overwrite'], { cwd });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toBe(
      `error: Cannot write the output \`${join(cwd, 'results/small.meta.json')}\`: it is the experiment file, results/small.meta.json, which eastwest reads and never overwrites; choose another --out\n`,
    );
    expect(read(cwd, 'results/small.meta.json')).toBe(json);
    expect(readdirSync(join(cwd, 'results'))).toEqual(['small.meta.json']);
  });

  it('refuses an output that is the experiment file under another name (a hard link)', async () => {
    const cwd = folderWith('small.yaml');
    linkSync(join(cwd, 'small.yaml'), join(cwd, 'results/small.summary.csv'));
    const outcome = await runCaptured(['run', 'small.yaml', '--overwrite'], { cwd });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toContain(`Cannot write the output \`${join(cwd, 'results/small.summary.csv')}\`: it is the experiment file, small.yaml`);
    expect(read(cwd, 'small.yaml')).toBe(SMALL_EXPERIMENT);
  });

  it('refuses, with or without --resume, a file at the journal path that is not a journal, and leaves it as it is', async () => {
    const cwd = folderWith('small.yaml');
    const notes = 'not a journal: my notes, and no newline at the end';
    writeFileSync(join(cwd, 'results/small.csv.journal'), notes);
    for (const args of [['--resume'], []]) {
      const outcome = await runCaptured(['run', 'small.yaml', ...args], { cwd });
      expect(outcome.status).toBe(2);
      expect(outcome.stderr).toBe(
        `error: ${join(cwd, 'results/small.csv.journal')}: ${args.length > 0 ? 'cannot resume' : 'cannot run'}: the file there is not an eastwest run journal ` +
          '(its first line is not a journal header); it is left as it is: move it away, or choose another --out\n',
      );
      expect(read(cwd, 'results/small.csv.journal')).toBe(notes);
    }
  });
});

describe('eastwest run over results already at the output', () => {
  it('replaces the results of the same experiment, as before', async () => {
    const cwd = folderWith('small.yaml');
    expect((await runCaptured(['run', 'small.yaml', '--quiet'], { cwd })).status).toBe(0);
    const again = await runCaptured(['run', 'small.yaml', '--set', 'seed=9', '--quiet'], { cwd });
    expect(again.status).toBe(0);
    expect(read(cwd, 'results/small.csv')).toContain('small,0,0,9,');
  });

  it('refuses the results of another experiment without --overwrite, saying whose they are, and replaces them with it', async () => {
    const cwd = folderWith('small.yaml');
    writeExperiment(cwd, 'other.yaml', SMALL_EXPERIMENT.replace('name: small', 'name: other'));
    await runCaptured(['run', 'small.yaml', '--quiet'], { cwd });
    const before = read(cwd, 'results/small.csv');
    const refused = await runCaptured(['run', 'other.yaml', '--out', 'results/small.csv'], { cwd });
    expect(refused.status).toBe(2);
    const startedAt = JSON.parse(read(cwd, 'results/small.meta.json')).startedAt;
    expect(refused.stderr).toBe(
      `error: Cannot write the output \`${join(cwd, 'results/small.csv')}\`: ${join(cwd, 'results/small.meta.json')} says the files there are the results of ` +
        `another experiment, \`small\` (from small.yaml, started ${startedAt}), not of \`other\`; pass --overwrite to replace what is there, or choose another --out\n`,
    );
    expect(read(cwd, 'results/small.csv')).toBe(before);
    expect(existsSync(join(cwd, 'results/small.csv.journal'))).toBe(false);
    const replaced = await runCaptured(['run', 'other.yaml', '--out', 'results/small.csv', '--overwrite', '--quiet'], { cwd });
    expect(replaced.status).toBe(0);
    expect(read(cwd, 'results/small.csv')).toContain('\nother,0,0,7,');
  });

  it('refuses files eastwest did not write (no meta, or a meta that is not eastwest\'s) without --overwrite', async () => {
    const cwd = folderWith('small.yaml');
    writeFileSync(join(cwd, 'results/small.csv'), 'my,own\n1,2\n');
    const noMeta = await runCaptured(['run', 'small.yaml'], { cwd });
    expect(noMeta.status).toBe(2);
    expect(noMeta.stderr).toBe(
      `error: Cannot write the output \`${join(cwd, 'results/small.csv')}\`: ${join(cwd, 'results/small.csv')} exists, and eastwest did not write it ` +
        '(there is no small.meta.json beside it saying so); pass --overwrite to replace what is there, or choose another --out\n',
    );
    writeFileSync(join(cwd, 'results/small.meta.json'), '{"mine": true}');
    const foreignMeta = await runCaptured(['run', 'small.yaml'], { cwd });
    expect(foreignMeta.stderr).toContain(`${join(cwd, 'results/small.meta.json')} exists, and eastwest did not write it (it is JSON, but not the meta eastwest writes)`);
    expect(read(cwd, 'results/small.csv')).toBe('my,own\n1,2\n');
    expect((await runCaptured(['run', 'small.yaml', '--overwrite', '--quiet'], { cwd })).status).toBe(0);
    expect(read(cwd, 'results/small.csv')).toMatch(/^experiment,point,/);
  });

  it('refuses a file its meta does not list; a re-run without --timeseries removes the time series of the run before', async () => {
    const cwd = folderWith('small.yaml');
    await runCaptured(['run', 'small.yaml', '--timeseries', '5s', '--quiet'], { cwd });
    expect(existsSync(join(cwd, 'results/small.timeseries.csv'))).toBe(true);
    expect((await runCaptured(['run', 'small.yaml', '--quiet'], { cwd })).status).toBe(0);
    expect(existsSync(join(cwd, 'results/small.timeseries.csv'))).toBe(false);
    expect((await runCaptured(['run', 'small.yaml', '--timeseries', '5s', '--quiet'], { cwd })).status).toBe(0);

    await runCaptured(['run', 'small.yaml', '--quiet'], { cwd });
    writeFileSync(join(cwd, 'results/small.timeseries.csv'), 'mine\n');
    const unlisted = await runCaptured(['run', 'small.yaml', '--timeseries', '5s'], { cwd });
    expect(unlisted.status).toBe(2);
    expect(unlisted.stderr).toContain(`${join(cwd, 'results/small.timeseries.csv')} exists, and eastwest did not write it (small.meta.json beside it does not list it)`);
  });
});

describe('eastwest merge never writes over its input or another experiment', () => {
  it('refuses an output that is one of the parts\' files', async () => {
    const cwd = folderWith('small.yaml');
    await runCaptured(['run', 'small.yaml', '--shard', '1/1', '--timeseries', '5s', '--out', 'parts/x.csv', '--quiet'], { cwd });
    const outcome = await runCaptured(['merge', 'parts/x.part-1-of-1.csv', '--out', 'parts/x.part-1-of-1.timeseries.csv', '--overwrite'], { cwd });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toBe(
      `error: Cannot write the output \`${join(cwd, 'parts/x.part-1-of-1.timeseries.csv')}\`: it is the time series of the part parts/x.part-1-of-1.csv, ` +
        'parts/x.part-1-of-1.timeseries.csv, which eastwest reads and never overwrites; choose another --out\n',
    );
  });

  it('refuses the results of another experiment at --out without --overwrite', async () => {
    const cwd = folderWith('small.yaml');
    writeExperiment(cwd, 'other.yaml', SMALL_EXPERIMENT.replace('name: small', 'name: other'));
    await runCaptured(['run', 'other.yaml', '--out', 'merged/x.csv', '--quiet'], { cwd });
    await runCaptured(['run', 'small.yaml', '--shard', '1/1', '--out', 'parts/x.csv', '--quiet'], { cwd });
    const refused = await runCaptured(['merge', 'parts/x.part-1-of-1.csv', '--out', 'merged/x.csv'], { cwd });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('says the files there are the results of another experiment, `other` (from other.yaml');
    expect((await runCaptured(['merge', 'parts/x.part-1-of-1.csv', '--out', 'merged/x.csv', '--overwrite', '--quiet'], { cwd })).status).toBe(0);
  });
});
