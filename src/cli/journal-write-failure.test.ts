/**
 * A disk error while a finished run is appended to the journal (ENOSPC, EIO), injected by
 * wrapping node:fs's writeSync for the journal's descriptor only: the run exits 1 with one
 * line saying where the finished runs are, the journal keeps every run appended before (a
 * line the error cut short is a torn line `--resume` cuts off), and `--resume` then ends with
 * what an uninterrupted run writes.
 */
import fs, { existsSync, readFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeModel } from '../experiment/testing/fake-model.js';
import { SMALL_EXPERIMENT, temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { runCaptured } from './testing/captured-cli.js';

const read = (cwd: string, file: string): string => readFileSync(join(cwd, file), 'utf8');

/**
 * Runs `action` with writes to `path` failing with `code` once `lines` lines went through; with
 * `partly`, the failing write first writes half its text, as a disk filling up mid-write does.
 */
async function withFailingWrites<T>(path: string, lines: number, code: string, partly: boolean, action: () => Promise<T>): Promise<T> {
  const { openSync, writeSync, closeSync } = fs;
  const fds = new Set<number>();
  let written = 0;
  fs.openSync = ((file: fs.PathLike, ...rest: unknown[]) => {
    const fd = (openSync as (...args: unknown[]) => number)(file, ...rest);
    if (String(file) === path) fds.add(fd);
    return fd;
  }) as typeof fs.openSync;
  fs.closeSync = (fd: number) => {
    fds.delete(fd);
    closeSync(fd);
  };
  fs.writeSync = ((fd: number, data: unknown, ...rest: unknown[]) => {
    if (fds.has(fd) && typeof data === 'string' && (written += 1) > lines) {
      if (partly) writeSync(fd, data.slice(0, data.length >> 1));
      throw Object.assign(new Error(`${code}: ${code === 'ENOSPC' ? 'no space left on device' : 'i/o error'}, write`), { code, syscall: 'write' });
    }
    return (writeSync as (...args: unknown[]) => number)(fd, data, ...rest);
  }) as typeof fs.writeSync;
  syncBuiltinESMExports();
  try {
    return await action();
  } finally {
    Object.assign(fs, { openSync, writeSync, closeSync });
    syncBuiltinESMExports();
  }
}

describe('eastwest run when a finished run cannot be appended to the journal', () => {
  it.each([
    ['ENOSPC', false],
    ['ENOSPC', true],
    ['EIO', true],
  ])('exits 1 on %s (half a line written: %s) with one line, keeps the runs before, and --resume completes the output', async (code, partly) => {
    const cwd = temporaryFolder();
    writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
    const journal = join(cwd, 'results/small.csv.journal');
    // The header and 4 runs go through; the 5th run's line fails.
    const failed = await withFailingWrites(journal, 5, code as string, partly as boolean, () => runCaptured(['run', 'small.yaml', '--quiet'], { cwd }));
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(
      new RegExp(`^error: Could not save point \\d+, replication \\d+ \\(run 4\\) to the journal: ${code}: [^\\n]*; 4 finished runs are kept in ${journal.replace(/[.]/g, '\\.')}: once the output can be written, rerun with --resume to save them without running them again\\n$`),
    );
    expect(existsSync(join(cwd, 'results/small.csv'))).toBe(false);
    const kept = read(cwd, 'results/small.csv.journal');
    expect(kept.split('\n').filter((line) => line.startsWith('{"run"') && line.endsWith('}'))).toHaveLength(4);
    expect(kept.endsWith('\n')).toBe(!partly);

    const model = fakeModel();
    const resumed = await runCaptured(['run', 'small.yaml', '--resume', '--quiet'], { cwd, model });
    expect(resumed.status).toBe(0);
    expect(resumed.stderr).toBe('');
    expect(model.builds).toHaveLength(10);
    expect((await runCaptured(['run', 'small.yaml', '--out', 'whole/small.csv', '--quiet'], { cwd })).status).toBe(0);
    for (const file of ['small.csv', 'small.summary.csv']) expect(read(cwd, `results/${file}`)).toBe(read(cwd, `whole/${file}`));
    expect(existsSync(journal)).toBe(false);
  });
});
