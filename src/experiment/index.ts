/**
 * src/experiment: experiment files, points, runs, and the CSV, summary and meta they produce.
 * Its parts are folders, and the code of each imports only the parts listed before it
 * (tests may reach further, to check a part together with what it feeds):
 *   spec/     an experiment file read, checked and resolved into points (and its hash)
 *   run/      runs as data, which of them to do, and doing them in-process or on worker threads
 *   journal/  the finished runs of an unfinished output, kept for --resume
 *   output/   the CSV, summary, time series, class table and meta, and where they go
 *   shard/    a sharded run's parts read back and merged
 * run-session.ts ties run, journal and output into one `eastwest run`.
 */
export { runSession, type SessionOptions, type SessionStart } from './run-session.js';

export { canonicalJson, sha256Hex } from './spec/canonical-json.js';
export { TOP_LEVEL_KEYS, TOP_LEVEL_SPECS, SETTABLE_TOP_LEVEL_KEYS, EXPERIMENT_NAME_PATTERN } from './spec/experiment-header.js';
export { describeSettings, type ExperimentPoint } from './spec/experiment-points.js';
export { parameterCells, parameterValues } from './spec/parameter-cells.js';
export { withEveryParameterColumn } from './spec/every-parameter-column.js';
export { loadExperiment, resolveExperiment, type ResolveOptions } from './spec/resolve-experiment.js';
export { MAX_LIST_ENTRIES, MAX_RUNS, MAX_RUNS_WITHOUT_FORCE, type CanonicalExperiment, type ResolvedExperiment } from './spec/resolved-experiment.js';
export { MAX_EXPERIMENT_FILE_BYTES, readBoundedText } from './spec/bounded-read.js';
export { formatBytes } from './spec/byte-size.js';
export { describeMemory, estimateExperimentMemory, fitsIn, type ExperimentMemory } from './spec/experiment-memory.js';
export { availableMemory, type MemoryLimit } from './spec/memory-limit.js';
export { MAX_TIMESERIES_BUCKETS, readTimeseriesBucket } from './spec/timeseries-bucket.js';
export { formatNumber, formatWritten, groupThousands } from './spec/written-value.js';

export { readCodeVersion, packageRoot, type CodeVersion } from './run/code-version.js';
export { describeRun, listRuns, type RunId, type RunRecord } from './run/experiment-runs.js';
export { loadModel, type ModelSource } from './run/model-source.js';
export { runExperiment, runOne, type RunnerOptions } from './run/run-experiment.js';
export { hasClassColumns } from './run/run-classes.js';
export { RunFailedError } from './run/run-failed-error.js';
export { runPlanOf, type RunPlan } from './run/run-plan.js';
export {
  ALL_RUNS,
  describeSelection,
  parseOnly,
  parseShard,
  selectRuns,
  shardFromJobIndex,
  type RunSelection,
} from './run/run-selection.js';
export { calibrationSeconds, estimateByCalibration, estimateFromMeta, formatSeconds, type RunTimeEstimate } from './run/run-time-estimate.js';
export { priorCosts, readEarlierRuns } from './run/run-cost-prior.js';
export { SweepTracker } from './run/sweep-tracker.js';

export { journalPath } from './journal/run-journal.js';

export { resolveBaseline, type Baseline } from './output/baseline.js';
export type { MetaContext } from './output/experiment-meta.js';
export { writeExperimentOutputs } from './output/experiment-outputs.js';
export { checkWritable, outputPaths, type OutputPaths } from './output/output-files.js';
export { PointWarnings, formatPointWarning, type PointWarning } from './output/point-warnings.js';
export { SaveFailedError } from './output/save-failed-error.js';
export { resultsCsv, toCsv } from './output/results-csv.js';
export { differenceSummary, groupByPoint, summarizeMetric, summaryCsv, type MetricSummary } from './output/summary-csv.js';
export { timeseriesCsv } from './output/timeseries-csv.js';
export { classesCsv } from './output/classes-csv.js';

export { mergeParts, type MergeOptions, type MergeResult } from './shard/merge-parts.js';
