import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder, messageOf } from '../testing/experiment-fixtures.js';
import { checkWritable, outputPaths, writeFilesAtomically } from './output-files.js';

describe('outputPaths', () => {
  it('puts results/<name>.csv under the current folder by default, the summary and meta beside it', () => {
    expect(outputPaths('sweep', undefined, '/work')).toEqual({
      csv: '/work/results/sweep.csv',
      summary: '/work/results/sweep.summary.csv',
      meta: '/work/results/sweep.meta.json',
    });
  });

  it('moves every file with --out', () => {
    expect(outputPaths('sweep', 'out/x.csv', '/work').meta).toBe('/work/out/x.meta.json');
  });

  it('has a time series beside the CSV only when asked, named with the shard\'s or --only\'s infix', () => {
    expect(outputPaths('sweep', undefined, '/work')).not.toHaveProperty('timeseries');
    expect(outputPaths('sweep', 'out/x.csv', '/work', undefined, { timeseries: true }).timeseries).toBe('/work/out/x.timeseries.csv');
    expect(outputPaths('sweep', 'out/x.csv', '/work', { kind: 'shard', shard: 2, of: 3 }, { timeseries: true })).toEqual({
      csv: '/work/out/x.part-2-of-3.csv',
      timeseries: '/work/out/x.part-2-of-3.timeseries.csv',
      meta: '/work/out/x.part-2-of-3.meta.json',
    });
    const only = { kind: 'only', selectors: [{ point: 12, replication: undefined }] } as const;
    expect(outputPaths('sweep', undefined, '/work', only, { timeseries: true }).timeseries).toBe('/work/results/sweep.only-12.timeseries.csv');
  });

  it('rejects an --out that does not end in .csv', () => {
    expect(messageOf(() => outputPaths('sweep', 'out/x.txt', '/work'))).toBe('--out out/x.txt: Expected `--out` to be a path ending in .csv, got `out/x.txt`');
  });
});

describe('checkWritable', () => {
  it('creates the output folder', () => {
    const folder = temporaryFolder();
    checkWritable(outputPaths('x', 'a/b/x.csv', folder));
    expect(existsSync(join(folder, 'a/b'))).toBe(true);
    expect(readdirSync(join(folder, 'a/b'))).toEqual([]);
  });

  it('rejects a path under a file (unwritable even for root)', () => {
    const folder = temporaryFolder();
    writeFileSync(join(folder, 'file'), '');
    const paths = outputPaths('x', 'file/x.csv', folder);
    expect(messageOf(() => checkWritable(paths))).toBe(`Cannot write the output \`${paths.csv}\`: a part of the path is a file, not a folder`);
  });

  it('rejects an output path that is a folder', () => {
    const folder = temporaryFolder();
    mkdirSync(join(folder, 'x.csv'));
    expect(messageOf(() => checkWritable(outputPaths('x', 'x.csv', folder)))).toContain('is a directory');
  });
});

describe('writeFilesAtomically', () => {
  it('writes every file and leaves no temporary file behind', () => {
    const folder = temporaryFolder();
    writeFilesAtomically(new Map([[join(folder, 'a.csv'), 'a\n'], [join(folder, 'b.json'), '{}\n']]));
    expect(readdirSync(folder).sort()).toEqual(['a.csv', 'b.json']);
    expect(readFileSync(join(folder, 'a.csv'), 'utf8')).toBe('a\n');
  });

  it('leaves the old files untouched when a write fails', () => {
    const folder = temporaryFolder();
    writeFileSync(join(folder, 'a.csv'), 'old\n');
    const failing = new Map([[join(folder, 'a.csv'), 'new\n'], [join(folder, 'missing/b.csv'), 'x']]);
    expect(() => writeFilesAtomically(failing)).toThrow();
    expect(readFileSync(join(folder, 'a.csv'), 'utf8')).toBe('old\n');
    expect(readdirSync(folder)).toEqual(['a.csv']);
  });
});
