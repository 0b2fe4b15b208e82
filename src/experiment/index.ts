/** src/experiment: experiment files, points, runs, and the CSV, summary and meta they produce. */
export { BadInputError } from './bad-input-error.js';
export { resolveBaseline, type Baseline } from './baseline.js';
export { readCodeVersion, packageRoot, type CodeVersion } from './code-version.js';
export { canonicalJson, sha256Hex } from './canonical-json.js';
export { TOP_LEVEL_KEYS, TOP_LEVEL_SPECS, SETTABLE_TOP_LEVEL_KEYS, EXPERIMENT_NAME_PATTERN } from './experiment-header.js';
export { describeSettings, type ExperimentPoint } from './experiment-points.js';
export { describeRun, listRuns, type RunId, type RunRecord } from './experiment-runs.js';
export { writeExperimentOutputs } from './experiment-outputs.js';
export type { MetaContext } from './experiment-meta.js';
export { mergeParts, type MergeOptions, type MergeResult } from './merge-parts.js';
export { loadModel, type ModelSource } from './model-source.js';
export { checkWritable, outputPaths, type OutputPaths } from './output-files.js';
export { PointWarnings, formatPointWarning, type PointWarning } from './point-warnings.js';
export { loadExperiment, resolveExperiment, type ResolveOptions } from './resolve-experiment.js';
export { MAX_RUNS_WITHOUT_FORCE, type CanonicalExperiment, type ResolvedExperiment } from './resolved-experiment.js';
export { resultsCsv } from './results-csv.js';
export { runExperiment, runOne, type RunnerOptions } from './run-experiment.js';
export { RunFailedError } from './run-failed-error.js';
export { journalPath } from './run-journal.js';
export { runPlanOf, type RunPlan } from './run-plan.js';
export {
  ALL_RUNS,
  describeSelection,
  parseOnly,
  parseShard,
  selectRuns,
  shardFromJobIndex,
  type RunSelection,
} from './run-selection.js';
export { runSession, type SessionOptions, type SessionStart } from './run-session.js';
export { estimateByCalibration, estimateFromMeta, formatSeconds, type RunTimeEstimate } from './run-time-estimate.js';
export { groupByPoint, summarizeMetric, summaryCsv, type MetricSummary } from './summary-csv.js';
export { parameterCells } from './parameter-cells.js';
export { formatNumber, formatWritten, groupThousands } from './written-value.js';
