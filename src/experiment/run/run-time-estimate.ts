import { existsSync } from 'node:fs';
import type { ScenarioModel } from '../../contract/scenario-model.js';
import { formatDuration, parseDuration, s, type Nanoseconds } from '../../engine/time.js';
import type { ResolvedExperiment } from '../spec/resolved-experiment.js';
import type { RunRecord } from './experiment-runs.js';
import { runOne } from './run-experiment.js';
import { readRegularFile } from '../output/regular-file.js';

/** A rough wall time for the whole experiment, and what it rests on. */
export interface RunTimeEstimate {
  readonly seconds: number;
  readonly basis: string;
}

/** Calibration runs grow until one takes this long (shorter ones are mostly JIT warm-up) or reaches a full run. */
const CALIBRATION_WALL_SECONDS = 0.25;
const FIRST_CALIBRATION: Nanoseconds = s(1);

/**
 * From the meta of an earlier run of an experiment with the same name (docs/design.md, Contracts: validate
 * prints a rough estimate): its mean build and run wall time per run, the run part scaled by
 * simulated time per run (warmup + duration), then by runs ÷ workers. Undefined when there is
 * no readable meta.
 */
export function estimateFromMeta(experiment: ResolvedExperiment, metaPath: string, shownPath: string, workers: number): RunTimeEstimate | undefined {
  const earlier = readEarlierMeta(metaPath);
  if (earlier === undefined || earlier.perRun.length === 0) return undefined;
  const mean = (pick: (run: EarlierRun) => number): number => earlier.perRun.reduce((total, run) => total + pick(run), 0) / earlier.perRun.length;
  const scale = simulatedPerRun(experiment) / earlier.simulatedPerRun;
  const perRun = mean((run) => run.buildSeconds) + mean((run) => run.runSeconds) * scale;
  const eventsPerSecond = mean((run) => run.events) / Math.max(mean((run) => run.runSeconds), 1e-9);
  const which = earlier.experimentHash === experiment.hash ? 'this same experiment' : 'an earlier version of this experiment';
  const basis =
    `from ${shownPath}: ${earlier.perRun.length} runs of ${which}, ${formatSeconds(perRun)} per run at ` +
    `${formatRate(eventsPerSecond)} events/s` +
    (scale === 1 ? '' : `, scaled to ${formatDuration(simulatedPerRun(experiment))} of simulated time per run`);
  return { seconds: total(perRun, experiment.runCount, workers), basis };
}

/**
 * From calibration runs of the first and last points (replication 0, no warmup), each as long
 * in simulated time as it takes to measure (see CALIBRATION_WALL_SECONDS), scaled to a full
 * run, then by runs ÷ workers. Builds and runs in this process; writes nothing.
 */
export function estimateByCalibration(experiment: ResolvedExperiment, model: ScenarioModel, workers: number, clock?: () => number): RunTimeEstimate {
  const points = [...new Set([0, experiment.points.length - 1])];
  const perRun = points.map((point) => calibratePoint(experiment, model, point, clock));
  const mean = perRun.reduce((sum, seconds) => sum + seconds, 0) / perRun.length;
  const which = points.length === 1 ? 'point 0' : `points 0 and ${points[1]}`;
  const basis = `from a calibration run of ${which}: ${formatSeconds(mean)} per run of ${formatDuration(simulatedPerRun(experiment))} simulated`;
  return { seconds: total(mean, experiment.runCount, workers), basis };
}

/** Wall seconds of one full run of the point, measured on a shortened run. */
function calibratePoint(experiment: ResolvedExperiment, model: ScenarioModel, point: number, clock?: () => number): number {
  const full = simulatedPerRun(experiment);
  for (let simulated = Math.min(full, FIRST_CALIBRATION); ; simulated = Math.min(full, simulated * 4)) {
    const plan = { header: { ...experiment.header, warmup: 0, duration: simulated }, points: experiment.points };
    const record: RunRecord = runOne(plan, model, { index: 0, point, replication: 0 }, clock);
    if (record.runSeconds >= CALIBRATION_WALL_SECONDS || simulated >= full) return record.buildSeconds + (record.runSeconds * full) / simulated;
  }
}

/** Runs go out in rounds of `workers`; the last round may be partly idle. */
function total(perRunSeconds: number, runs: number, workers: number): number {
  return Math.ceil(runs / Math.max(1, workers)) * perRunSeconds;
}

function simulatedPerRun(experiment: ResolvedExperiment): Nanoseconds {
  return experiment.header.warmup + experiment.header.duration;
}

interface EarlierRun {
  readonly buildSeconds: number;
  readonly runSeconds: number;
  readonly events: number;
}

function readEarlierMeta(path: string): { experimentHash: string; simulatedPerRun: Nanoseconds; perRun: EarlierRun[] } | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const meta = JSON.parse(readRegularFile(path).toString('utf8'));
    const simulated = parseDuration(meta.resolved.warmup) + parseDuration(meta.resolved.duration);
    const perRun = (meta.wallTime.perRun as EarlierRun[]).filter((run) => typeof run.runSeconds === 'number');
    return simulated > 0 ? { experimentHash: meta.experimentHash, simulatedPerRun: simulated, perRun } : undefined;
  } catch {
    // An unreadable or older meta is no basis for an estimate; calibrate instead.
    return undefined;
  }
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
