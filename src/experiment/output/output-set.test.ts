import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageOf, temporaryFolder } from '../testing/experiment-fixtures.js';
import { outputPaths } from './output-files.js';
import { sealJson } from '../journal/checksum.js';
import { commitPath, recoverOutputSet, writeFilesAtomically } from './output-set.js';

/** An output folder with an earlier set (old CSV, summary and meta) at x.csv. */
function withOldSet(): { folder: string; paths: ReturnType<typeof outputPaths> } {
  const folder = temporaryFolder();
  const paths = outputPaths('x', 'x.csv', folder);
  writeFileSync(paths.csv, 'old csv\n');
  writeFileSync(paths.summary!, 'old summary\n');
  writeFileSync(paths.meta, 'old meta\n');
  return { folder, paths };
}

const newSet = (paths: ReturnType<typeof outputPaths>): Map<string, string> =>
  new Map([[paths.csv, 'new csv\n'], [paths.summary!, 'new summary\n'], [paths.meta, 'new meta\n']]);

const contents = (paths: ReturnType<typeof outputPaths>): string[] => [paths.csv, paths.summary!, paths.meta].map((path) => readFileSync(path, 'utf8'));

describe('writeFilesAtomically', () => {
  it('puts the whole set in place, removes what the commit names, and leaves no temporary file or commit record', () => {
    const { folder, paths } = withOldSet();
    writeFileSync(join(folder, 'x.timeseries.csv'), 'old time series\n');
    writeFilesAtomically(newSet(paths), { commit: commitPath(paths.csv), remove: [join(folder, 'x.timeseries.csv')] });
    expect(contents(paths)).toEqual(['new csv\n', 'new summary\n', 'new meta\n']);
    expect(readdirSync(folder).sort()).toEqual(['x.csv', 'x.meta.json', 'x.summary.csv']);
  });

  it('leaves the old set as it was when a file cannot be written (ENOSPC), with no temporary file left', () => {
    const { folder, paths } = withOldSet();
    // The summary's temporary file is /dev/full, where every write fails with ENOSPC.
    symlinkSync('/dev/full', join(folder, `.x.summary.csv.${process.pid}.tmp`));
    expect(messageOf(() => writeFilesAtomically(newSet(paths), { commit: commitPath(paths.csv) }))).toMatch(/^ENOSPC/);
    expect(contents(paths)).toEqual(['old csv\n', 'old summary\n', 'old meta\n']);
    expect(readdirSync(folder).sort()).toEqual(['x.csv', 'x.meta.json', 'x.summary.csv']);
  });

  it('is completed by the next write on the output after a crash between the renames: the new set, whole', () => {
    const { folder, paths } = withOldSet();
    // The summary cannot be renamed into place (a folder is in the way): the write stops after
    // the commit record and the CSV's rename, as a kill there would leave it.
    rmSync(paths.summary!);
    mkdirSync(paths.summary!);
    writeFileSync(join(paths.summary!, 'keep'), '');
    expect(() => writeFilesAtomically(newSet(paths), { commit: commitPath(paths.csv) })).toThrow();
    expect(readFileSync(paths.csv, 'utf8')).toBe('new csv\n');
    expect(readFileSync(paths.meta, 'utf8')).toBe('old meta\n');
    expect(existsSync(commitPath(paths.csv))).toBe(true);

    rmSync(paths.summary!, { recursive: true });
    const notices: string[] = [];
    recoverOutputSet(paths, (message) => notices.push(message));
    expect(contents(paths)).toEqual(['new csv\n', 'new summary\n', 'new meta\n']);
    expect(readdirSync(folder).sort()).toEqual(['x.csv', 'x.meta.json', 'x.summary.csv']);
    expect(notices).toEqual([`completed the write of ${paths.csv} and the files beside it that a crash interrupted (x.csv.commit was left)`]);
  });
});

describe('recoverOutputSet', () => {
  it('removes the temporary files a write left before its commit, and nothing else', () => {
    const { folder, paths } = withOldSet();
    for (const name of ['.x.csv.123.tmp', '.x.meta.json.7.tmp', '.x.csv.commit.7.tmp', '.x.csv.99.probe', '.y.csv.123.tmp', '.x.csv.notes']) writeFileSync(join(folder, name), '');
    const notices: string[] = [];
    recoverOutputSet(paths, (message) => notices.push(message));
    expect(readdirSync(folder).sort()).toEqual(['.x.csv.notes', '.y.csv.123.tmp', 'x.csv', 'x.meta.json', 'x.summary.csv']);
    expect(notices).toEqual([`removed 4 temporary files of an earlier write of ${paths.csv} that did not finish`]);
    expect(contents(paths)).toEqual(['old csv\n', 'old summary\n', 'old meta\n']);
  });

  it('does nothing, silently, where no write was interrupted', () => {
    const { folder, paths } = withOldSet();
    const notices: string[] = [];
    recoverOutputSet(paths, (message) => notices.push(message));
    expect(notices).toEqual([]);
    expect(readdirSync(folder).sort()).toEqual(['x.csv', 'x.meta.json', 'x.summary.csv']);
  });

  it('refuses a commit record that fails its checksum, or names files that are not the output\'s, touching nothing', () => {
    const { paths } = withOldSet();
    writeFileSync(commitPath(paths.csv), '{"commit":"eastwest output set","renames":[],"remove":["x.csv"],"sum":"0000000000000000"}\n');
    expect(messageOf(() => recoverOutputSet(paths))).toMatch(/x\.csv\.commit: the record of an interrupted write fails its checksum/);
    expect(contents(paths)).toEqual(['old csv\n', 'old summary\n', 'old meta\n']);
    // A well-sealed record that would rename over a file that is not one of the output's.
    const foreign = withOldSet();
    writeFileSync(join(foreign.folder, 'notes.txt'), 'mine\n');
    writeFileSync(join(foreign.folder, `.notes.txt.1.tmp`), 'theirs\n');
    writeFileSync(commitPath(foreign.paths.csv), `${sealJson(JSON.stringify({ commit: 'eastwest output set', renames: [['.notes.txt.1.tmp', 'notes.txt']], remove: [] }))}\n`);
    expect(messageOf(() => recoverOutputSet(foreign.paths))).toContain('x.csv.commit: the record of an interrupted write names files that are not this output\'s');
    expect(readFileSync(join(foreign.folder, 'notes.txt'), 'utf8')).toBe('mine\n');
    expect(contents(foreign.paths)).toEqual(['old csv\n', 'old summary\n', 'old meta\n']);
  });
});
