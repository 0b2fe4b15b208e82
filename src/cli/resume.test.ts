import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeModel } from '../experiment/testing/fake-model.js';
import { SMALL_EXPERIMENT, temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { runCaptured } from './testing/captured-cli.js';

const read = (cwd: string, file: string): string => readFileSync(join(cwd, file), 'utf8');

/** A folder where small.yaml stopped after 5 of its 14 runs, leaving results/small.csv.journal. */
async function interruptedRun(): Promise<string> {
  const cwd = temporaryFolder();
  writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
  const failed = await runCaptured(['run', 'small.yaml', '--quiet'], { cwd, model: fakeModel({ failOnRunCall: 6 }) });
  expect(failed.status).toBe(1);
  return cwd;
}

describe('eastwest run --resume', () => {
  it('runs only the missing runs and writes what an uninterrupted run writes, then deletes the journal', async () => {
    const cwd = await interruptedRun();
    const model = fakeModel();
    const resumed = await runCaptured(['run', 'small.yaml', '--resume'], { cwd, model });
    expect(resumed.status).toBe(0);
    expect(resumed.stderr).toContain('eastwest: small: 14 runs; 5 already in the journal, 9 to run on 1 worker\n');
    expect(model.builds).toHaveLength(9);
    await runCaptured(['run', 'small.yaml', '--out', 'whole/small.csv', '--quiet'], { cwd });
    expect(read(cwd, 'results/small.csv')).toBe(read(cwd, 'whole/small.csv'));
    expect(read(cwd, 'results/small.summary.csv')).toBe(read(cwd, 'whole/small.summary.csv'));
    expect(JSON.parse(read(cwd, 'results/small.meta.json'))).toMatchObject({ resumedRuns: 5, runs: 14 });
    expect(existsSync(join(cwd, 'results/small.csv.journal'))).toBe(false);
  });

  it('refuses to run over a journal without --resume, exit 2', async () => {
    const cwd = await interruptedRun();
    const outcome = await runCaptured(['run', 'small.yaml'], { cwd });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toBe(
      `error: ${join(cwd, 'results/small.csv.journal')} exists: an earlier run of this output stopped before it finished, ` +
        'and its finished runs are kept there. Pass --resume to run only the missing runs, or remove the journal to start over\n',
    );
  });

  it('refuses to resume after the experiment file changed, saying the hash differs, exit 2', async () => {
    const cwd = await interruptedRun();
    writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT.replace('seed: 7', 'seed: 8'));
    const outcome = await runCaptured(['run', 'small.yaml', '--resume'], { cwd });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toMatch(
      /^error: .*results\/small\.csv\.journal: cannot resume: the journal was written for experiment hash [0-9a-f]{12}…, but small\.yaml now resolves to [0-9a-f]{12}… \(the experiment file or a --set changed since\); remove the journal to start over\n$/,
    );
    expect(existsSync(join(cwd, 'results/small.csv.journal'))).toBe(true);
  });

  it('runs everything when there is no journal to resume, and says so', async () => {
    const cwd = temporaryFolder();
    writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
    const outcome = await runCaptured(['run', 'small.yaml', '--resume'], { cwd });
    expect(outcome.status).toBe(0);
    expect(outcome.stderr).toContain('eastwest: small: 14 runs; no journal to resume, running all on 1 worker\n');
  });
});
