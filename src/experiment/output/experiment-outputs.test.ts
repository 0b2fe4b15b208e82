import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { s } from '../../engine/time.js';
import type { CodeVersion } from '../run/code-version.js';
import { runExperiment } from '../run/run-experiment.js';
import { resolveText, SMALL_EXPERIMENT, temporaryFolder } from '../testing/experiment-fixtures.js';
import { fakeModel } from '../testing/fake-model.js';
import { writeExperimentOutputs } from './experiment-outputs.js';
import { checkWritable, outputPaths } from './output-files.js';

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
    expect(meta).not.toHaveProperty('timeseriesBucket');
  });

  it('writes the time series with the other files when asked, and its bucket width in the meta as a duration', async () => {
    const model = fakeModel();
    const experiment = resolveText(SMALL_EXPERIMENT, {}, model);
    const records = await runExperiment(experiment, model, { timeseriesBucket: s(2.5) });
    const files = outputPaths(experiment.header.name, undefined, temporaryFolder(), undefined, { timeseries: true });
    checkWritable(files);
    const context = { codeVersion: VERSION, commandLine: ['eastwest', 'run'], workers: 1, startedAt: '', totalSeconds: 1, files, timeseriesBucket: s(2.5) };
    writeExperimentOutputs(experiment, model, records, context);
    const rows = readFileSync(files.timeseries!, 'utf8').split('\n');
    expect(rows).toHaveLength(1 + 14 * 4 + 1);
    expect(rows.slice(1, 5).map((row) => row.split(',')[7])).toEqual(['0', '2.5', '5', '7.5']);
    expect(JSON.parse(readFileSync(files.meta, 'utf8'))).toMatchObject({ timeseriesBucket: '2500ms', files: { timeseries: files.timeseries } });
  });
});
