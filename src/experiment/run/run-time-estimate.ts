import type { ScenarioModel } from '../../contract/scenario-model.js';
import { formatDuration, s, type Nanoseconds } from '../../engine/time.js';
import type { ResolvedExperiment } from '../spec/resolved-experiment.js';
import { listRuns, type RunRecord } from './experiment-runs.js';
import { priorCosts, readEarlierRuns } from './run-cost-prior.js';
import { runOne } from './run-experiment.js';
import { listScheduleEnd } from './sweep-eta.js';

/** A rough wall time for the whole experiment, and what it rests on. */
export interface RunTimeEstimate {
  readonly seconds: number;
  readonly basis: string;
}

/** Calibration runs grow until one takes this long (shorter ones are mostly JIT warm-up) or reaches a full run. */
const CALIBRATION_WALL_SECONDS = 1;
const FIRST_CALIBRATION: Nanoseconds = s(1);

/**
 * From the meta of an earlier run of an experiment with the same name (docs/design.md, Contracts: validate
 * prints a rough estimate): each point's wall time per run there (build, and run scaled by
 * simulated time per run: priorCosts), a point it lacks at their mean; then the runs, in point
 * order, spread over the workers as the pool hands them out (each to the first worker free), so
 * a sweep whose costly points come last is not taken for an even one. With `calibrate` (wall
 * seconds of one run of a point, measured now), every cost is scaled by what the first point
 * the meta knows takes now over what it took then: the meta gives the points' relative costs,
 * the calibration this machine's speed and load. Undefined when there is no readable meta.
 */
export function estimateFromMeta(
  experiment: ResolvedExperiment,
  metaPath: string,
  shownPath: string,
  workers: number,
  calibrate?: (point: number) => number,
): RunTimeEstimate | undefined {
  const earlier = readEarlierRuns(metaPath);
  if (earlier === undefined) return undefined;
  const costs = priorCosts(experiment, earlier);
  if (costs.size === 0) return undefined;
  const speed = calibrate === undefined ? undefined : speedNow(costs, calibrate);
  const factor = speed?.factor ?? 1;
  const seconds = scheduledSeconds(experiment, costs, workers) * factor;
  const perRun = mean(listRuns(experiment.points.length, experiment.header.replications).map((run) => costOf(costs, run.point)));
  const eventsPerSecond = mean(earlier.perRun.map((run) => run.events)) / Math.max(mean(earlier.perRun.map((run) => run.runSeconds)), 1e-9);
  const scale = simulatedPerRun(experiment) / earlier.simulatedPerRun;
  const which = earlier.experimentHash === experiment.hash ? 'this same experiment' : 'an earlier version of this experiment';
  const basis =
    `from ${shownPath}: ${earlier.perRun.length} runs of ${which}, ${formatSeconds(perRun)} per run at ` +
    `${formatRate(eventsPerSecond)} events/s` +
    (scale === 1 ? '' : `, scaled to ${formatDuration(simulatedPerRun(experiment))} of simulated time per run`) +
    (speed === undefined ? '' : `; ×${Number(speed.factor.toPrecision(2))} for this machine now (point ${speed.point} calibrated at ${formatSeconds(speed.seconds)} per run)`);
  return { seconds, basis };
}

/** What the first point the meta knows takes now over what it took then. */
function speedNow(costs: ReadonlyMap<number, number>, calibrate: (point: number) => number): { point: number; seconds: number; factor: number } {
  const point = Math.min(...costs.keys());
  const seconds = calibrate(point);
  return { point, seconds, factor: seconds / Math.max(costs.get(point)!, 1e-9) };
}

/** When the last run ends, each run costing its point's time, handed out in order to the first worker free. */
export function scheduledSeconds(experiment: ResolvedExperiment, costs: ReadonlyMap<number, number>, workers: number): number {
  const runs = listRuns(experiment.points.length, experiment.header.replications);
  return listScheduleEnd([], runs.map((run) => costOf(costs, run.point)), Math.min(Math.max(1, workers), runs.length));
}

/** A point the earlier run lacked costs what its points did on average. */
function costOf(costs: ReadonlyMap<number, number>, point: number): number {
  return costs.get(point) ?? mean([...costs.values()]);
}

function mean(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0) / Math.max(1, values.length);
}

/**
 * From calibration runs of the first and last points (replication 0, no warmup), each as long
 * in simulated time as it takes to measure (see CALIBRATION_WALL_SECONDS), scaled to a full
 * run, then by runs ÷ workers. Builds and runs in this process; writes nothing.
 */
export function estimateByCalibration(experiment: ResolvedExperiment, model: ScenarioModel, workers: number, clock?: () => number): RunTimeEstimate {
  const points = [...new Set([0, experiment.points.length - 1])];
  const perRun = points.map((point) => calibrationSeconds(experiment, model, point, clock));
  const mean = perRun.reduce((sum, seconds) => sum + seconds, 0) / perRun.length;
  const which = points.length === 1 ? 'point 0' : `points 0 and ${points[1]}`;
  const basis = `from a calibration run of ${which}: ${formatSeconds(mean)} per run of ${formatDuration(simulatedPerRun(experiment))} simulated`;
  return { seconds: total(mean, experiment.runCount, workers), basis };
}

/**
 * Wall seconds of one full run of the point, from shortened runs (replication 0, no warmup) in
 * this process, each 4× as long in simulated time as the one before, until one takes
 * CALIBRATION_WALL_SECONDS: its time, build apart, scaled to a full run's simulated time. The
 * first run is never the measure: it compiles the model's hot code, and scaled up it made
 * quickstart's runs 4× too slow.
 */
export function calibrationSeconds(experiment: ResolvedExperiment, model: ScenarioModel, point: number, clock?: () => number): number {
  const full = simulatedPerRun(experiment);
  for (let simulated = Math.min(full, FIRST_CALIBRATION), first = true; ; simulated = Math.min(full, simulated * 4), first = false) {
    const plan = { header: { ...experiment.header, warmup: 0, duration: simulated }, points: experiment.points };
    const record: RunRecord = runOne(plan, model, { index: 0, point, replication: 0 }, clock);
    if (simulated >= full || (!first && record.runSeconds >= CALIBRATION_WALL_SECONDS)) return record.buildSeconds + (record.runSeconds * full) / simulated;
  }
}

/** Runs go out in rounds of `workers`; the last round may be partly idle. */
function total(perRunSeconds: number, runs: number, workers: number): number {
  return Math.ceil(runs / Math.max(1, workers)) * perRunSeconds;
}

function simulatedPerRun(experiment: ResolvedExperiment): Nanoseconds {
  return experiment.header.warmup + experiment.header.duration;
}

/** `0.4 s`, `12 s`, `3 min 20 s`, `2 h 05 min`: a rough figure, read at a glance. */
export function formatSeconds(seconds: number): string {
  if (seconds < 10) return `${Number(seconds.toPrecision(2))} s`;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(whole / 3600)} h ${String(Math.round((whole % 3600) / 60)).padStart(2, '0')} min`;
}

function formatRate(perSecond: number): string {
  return perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(1)}M` : perSecond >= 1e3 ? `${(perSecond / 1e3).toFixed(0)}k` : perSecond.toFixed(0);
}
