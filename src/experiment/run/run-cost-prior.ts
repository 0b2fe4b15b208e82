import { existsSync } from 'node:fs';
import { parseDuration, type Nanoseconds } from '../../engine/time.js';
import { readRegularFile } from '../output/regular-file.js';
import type { ResolvedExperiment } from '../spec/resolved-experiment.js';

/** One run as an earlier meta recorded it. */
export interface EarlierRun {
  readonly point: number;
  readonly buildSeconds: number;
  readonly runSeconds: number;
  readonly events: number;
}

/** The wall times an earlier run of an experiment with this name left in its meta. */
export interface EarlierRuns {
  readonly experimentHash: string;
  readonly simulatedPerRun: Nanoseconds;
  readonly perRun: readonly EarlierRun[];
  /** Each earlier point's settings (its sweep and case values) as JSON, by point number. */
  readonly pointKeys: readonly string[];
}

/**
 * Reads `wallTime.perRun` and the points of an earlier meta (results/<name>.meta.json or the
 * one beside the output). Undefined when there is none, or it cannot be read as one: an
 * estimate then rests on something else; it is never an error.
 */
export function readEarlierRuns(path: string): EarlierRuns | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const meta = JSON.parse(readRegularFile(path).toString('utf8'));
    const simulated = parseDuration(meta.resolved.warmup) + parseDuration(meta.resolved.duration);
    const perRun = (meta.wallTime.perRun as EarlierRun[]).filter((run) => typeof run.runSeconds === 'number' && typeof run.buildSeconds === 'number' && Number.isInteger(run.point));
    const pointKeys = ((meta.points ?? []) as Array<{ settings?: unknown }>).map((point) => JSON.stringify(point.settings ?? {}));
    return simulated > 0 && perRun.length > 0 ? { experimentHash: meta.experimentHash, simulatedPerRun: simulated, perRun, pointKeys } : undefined;
  } catch {
    // An unreadable or older meta is no basis for an estimate.
    return undefined;
  }
}

/**
 * Wall seconds of one run of each of this experiment's points, from the earlier runs of the
 * same point: the mean build time plus the mean run time scaled by simulated time per run (a
 * `--set duration=` changes it). A point is the same point when its sweep and case values are
 * (by number, when the experiment hash is the same), so an edited base scenario still finds
 * its points; a point the earlier run did not have is left out.
 */
export function priorCosts(experiment: ResolvedExperiment, earlier: EarlierRuns): Map<number, number> {
  const scale = (experiment.header.warmup + experiment.header.duration) / earlier.simulatedPerRun;
  const byKey = new Map<string, EarlierRun[]>();
  for (const run of earlier.perRun) {
    const key = earlierKey(experiment, earlier, run.point);
    byKey.set(key, [...(byKey.get(key) ?? []), run]);
  }
  const costs = new Map<number, number>();
  for (const point of experiment.points) {
    const runs = byKey.get(currentKey(experiment, earlier, point.index));
    if (runs === undefined) continue;
    const mean = (pick: (run: EarlierRun) => number): number => runs.reduce((total, run) => total + pick(run), 0) / runs.length;
    costs.set(point.index, mean((run) => run.buildSeconds) + mean((run) => run.runSeconds) * scale);
  }
  return costs;
}

function sameExperiment(experiment: ResolvedExperiment, earlier: EarlierRuns): boolean {
  return earlier.experimentHash === experiment.hash;
}

function earlierKey(experiment: ResolvedExperiment, earlier: EarlierRuns, point: number): string {
  return sameExperiment(experiment, earlier) ? String(point) : (earlier.pointKeys[point] ?? `point ${point}`);
}

function currentKey(experiment: ResolvedExperiment, earlier: EarlierRuns, point: number): string {
  if (sameExperiment(experiment, earlier)) return String(point);
  const { settings } = experiment.points[point];
  return JSON.stringify(Object.fromEntries(settings.map(({ target, value }) => [target.path, value])));
}
