import type { RunSettings, ScenarioValues } from '../../contract/scenario-model.js';
import type { Nanoseconds } from '../../engine/time.js';
import type { ResolvedExperiment } from '../spec/resolved-experiment.js';

/**
 * What running one (point, replication) needs: the header's seed and windows, the
 * time-series bucket width when `--timeseries` asked for one, and every point's parsed values.
 * A ResolvedExperiment is one (with no time series); `runPlanOf` cuts it down to plain data
 * that can be posted to a worker thread (Maps survive structured cloning), so the threads'
 * runs get the very settings an in-process run gets.
 */
export interface RunPlan {
  readonly header: Pick<RunSettings, 'seed' | 'warmup' | 'duration' | 'timeseriesBucket'>;
  readonly points: readonly { readonly values: ScenarioValues }[];
}

/** `timeseriesBucket`: the checked `--timeseries` width; undefined (or 0) for none. */
export function runPlanOf(experiment: ResolvedExperiment, timeseriesBucket?: Nanoseconds): RunPlan {
  const { seed, warmup, duration } = experiment.header;
  const header = timeseriesBucket ? { seed, warmup, duration, timeseriesBucket } : { seed, warmup, duration };
  return { header, points: experiment.points.map((point) => ({ values: point.values })) };
}
