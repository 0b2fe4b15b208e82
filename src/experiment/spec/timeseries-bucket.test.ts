import { describe, expect, it } from 'vitest';
import { s } from '../../engine/time.js';
import { messageOf } from '../testing/experiment-fixtures.js';
import { fakeModel } from '../testing/fake-model.js';
import { readTimeseriesBucket, timeseriesBucketCount } from './timeseries-bucket.js';

const TEN_SECONDS = { duration: s(10) };
const read = (text: string, model = fakeModel()): number => readTimeseriesBucket(text, TEN_SECONDS, model);

describe('readTimeseriesBucket', () => {
  it('reads a duration as every duration option is read, in nanoseconds', () => {
    expect(read('1s')).toBe(s(1));
    expect(read('250ms')).toBe(s(0.25));
    expect(read('10s')).toBe(s(10));
    expect(timeseriesBucketCount(s(10), read('250ms'))).toBe(40);
  });

  it('refuses what is not a duration, naming the option, what was expected and what was found', () => {
    expect(messageOf(() => read('fast'))).toBe(
      "--timeseries fast: Expected `--timeseries` to be a duration with a unit (ns, us, ms, s, m, h) > 0s and <= 10s (the experiment's `duration`), got `fast`",
    );
    expect(messageOf(() => read('-1s'))).toContain('got `-1s`');
  });

  it('refuses a width of 0 or longer than the measured window', () => {
    expect(messageOf(() => read('0'))).toBe("--timeseries 0: Expected `--timeseries` to be a duration > 0s and <= 10s (the experiment's `duration`), got `0`");
    expect(messageOf(() => read('1m'))).toBe("--timeseries 1m: Expected `--timeseries` to be a duration > 0s and <= 10s (the experiment's `duration`), got `1m`");
  });

  it('counts a last bucket cut short at the window\'s end when the width does not divide it', () => {
    expect(timeseriesBucketCount(s(10), read('3s'))).toBe(4);
  });

  it('refuses more than 100,000 buckets per run', () => {
    expect(read('100us')).toBe(100_000);
    expect(messageOf(() => read('50us'))).toBe(
      '--timeseries 50us: Expected `--timeseries` to be a width that cuts the measured window (`duration` 10s) into at most 100,000 buckets ' +
        '(it would make 200,000), got `50us`',
    );
  });

  it('refuses a scenario that declares no time-series columns, whatever the width', () => {
    const withoutColumns = { ...fakeModel(), timeseries: [] };
    expect(messageOf(() => read('1s', withoutColumns))).toBe(
      '--timeseries 1s: Expected a scenario that declares time-series columns, got one that declares none; run without --timeseries',
    );
    expect(messageOf(() => read('1s', { ...fakeModel(), timeseries: undefined }))).toContain('declares none');
  });
});
