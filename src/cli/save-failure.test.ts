import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeModel } from '../experiment/testing/fake-model.js';
import { SMALL_EXPERIMENT, temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { runCaptured } from './testing/captured-cli.js';
import { folderInTheWayOf, fullDiskAt, modelThat } from './testing/save-obstacles.js';

const read = (cwd: string, file: string): string => readFileSync(join(cwd, file), 'utf8');

async function wholeRun(cwd: string): Promise<void> {
  expect((await runCaptured(['run', 'small.yaml', '--out', 'whole/small.csv', '--quiet'], { cwd })).status).toBe(0);
}

describe('eastwest run when its results cannot be saved', () => {
  it('exits 1 on ENOSPC with one line saying where the finished runs are, and --resume then saves them as an uninterrupted run would', async () => {
    const cwd = temporaryFolder();
    writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
    // The CSV's temporary file is /dev/full, where every write fails with ENOSPC: a full disk.
    const temp = join(cwd, `results/.small.csv.${process.pid}.tmp`);
    const fullDisk = modelThat(fakeModel(), fullDiskAt(temp));
    const journal = join(cwd, 'results/small.csv.journal');
    const failed = await runCaptured(['run', 'small.yaml', '--quiet'], { cwd, model: fullDisk });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toBe(
      `error: Could not save the results (${join(cwd, 'results/small.csv')} and the files beside it): ENOSPC: no space left on device, write; ` +
        `14 finished runs are kept in ${journal}: once the output can be written, rerun with --resume to save them without running them again\n`,
    );
    expect(existsSync(join(cwd, 'results/small.csv'))).toBe(false);
    expect(read(cwd, 'results/small.csv.journal').split('\n').filter((line) => line.startsWith('{"run"'))).toHaveLength(14);

    const model = fakeModel();
    const resumed = await runCaptured(['run', 'small.yaml', '--resume', '--quiet'], { cwd, model });
    expect(resumed.status).toBe(0);
    expect(model.builds).toHaveLength(0);
    await wholeRun(cwd);
    for (const file of ['small.csv', 'small.summary.csv']) expect(read(cwd, `results/${file}`)).toBe(read(cwd, `whole/${file}`));
    expect(existsSync(journal)).toBe(false);
  });

  it('completes, on the next run, a set whose renames stopped half way, so no new CSV stays beside an old summary', async () => {
    const cwd = temporaryFolder();
    writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
    expect((await runCaptured(['run', 'small.yaml', '--set', 'seed=99', '--quiet'], { cwd })).status).toBe(0);
    const oldSummary = read(cwd, 'results/small.summary.csv');
    // A folder takes the summary's place once the runs are going: its rename fails after the
    // commit record and the CSV's rename, where a kill would stop it.
    const summary = join(cwd, 'results/small.summary.csv');
    const blocked = modelThat(fakeModel(), folderInTheWayOf(summary));
    const failed = await runCaptured(['run', 'small.yaml', '--quiet'], { cwd, model: blocked });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/^error: Could not save the results .*; 14 finished runs are kept in .*small\.csv\.journal: once the output can be written, rerun with --resume/);
    expect(existsSync(join(cwd, 'results/small.csv.commit'))).toBe(true);
    // Mid-commit: the new CSV is in place, the old meta (renamed last) still describes the old set.
    expect(read(cwd, 'results/small.csv')).toContain('\nsmall,0,0,7,');
    expect(JSON.parse(read(cwd, 'results/small.meta.json')).resolved.seed).toBe(99);

    rmSync(summary, { recursive: true });
    const resumed = await runCaptured(['run', 'small.yaml', '--resume', '--quiet'], { cwd });
    expect(resumed.status).toBe(0);
    expect(resumed.stderr).toBe(
      `warning: completed the write of ${join(cwd, 'results/small.csv')} and the files beside it that a crash interrupted (small.csv.commit was left)\n`,
    );
    await wholeRun(cwd);
    for (const file of ['small.csv', 'small.summary.csv']) expect(read(cwd, `results/${file}`)).toBe(read(cwd, `whole/${file}`));
    expect(read(cwd, 'results/small.summary.csv')).not.toBe(oldSummary);
    expect(JSON.parse(read(cwd, 'results/small.meta.json')).resolved.seed).toBe(7);
    expect(existsSync(join(cwd, 'results/small.csv.commit'))).toBe(false);
  });
});
