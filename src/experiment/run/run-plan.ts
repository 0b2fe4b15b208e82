import type { RunSettings, ScenarioValues } from '../../contract/scenario-model.js';
import type { ResolvedExperiment } from '../spec/resolved-experiment.js';

/**
 * What running one (point, replication) needs from an experiment: the header's seed and
 * windows and every point's parsed values. A ResolvedExperiment is one; `runPlanOf` cuts it
 * down to plain data that can be posted to a worker thread (Maps survive structured cloning).
 */
export interface RunPlan {
  readonly header: Pick<RunSettings, 'seed' | 'warmup' | 'duration'>;
  readonly points: readonly { readonly values: ScenarioValues }[];
}

export function runPlanOf(experiment: ResolvedExperiment): RunPlan {
  const { seed, warmup, duration } = experiment.header;
  return { header: { seed, warmup, duration }, points: experiment.points.map((point) => ({ values: point.values })) };
}
