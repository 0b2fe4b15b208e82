import { describe, expect, it } from 'vitest';
import { s } from '../../engine/time.js';
import { estimateSweep, listScheduleEnd, type SweepSnapshot } from './sweep-eta.js';

const base: SweepSnapshot = { workers: 2, simulatedPerRun: s(100), finished: [], inFlight: [], queued: [], prior: new Map() };

describe('listScheduleEnd', () => {
  it('gives each run in turn to the worker that frees first', () => {
    // Worker A busy 5 s, B 1 s: B takes 4 (ends 5), then A takes 2 (ends 7), then B takes 1 (ends 6).
    expect(listScheduleEnd([5, 1], [4, 2, 1], 2)).toBe(7);
    // An idle worker starts at once; one worker runs them back to back.
    expect(listScheduleEnd([3], [3], 2)).toBe(3);
    expect(listScheduleEnd([], [1, 2, 3], 1)).toBe(6);
  });
});

describe('estimateSweep', () => {
  it('knows nothing before any run has reported, and nothing is left at the end', () => {
    expect(estimateSweep({ ...base, inFlight: [{ point: 0, elapsedSeconds: 0.2 }], queued: [1] }).etaSeconds).toBeUndefined();
    expect(estimateSweep({ ...base, finished: [{ point: 0, seconds: 3 }] })).toEqual({ doneWork: 3, remainingWork: 0, etaSeconds: 0, fraction: 1 });
  });

  it('projects a run in hand from its simulated-time pace, before any run has finished', () => {
    // 20 % of 100 s simulated in 10 s, reported just now: the point costs 50 s a run, so 40 s are
    // left of this one (by pace 40 s, by cost 80 % of 50 s, blended 20:80), and 50 s for the queued run.
    const estimate = estimateSweep({ ...base, workers: 1, inFlight: [{ point: 0, elapsedSeconds: 10, reported: { simulated: s(20), elapsedSeconds: 10 } }], queued: [0] });
    expect(estimate.remainingWork).toBeCloseTo(0.2 * 40 + 0.8 * (0.8 * 50) + 50);
    expect(estimate.etaSeconds).toBeCloseTo(estimate.remainingWork!);
    expect(estimate.fraction).toBeCloseTo(10 / (10 + estimate.remainingWork!));
  });

  it('weights each run left by its own point, scaled by the speed observed against the prior', () => {
    // The prior says point 0 takes 1 s and point 1 takes 10 s; point 0 took 2 s here, so this machine is half as fast.
    const prior = new Map([[0, 1], [1, 10]]);
    const estimate = estimateSweep({ ...base, workers: 1, finished: [{ point: 0, seconds: 2 }], queued: [0, 1, 1], prior });
    expect(estimate.etaSeconds).toBeCloseTo(2 + 20 + 20);
  });

  it('judges the speed on the last runs, so a load that passes is followed, and spreads the runs left over the workers', () => {
    const prior = new Map([[0, 1], [1, 10]]);
    // Point 0 took twice its prior under a load that has since gone: the last four runs took what the prior said.
    const finished = [{ point: 0, seconds: 2 }, ...Array.from({ length: 4 }, () => ({ point: 1, seconds: 10 }))];
    const estimate = estimateSweep({ ...base, finished, queued: [0, 1, 1, 1], prior });
    // 1 s, then three runs of 10 s on two idle workers: 1 + 10 on one, 10 + 10 on the other.
    expect(estimate.etaSeconds).toBeCloseTo(20);
    expect(estimate.remainingWork).toBeCloseTo(31);
  });

  it('without a prior, takes a point not seen yet to cost the mean of the points seen', () => {
    const estimate = estimateSweep({
      ...base,
      workers: 1,
      finished: [{ point: 0, seconds: 2 }, { point: 0, seconds: 4 }, { point: 1, seconds: 5 }],
      queued: [2],
    });
    expect(estimate.etaSeconds).toBeCloseTo(4);
  });

  it('takes a run’s pace between its first and last reports, past its slow start', () => {
    // 5 % at 1 s (the build and a fresh worker compiling), 25 % at 3 s: 20 % in 2 s, 10 s a run, 7.5 s left.
    const run = { point: 0, elapsedSeconds: 3, firstReport: { simulated: s(5), elapsedSeconds: 1 }, reported: { simulated: s(25), elapsedSeconds: 3 } };
    expect(estimateSweep({ ...base, inFlight: [run] }).remainingWork).toBeCloseTo(7.5);
    // With its last report only, the pace from its start: 3 s for 25 %, 12 s a run, 9 s left.
    expect(estimateSweep({ ...base, inFlight: [{ ...run, firstReport: undefined }] }).remainingWork).toBeCloseTo(9);
  });

  it('carries a run’s last report forward at its pace, up to the whole run', () => {
    // 10 % done 1 s in; 2 s in it is taken to be 20 % done.
    const run = { point: 0, elapsedSeconds: 2, reported: { simulated: s(10), elapsedSeconds: 1 } };
    const { remainingWork } = estimateSweep({ ...base, inFlight: [run] });
    expect(remainingWork).toBeCloseTo(2 * 0.8 / 0.2);
    const late = estimateSweep({ ...base, inFlight: [{ ...run, elapsedSeconds: 30 }] });
    expect(late.remainingWork).toBe(0);
  });
});
