import { describe, expect, it } from 'vitest';
import { resolveText, SMALL_EXPERIMENT } from '../testing/experiment-fixtures.js';
import { fakeModel, fakeModelSource, type FakeModelOptions } from '../testing/fake-model.js';
import { listRuns } from './experiment-runs.js';
import { runExperiment } from './run-experiment.js';
import { RunFailedError } from './run-failed-error.js';

const experiment = resolveText(SMALL_EXPERIMENT);

function inWorkers(workers: number, options: FakeModelOptions = {}, runs = listRuns(7, 2)) {
  const finished: number[] = [];
  const promise = runExperiment(experiment, fakeModel(), {
    runs,
    workers,
    modelSource: fakeModelSource(options),
    onRunDone: (record) => finished.push(record.run.index),
  });
  return { promise, finished };
}

describe('runExperiment on worker threads', () => {
  it('returns the same records as in-process runs, sorted by run index, and spreads them over the workers', async () => {
    const inProcess = await runExperiment(experiment, fakeModel());
    const threaded = await inWorkers(2).promise;
    const strip = (records: typeof inProcess) => records.map(({ run, metrics, warnings, events }) => ({ run, metrics, warnings, events }));
    expect(strip(threaded)).toEqual(strip(inProcess));
    expect(new Set(threaded.map((record) => record.worker))).toEqual(new Set([0, 1]));
  });

  it('hands the first runs out round-robin, so two runs use two workers', async () => {
    const records = await inWorkers(2, {}, listRuns(1, 2)).promise;
    expect(records.map((record) => record.worker)).toEqual([0, 1]);
  });

  it('names the run that threw and reports the runs finished before it', async () => {
    const { promise, finished } = inWorkers(2, { failOnRunCall: 3 });
    const error = await promise.catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(RunFailedError);
    expect((error as Error).message).toMatch(/^Run failed: point \d, replication \d \(run \d+\): fake model failure on run call 3$/);
    // Each worker fails on its own third run, after finishing two.
    expect(finished.length).toBeGreaterThanOrEqual(2);
  });

  it('names the run whose worker exited', async () => {
    const error = await inWorkers(2, { exitOnRunCall: 2 }).promise.catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(RunFailedError);
    expect((error as Error).message).toMatch(/^Run failed: point \d, replication \d \(run \d+\): worker [01] exited with code 7$/);
  });
});
