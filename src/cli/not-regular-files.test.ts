/**
 * What eastwest reads at its own paths (journal, meta, lock, commit record, a part) is read
 * only if it is a regular file: a device or a pipe there (`/dev/zero` was read until memory
 * ran out, and a pipe waited on forever) is refused with exit 2 and one line, and left as it
 * is. Tested with /dev/null and a folder, which a regression cannot turn into a hang.
 */
import { existsSync, lstatSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMALL_EXPERIMENT, temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { runCaptured } from './testing/captured-cli.js';

const hasDevNull = existsSync('/dev/null');

function folderWith(file: string, kind: 'device' | 'folder'): string {
  const cwd = temporaryFolder();
  writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
  mkdirSync(join(cwd, 'results'));
  if (kind === 'device') symlinkSync('/dev/null', join(cwd, 'results', file));
  else mkdirSync(join(cwd, 'results', file));
  return cwd;
}

describe.skipIf(!hasDevNull)('a device or a folder at one of eastwest\'s own paths', () => {
  it.each([
    ['small.csv.journal', ['--resume'], /^error: \S+small\.csv\.journal: cannot resume: the file there is not an eastwest run journal \(it is not a regular file: a device, a pipe or a folder\)/],
    ['small.csv.journal', [], /^error: \S+small\.csv\.journal: cannot run: the file there is not an eastwest run journal \(it is not a regular file/],
    ['small.meta.json', [], /^error: Cannot write the output `\S+small\.csv`: \S+small\.meta\.json exists, and eastwest did not write it \(it is not a regular file/],
    ['small.csv.lock', [], /^error: Cannot write the output `\S+small\.csv`: \S+small\.csv\.lock exists and is not an eastwest lock \(it is left as it is\)/],
    ['small.csv.commit', [], /^error: \S+small\.csv\.commit: expected the record of an interrupted write, found something that is not a regular file/],
  ] as const)('refuses %s %j with exit 2 and one line, leaving it as it is', async (file, options, message) => {
    for (const kind of ['device', 'folder'] as const) {
      const cwd = folderWith(file, kind);
      const outcome = await runCaptured(['run', 'small.yaml', '--quiet', ...options], { cwd });
      expect(outcome.status, kind).toBe(2);
      // A folder is found earlier, by the check that the output can be written (`... is a directory`).
      expect(outcome.stderr).toMatch(kind === 'device' ? message : /^error: .* is a directory\n$/);
      expect(outcome.stderr.split('\n')).toHaveLength(2);
      expect(lstatSync(join(cwd, 'results', file)).isFile()).toBe(false);
      expect(existsSync(join(cwd, 'results/small.csv'))).toBe(false);
    }
  });

  it('refuses a part that is a device, naming it', async () => {
    const cwd = temporaryFolder();
    mkdirSync(join(cwd, 'parts'));
    symlinkSync('/dev/null', join(cwd, 'parts/x.part-1-of-1.csv'));
    const outcome = await runCaptured(['merge', 'parts/x.part-1-of-1.csv', '--out', 'm/x.csv'], { cwd });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toBe('error: parts/x.part-1-of-1.csv: cannot read the part (not a regular file: a device, a pipe or a folder)\n');
  });
});
