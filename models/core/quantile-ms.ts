import { toMilliseconds } from '../../src/engine/index.js';
import type { QuantileSketch } from '../../src/stats/index.js';

/** Quantile `q` of a sketch of nanoseconds, in milliseconds; undefined (an empty CSV field) with no sketch or no samples. */
export function quantileMs(sketch: QuantileSketch | undefined, q: number): number | undefined {
  const value = sketch?.quantile(q);
  return value === undefined ? undefined : toMilliseconds(value);
}
