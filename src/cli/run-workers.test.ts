import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioModel } from '../../models/index.js';
import { fakeModel, fakeModelSource } from '../experiment/testing/fake-model.js';
import { SMALL_EXPERIMENT, temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { runCaptured } from './testing/captured-cli.js';

function folderWithExperiment(): string {
  const folder = temporaryFolder();
  writeExperiment(folder, 'small.yaml', SMALL_EXPERIMENT);
  return folder;
}

const read = (cwd: string, file: string): string => readFileSync(join(cwd, file), 'utf8');

/** The real model, and where worker threads import it from, as main.ts wires them. */
const REAL_MODEL = {
  model: scenarioModel,
  modelSource: { moduleUrl: new URL('../../models/index.js', import.meta.url).href, exportName: 'scenarioModel' },
};

describe('eastwest run --workers', () => {
  it('writes byte-identical CSV and summary with one worker and with two, and the meta shows runs on both', async () => {
    const cwd = folderWithExperiment();
    const one = await runCaptured(['run', 'small.yaml', '--workers', '1', '--out', 'one/x.csv', '--quiet'], { cwd });
    const two = await runCaptured(['run', 'small.yaml', '--workers', '2', '--out', 'two/x.csv', '--quiet'], { cwd });
    expect([one.status, two.status]).toEqual([0, 0]);
    expect(read(cwd, 'two/x.csv')).toBe(read(cwd, 'one/x.csv'));
    expect(read(cwd, 'two/x.summary.csv')).toBe(read(cwd, 'one/x.summary.csv'));
    const meta = JSON.parse(read(cwd, 'two/x.meta.json'));
    expect(meta.workers).toBe(2);
    expect(new Set(meta.wallTime.perRun.map((run: { worker: number }) => run.worker))).toEqual(new Set([0, 1]));
    expect(meta.wallTime.runsPerWorker['0'] + meta.wallTime.runsPerWorker['1']).toBe(14);
    expect(existsSync(join(cwd, 'two/x.csv.journal'))).toBe(false);
  });

  it('uses one worker per core by default, never more than there are runs', async () => {
    const cwd = folderWithExperiment();
    const outcome = await runCaptured(['run', 'small.yaml', '--only', '0/1'], { cwd, defaultWorkers: 4 });
    expect(outcome.stderr).toContain('eastwest: small: --only 0/1: 1 of 14 runs on 1 worker\n');
  });

  it('names the run whose worker crashed, keeps the finished runs in the journal and exits 1', async () => {
    const cwd = folderWithExperiment();
    const options = { cwd, model: fakeModel(), modelSource: fakeModelSource({ exitOnRunCall: 3 }) };
    const outcome = await runCaptured(['run', 'small.yaml', '--workers', '2', '--quiet'], options);
    expect(outcome.status).toBe(1);
    expect(outcome.stderr).toMatch(/^error: Run failed: point \d, replication \d \(run \d+\): worker [01] exited with code 7\n/);
    expect(outcome.stderr).toMatch(/finished runs are kept in .*small\.csv\.journal: rerun with --resume to do only the rest\.\n/);
    const journal = read(cwd, 'results/small.csv.journal').trimEnd().split('\n');
    expect(journal.length).toBeGreaterThanOrEqual(1 + 2);
    expect(existsSync(join(cwd, 'results/small.csv'))).toBe(false);
  });

  it('exits 2, as in-process, for a parameter clash the real model finds while building a run on a worker thread', async () => {
    const clashes = {
      'failed-nodes': 'cluster: { nodes: 3 }\n  churn: { failedNodes: 5 }',
      'rollout-and-scale': 'churn: { rollout: true, scaleReplicas: 4 }',
    };
    for (const [name, scenario] of Object.entries(clashes)) {
      const cwd = temporaryFolder();
      writeExperiment(cwd, 'clash.yaml', `name: ${name}\nduration: 1s\nwarmup: 0s\nreplications: 2\nscenario:\n  ${scenario}\n`);
      const threads = await runCaptured(['run', 'clash.yaml', '--workers', '2', '--quiet'], { cwd, ...REAL_MODEL });
      const inProcess = await runCaptured(['run', 'clash.yaml', '--workers', '1', '--quiet'], { cwd, ...REAL_MODEL });
      expect(threads.stderr).toMatch(/^error: Run failed: point 0, replication [01] \(run [01]\): Expected `churn\.(failedNodes|scaleReplicas)` to be .*\nNo result files were written\.\n$/);
      expect([threads.status, inProcess.status]).toEqual([2, 2]);
      expect(threads.stderr.replace(/replication 1 \(run 1\)/, 'replication 0 (run 0)')).toBe(inProcess.stderr);
      expect(existsSync(join(cwd, 'results/clash.csv.journal'))).toBe(false);
    }
  });

  it('exits 2 for a --workers that is not an integer >= 1', async () => {
    const outcome = await runCaptured(['run', 'small.yaml', '--workers', '0'], { cwd: folderWithExperiment() });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toBe('error: --workers 0: Expected `--workers` to be an integer >= 1, got `0`\n');
  });
});
