import type { RunProgressListener } from '../../contract/scenario-model.js';
import type { Nanoseconds } from '../../engine/time.js';

/** How often a run in hand reports its simulated time: often enough for a bar, rarely enough to cost nothing. */
export const RUN_PROGRESS_INTERVAL_MS = 500;

/**
 * A listener for a run's progress that passes a report on at most once per `intervalMs` of wall
 * time. The simulation calls it every so many events; the wall clock is read here, in the
 * runner, never inside the simulation, so what it passes on cannot reach a result.
 */
export function throttledProgress(clock: () => number, send: (simulated: Nanoseconds) => void, intervalMs = RUN_PROGRESS_INTERVAL_MS): RunProgressListener {
  let last = clock();
  return (simulated) => {
    const now = clock();
    if (now - last < intervalMs) return;
    last = now;
    send(simulated);
  };
}
