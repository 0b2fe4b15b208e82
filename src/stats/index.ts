/**
 * Statistics for the simulator (docs/design.md: Layers, Scale, House style): models emit probes, and these collectors
 * turn them into bounded streaming statistics; the replication summaries turn runs into the
 * `_mean`, `_ci95`, `_diff` and `_diff_ci95` columns of `X.summary.csv`.
 */
export { mserTruncation, type MserTruncation } from './mser.js';
export { pairedDifference } from './paired-difference.js';
export {
  DEFAULT_MAX_BINS,
  DEFAULT_RELATIVE_ACCURACY,
  QuantileSketch,
  type QuantileSketchOptions,
} from './quantile-sketch.js';
export { summarize, type ReplicationSummary } from './replication-summary.js';
export { studentTCdf, studentTQuantile, tCritical95 } from './student-t.js';
export { Welford } from './welford.js';
