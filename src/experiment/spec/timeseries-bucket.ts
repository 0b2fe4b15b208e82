import { parseParameterValue, type DurationParameter } from '../../contract/parameter-spec.js';
import type { ScenarioModel } from '../../contract/scenario-model.js';
import { formatDuration, type Nanoseconds } from '../../engine/time.js';
import { InputError } from '../../input-error.js';
import type { ExperimentHeader } from './experiment-header.js';
import { groupThousands } from './written-value.js';

/**
 * At most this many buckets per run: each is a row of X.timeseries.csv and of the journal, so a
 * width far below what the window needs (`10us` over an hour) would write gigabytes.
 */
export const MAX_TIMESERIES_BUCKETS = 100_000;

/**
 * Buckets of `width` in the measured window of length `duration`: the last is cut at the
 * window's end when the width does not divide it (models/core/time-buckets.ts counts alike).
 */
export function timeseriesBucketCount(duration: Nanoseconds, width: Nanoseconds): number {
  return Math.ceil(duration / width);
}

/**
 * `run --timeseries DURATION` read and checked against the experiment and the model
 * (docs/design.md, Contracts, Command line): a duration > 0 and no longer than the measured
 * window, cutting it into at most MAX_TIMESERIES_BUCKETS buckets, for a scenario that declares
 * time-series columns. Bad input is an InputError (exit 2) naming the option as typed.
 */
export function readTimeseriesBucket(text: string, header: Pick<ExperimentHeader, 'duration'>, model: ScenarioModel): Nanoseconds {
  const asTyped = `--timeseries ${text}`;
  if ((model.timeseries ?? []).length === 0) {
    throw new InputError(`${asTyped}: Expected a scenario that declares time-series columns, got one that declares none; run without --timeseries`);
  }
  const width = parseWidth(text, header.duration, asTyped);
  const window = `the measured window (\`duration\` ${formatDuration(header.duration)})`;
  const buckets = timeseriesBucketCount(header.duration, width);
  if (buckets > MAX_TIMESERIES_BUCKETS) {
    const expected = `a width that cuts ${window} into at most ${groupThousands(MAX_TIMESERIES_BUCKETS)} buckets (it would make ${groupThousands(buckets)})`;
    throw new InputError('--timeseries', expected, text).prefixed(asTyped);
  }
  return width;
}

/**
 * A duration > 0 and <= the measured window, parsed and worded as every duration field is,
 * saying where the upper bound comes from.
 */
function parseWidth(text: string, duration: Nanoseconds, asTyped: string): Nanoseconds {
  const spec: DurationParameter = {
    kind: 'duration', path: '--timeseries', unit: 'duration', default: '', min: 0, minExclusive: true, max: duration,
    doc: 'Width of a time-series bucket.', source: 'command line',
  };
  try {
    return parseParameterValue(spec, text) as Nanoseconds;
  } catch (error) {
    if (!(error instanceof InputError) || error.expected === undefined) throw error;
    throw new InputError('--timeseries', `${error.expected} (the experiment's \`duration\`)`, text).prefixed(asTyped);
  }
}
