import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeExperimentOutputs } from '../output/experiment-outputs.js';
import { checkWritable, outputPaths } from '../output/output-files.js';
import { resolveText, SMALL_EXPERIMENT, temporaryFolder } from '../testing/experiment-fixtures.js';
import { fakeModel } from '../testing/fake-model.js';
import type { CodeVersion } from './code-version.js';
import { runExperiment } from './run-experiment.js';
import { RunFailedError } from './run-failed-error.js';

const VERSION: CodeVersion = { version: '0.0.0', gitCommit: null, dirty: false, label: '0.0.0' };

async function runToFolder(folder: string): Promise<{ csv: string; summary: string; meta: Record<string, unknown> }> {
  const model = fakeModel();
  const experiment = resolveText(SMALL_EXPERIMENT, {}, model);
  const records = await runExperiment(experiment, model);
  const files = outputPaths(experiment.header.name, undefined, folder);
  checkWritable(files);
  const context = { codeVersion: VERSION, commandLine: ['eastwest', 'run'], workers: 1, startedAt: new Date().toISOString(), totalSeconds: 1, files };
  writeExperimentOutputs(experiment, model, records, context);
  return { csv: readFileSync(files.csv, 'utf8'), summary: readFileSync(files.summary!, 'utf8'), meta: JSON.parse(readFileSync(files.meta, 'utf8')) };
}

describe('runExperiment', () => {
  it('runs point-major with the experiment seed, the replication, warmup and duration', async () => {
    const model = fakeModel();
    const experiment = resolveText(SMALL_EXPERIMENT, {}, model);
    const records = await runExperiment(experiment, model);
    expect(records.map((record) => `${record.run.point}/${record.run.replication}`).slice(0, 4)).toEqual(['0/0', '0/1', '1/0', '1/1']);
    expect(model.builds.map((build) => build.settings.replication).slice(0, 4)).toEqual([0, 1, 0, 1]);
    expect(model.builds[3].settings).toEqual({ seed: 7, replication: 1, warmup: 1e9, duration: 10e9 });
    expect(model.builds[2].values.get('cluster.services')).toBe(100);
  });

  it('reports progress after every run', async () => {
    const model = fakeModel();
    const seen: string[] = [];
    await runExperiment(resolveText(SMALL_EXPERIMENT, {}, model), model, { onRunDone: (_, done, total) => seen.push(`${done}/${total}`) });
    expect(seen).toHaveLength(14);
    expect(seen.at(-1)).toBe('14/14');
  });

  it('names the run that threw', async () => {
    const model = fakeModel({ failOnRunCall: 3 });
    const error = await runExperiment(resolveText(SMALL_EXPERIMENT, {}, model), model).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(RunFailedError);
    expect((error as RunFailedError).run).toEqual({ index: 2, point: 1, replication: 0 });
    expect((error as Error).message).toBe('Run failed: point 1, replication 0 (run 2): fake model failure on run call 3');
  });
});

describe('writeExperimentOutputs', () => {
  it('writes byte-identical CSV and summary for the same file and seed', async () => {
    const first = await runToFolder(temporaryFolder());
    const second = await runToFolder(temporaryFolder());
    expect(second.csv).toBe(first.csv);
    expect(second.summary).toBe(first.summary);
    expect(first.csv.split('\n')).toHaveLength(16);
  });

  it('records provenance and wall times in the meta, not the CSV', async () => {
    const folder = temporaryFolder();
    const { meta, csv } = await runToFolder(folder);
    expect(meta).toMatchObject({ experiment: 'small', codeVersion: '0.0.0', workers: 1, nodeVersion: process.version, runs: 14 });
    expect(meta.experimentHash).toMatch(/^[0-9a-f]{64}$/);
    const points = meta.points as { scenario: Record<string, unknown> }[];
    expect(points).toHaveLength(7);
    expect(points[6].scenario['workload.serviceTime']).toEqual({ dist: 'lognormal', median: '1ms', p99: '20ms' });
    expect((meta.wallTime as { perRun: unknown[] }).perRun).toHaveLength(14);
    expect(csv).not.toContain('Seconds');
    expect(meta.files).toEqual({ csv: join(folder, 'results/small.csv'), summary: join(folder, 'results/small.summary.csv'), meta: join(folder, 'results/small.meta.json') });
  });
});
