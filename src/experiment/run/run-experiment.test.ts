import { describe, expect, it } from 'vitest';
import { resolveText, SMALL_EXPERIMENT } from '../testing/experiment-fixtures.js';
import { fakeModel } from '../testing/fake-model.js';
import { runExperiment } from './run-experiment.js';
import { RunFailedError } from './run-failed-error.js';

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
