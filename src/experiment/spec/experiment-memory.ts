import type { MemoryItem, RunSettings, ScenarioModel } from '../../contract/scenario-model.js';
import { InputError } from '../../input-error.js';
import { formatBytes } from './byte-size.js';
import type { ExperimentHeader } from './experiment-header.js';
import type { ExperimentPoint } from './experiment-points.js';
import type { MemoryLimit } from './memory-limit.js';
import { groupThousands } from './written-value.js';

const KIB = 1024;
const MIB = KIB * KIB;

/**
 * What the experiment layer itself holds, about twice what was measured (Node 20): the main
 * process with the model loaded (94 MiB resident under tsx, less compiled), a worker thread's
 * own heap and model (an isolate), a resolved point (4.8 KiB with the real model's 94
 * parameters: the written scenario and the parsed values), and a finished run's record (its
 * metrics, kept until the files are written, and its CSV and journal text).
 */
export const BOOKKEEPING_COSTS = {
  process: 128 * MIB,
  worker: 64 * MIB,
  point: 8 * KIB,
  runBase: KIB,
  runMetric: 64,
} as const;

/** The memory an experiment needs: its largest run, on each worker at once, and this process's own. */
export interface ExperimentMemory {
  /** The point whose run needs the most, the terms of that run, and their sum. */
  readonly largest: { readonly point: number; readonly items: readonly MemoryItem[]; readonly bytes: number } | undefined;
  /** Threads running at once (1: in this process). */
  readonly workers: number;
  /** This process: its base, the points, the finished runs' records. */
  readonly processBytes: number;
  /** processBytes + workers × (a worker's base + the largest run). */
  readonly totalBytes: number;
}

/** The bookkeeping alone, from counts known before any point is built: checked before the grid is expanded. */
export function bookkeepingBytes(points: number, runs: number, metrics: number): number {
  return BOOKKEEPING_COSTS.process + points * BOOKKEEPING_COSTS.point + runs * (BOOKKEEPING_COSTS.runBase + metrics * BOOKKEEPING_COSTS.runMetric);
}

/** Estimates every point's run (replication 0; the others are the same size) and keeps the largest. */
export function estimateExperimentMemory(
  header: ExperimentHeader,
  points: readonly ExperimentPoint[],
  runs: number,
  model: ScenarioModel,
  requestedWorkers: number,
): ExperimentMemory {
  const workers = Math.max(1, Math.min(requestedWorkers, runs));
  const largest = largestRun(header, points, model);
  const processBytes = bookkeepingBytes(points.length, runs, model.metrics.length);
  const perWorker = (largest?.bytes ?? 0) + (workers > 1 ? BOOKKEEPING_COSTS.worker : 0);
  return { largest, workers, processBytes, totalBytes: processBytes + workers * perWorker };
}

function largestRun(header: ExperimentHeader, points: readonly ExperimentPoint[], model: ScenarioModel): ExperimentMemory['largest'] {
  if (model.estimateMemory === undefined) return undefined;
  const settings: RunSettings = { seed: header.seed, replication: 0, warmup: header.warmup, duration: header.duration };
  let largest: ExperimentMemory['largest'];
  for (const point of points) {
    const items = model.estimateMemory(point.values, settings);
    const bytes = items.reduce((sum, item) => sum + item.count * item.bytesEach, 0);
    if (largest === undefined || bytes > largest.bytes) largest = { point: point.index, items, bytes };
  }
  return largest;
}

/** Whether the runs fit: all of it in the memory available, and one run in one JavaScript heap. */
export function fitsIn(memory: ExperimentMemory, limit: MemoryLimit): boolean {
  return memory.totalBytes <= limit.bytes && (memory.largest?.bytes ?? 0) <= limit.heapBytes;
}

/**
 * `about 1.2 GiB: 2 workers × 520 MiB per run (point 6: 300 MiB backend pods, ...) + 140 MiB
 * for this process; 23 GiB available (the machine's memory)`
 */
export function describeMemory(memory: ExperimentMemory, limit: MemoryLimit): string {
  const { largest, workers } = memory;
  const runs = largest === undefined ? 'runs not estimated (the model gives no estimate)' : `${workers === 1 ? '' : `${workers} workers × `}${formatBytes(largest.bytes)} per run (point ${largest.point}: ${largestTerms(largest.items)})`;
  return `about ${formatBytes(memory.totalBytes)}: ${runs} + ${formatBytes(memory.processBytes)} for this process; ${formatBytes(limit.bytes)} available (${limit.source})`;
}

/** The three largest terms: `backend pods (Services × endpoints): 10,000,000 × 64 bytes = 610 MiB`. */
function largestTerms(items: readonly MemoryItem[]): string {
  const sized = items.map((item) => ({ item, bytes: item.count * item.bytesEach })).filter(({ bytes }) => bytes > 0);
  sized.sort((a, b) => b.bytes - a.bytes);
  const shown = sized.slice(0, 3).map(({ item, bytes }) => `${item.what}: ${groupThousands(Math.ceil(item.count))} × ${formatBytes(item.bytesEach)} = ${formatBytes(bytes)}`);
  return `${shown.join('; ')}${sized.length > 3 ? '; …' : ''}`;
}

/** Refuses (exit 2) runs that would not fit, saying what they need, what there is and what to do. */
export function checkMemory(memory: ExperimentMemory, limit: MemoryLimit, file: string): void {
  if (fitsIn(memory, limit)) return;
  const perRun = memory.largest?.bytes ?? 0;
  if (perRun > limit.heapBytes) {
    throw new InputError(
      `${file}: a run would need about ${formatBytes(perRun)} of memory, over the ${formatBytes(limit.heapBytes)} one JavaScript heap may hold here ` +
        `(node --max-old-space-size; ${formatBytes(limit.bytes)} available in all, ${limit.source}); estimate: ${describeMemory(memory, limit)}; ` +
        'shrink the scenario, or pass --force to run it anyway',
    );
  }
  throw new InputError(
    `${file}: the runs would need about ${formatBytes(memory.totalBytes)} of memory, over the ${formatBytes(limit.bytes)} available (${limit.source}); ` +
      `estimate: ${describeMemory(memory, limit)}; ${remedy(memory, limit)}`,
  );
}

function remedy(memory: ExperimentMemory, limit: MemoryLimit): string {
  const perWorker = (memory.largest?.bytes ?? 0) + BOOKKEEPING_COSTS.worker;
  const fitting = Math.floor((limit.bytes - memory.processBytes) / perWorker);
  const fewer = memory.workers > 1 && fitting >= 1 ? `use fewer workers (--workers ${fitting} fits), ` : '';
  return `shrink the scenario or the sweep, ${fewer}or pass --force to run it anyway`;
}

/** Refuses a grid whose points and run records alone would not fit, before it is built (after --force, nothing is refused). */
export function checkBookkeeping(points: number, runs: number, metrics: number, limit: MemoryLimit, file: string): void {
  const bytes = bookkeepingBytes(points, runs, metrics);
  if (bytes <= limit.bytes) return;
  throw new InputError(
    `${file}: the grid's ${groupThousands(points)} points and ${groupThousands(runs)} runs alone would need about ${formatBytes(bytes)} of memory, ` +
      `over the ${formatBytes(limit.bytes)} available (${limit.source}); shrink the sweep, or pass --force to run it anyway`,
  );
}
