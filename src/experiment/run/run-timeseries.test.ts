import { describe, expect, it } from 'vitest';
import type { RunSettings, TimeseriesRow } from '../../contract/scenario-model.js';
import { s } from '../../engine/time.js';
import { messageOf, resolveText, SMALL_EXPERIMENT } from '../testing/experiment-fixtures.js';
import { fakeModel } from '../testing/fake-model.js';
import { runExperiment, runOne } from './run-experiment.js';
import { runPlanOf } from './run-plan.js';
import { checkedTimeseries } from './run-timeseries.js';

const SETTINGS: RunSettings = { seed: 1, replication: 0, warmup: 0, duration: s(3), timeseriesBucket: s(1) };
const rows = (...buckets: number[]): TimeseriesRow[] => buckets.map((bucket) => ({ bucket, values: { requests: bucket } }));

describe('checkedTimeseries', () => {
  it('passes one row per bucket of the window, numbered from 0 in order', () => {
    expect(checkedTimeseries(rows(0, 1, 2), SETTINGS)).toEqual(rows(0, 1, 2));
  });

  it('refuses no rows, a bucket out of place and too few or too many rows, saying what was asked', () => {
    expect(messageOf(() => checkedTimeseries(undefined, SETTINGS))).toBe('The model was asked for a time series in 3 buckets of 1s and returned none');
    expect(messageOf(() => checkedTimeseries(rows(0, 2, 1), SETTINGS))).toBe(
      'The model was asked for a time series in 3 buckets of 1s, numbered from 0 in order, but its row 1 is bucket 2',
    );
    expect(messageOf(() => checkedTimeseries(rows(0, 1), SETTINGS))).toBe('The model was asked for a time series in 3 buckets of 1s and returned 2 rows');
    expect(messageOf(() => checkedTimeseries(rows(0, 1, 2, 3), SETTINGS))).toBe('The model was asked for a time series in 3 buckets of 1s and returned 4 rows');
  });
});

describe('runOne with a time-series width', () => {
  const model = fakeModel();
  const experiment = resolveText(SMALL_EXPERIMENT, {}, model);

  it('passes the width to the model and keeps its rows in the record', () => {
    const record = runOne(runPlanOf(experiment, s(2)), model, { index: 3, point: 1, replication: 1 });
    expect(model.builds.at(-1)?.settings).toEqual({ seed: 7, replication: 1, warmup: s(1), duration: s(10), timeseriesBucket: s(2) });
    expect(record.timeseries?.map((row) => row.bucket)).toEqual([0, 1, 2, 3, 4]);
  });

  it('gives the model no width and the record no rows without one, and the same metrics either way', () => {
    const run = { index: 3, point: 1, replication: 1 };
    const plain = runOne(runPlanOf(experiment), model, run);
    expect(model.builds.at(-1)?.settings).not.toHaveProperty('timeseriesBucket');
    expect(plain).not.toHaveProperty('timeseries');
    expect(runOne(runPlanOf(experiment, s(2)), model, run).metrics).toEqual(plain.metrics);
  });

  it('fails the run when the model returns no time series', async () => {
    const silent = { ...model, build: (...args: Parameters<typeof model.build>) => ({ run: () => ({ ...model.build(...args).run(), timeseries: undefined }) }) };
    const error = await runExperiment(experiment, silent, { runs: [{ index: 0, point: 0, replication: 0 }], timeseriesBucket: s(1) }).catch((failure: unknown) => failure);
    expect((error as Error).message).toBe('Run failed: point 0, replication 0 (run 0): The model was asked for a time series in 10 buckets of 1s and returned none');
  });
});
