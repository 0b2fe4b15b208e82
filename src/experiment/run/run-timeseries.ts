import type { RunSettings, TimeseriesRow } from '../../contract/scenario-model.js';
import { formatDuration } from '../../engine/time.js';
import { timeseriesBucketCount } from '../spec/timeseries-bucket.js';

/**
 * The time series a run returned, checked against what its settings asked for: one row per
 * bucket of the measured window, buckets 0 to n−1 in order (src/contract/scenario-model.ts).
 * A model that returns anything else has a bug, and a CSV with a missing or doubled bucket
 * would hide it, so this throws (the run fails, exit 1) with what was expected and found.
 */
export function checkedTimeseries(rows: readonly TimeseriesRow[] | undefined, settings: RunSettings): readonly TimeseriesRow[] {
  const width = settings.timeseriesBucket ?? 0;
  const buckets = timeseriesBucketCount(settings.duration, width);
  const asked = `a time series in ${buckets} buckets of ${formatDuration(width)}`;
  if (rows === undefined) throw new Error(`The model was asked for ${asked} and returned none`);
  const misplaced = rows.findIndex((row, i) => row.bucket !== i);
  if (misplaced >= 0) throw new Error(`The model was asked for ${asked}, numbered from 0 in order, but its row ${misplaced} is bucket ${rows[misplaced].bucket}`);
  if (rows.length !== buckets) throw new Error(`The model was asked for ${asked} and returned ${rows.length} rows`);
  return rows;
}
