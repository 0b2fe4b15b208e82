import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.js';

/** A chain of events 10 ns apart that records the times it ran at. */
function chain(sim: Simulation, count: number): number[] {
  const times: number[] = [];
  const step = (left: number): void => {
    times.push(sim.now);
    if (left > 1) sim.post(10, step, left - 1);
  };
  sim.post(0, step, count);
  return times;
}

describe('Simulation.onProgress', () => {
  it('tells the listener the simulated time after every N events, and changes nothing else', () => {
    const plain = new Simulation();
    const plainTimes = chain(plain, 10);
    plain.run();

    const watched = new Simulation();
    const heard: number[] = [];
    watched.onProgress((now) => heard.push(now), 4);
    const watchedTimes = chain(watched, 10);
    watched.run();

    expect(heard).toEqual([30, 70]);
    expect(watchedTimes).toEqual(plainTimes);
    expect(watched.eventsProcessed).toBe(plain.eventsProcessed);
  });

  it('stops telling once the listener is removed, and refuses a count below one', () => {
    const sim = new Simulation();
    const heard: number[] = [];
    sim.onProgress((now) => heard.push(now), 1);
    sim.onProgress(undefined);
    chain(sim, 3);
    sim.run();
    expect(heard).toEqual([]);
    expect(() => sim.onProgress(() => undefined, 0)).toThrow(RangeError);
  });
});
