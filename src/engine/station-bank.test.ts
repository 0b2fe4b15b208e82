import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.js';
import { StationBank } from './station-bank.js';
import { ms, s } from './time.js';

interface Job {
  readonly station: number;
  readonly label: string;
}

function bank(sim: Simulation, servers: number, stations = 10) {
  const done: Array<[string, number]> = [];
  const stationBank = new StationBank<Job>(sim, {
    name: 'pod',
    stations,
    servers,
    stationOf: (job) => job.station,
    onDone: (job) => done.push([job.label, sim.now]),
  });
  return { stationBank, done };
}

describe('StationBank', () => {
  it('serves each station first in, first out with its own servers', () => {
    const sim = new Simulation();
    const { stationBank, done } = bank(sim, 1);
    stationBank.submit(3, { station: 3, label: 'a' }, ms(10));
    stationBank.submit(3, { station: 3, label: 'b' }, ms(10));
    stationBank.submit(7, { station: 7, label: 'c' }, ms(5));
    sim.run();
    expect(done).toEqual([['c', ms(5)], ['a', ms(10)], ['b', ms(20)]]);
  });

  it('measures utilisation and offered load per station (known answer), idle stations at 0', () => {
    const sim = new Simulation();
    const { stationBank } = bank(sim, 2);
    stationBank.submit(1, { station: 1, label: 'a' }, ms(20));
    stationBank.submit(1, { station: 1, label: 'b' }, ms(10));
    stationBank.submit(1, { station: 1, label: 'c' }, ms(20));
    sim.run(ms(40));
    // As the Station's known answer: 50 server-ms over 2 × 40 ms.
    expect(stationBank.utilization(1)).toBeCloseTo(0.625, 12);
    expect(stationBank.offeredLoad(1)).toBeCloseTo(0.625, 12);
    expect(stationBank.utilization(5)).toBe(0);
    expect(stationBank.report()).toMatchObject({ maxUtilization: 0.625, overloaded: 0, worst: 'pod 1' });
  });

  it('restarts statistics at a reset, and counts a station first used later as idle since then', () => {
    const sim = new Simulation();
    const { stationBank } = bank(sim, 1, 10_000);
    stationBank.submit(0, { station: 0, label: 'a' }, ms(30));
    sim.run(ms(10));
    stationBank.resetStatistics();
    sim.run(ms(30));
    stationBank.submit(9_000, { station: 9_000, label: 'late' }, ms(10)); // on a page not yet allocated
    sim.run(ms(50));
    expect(stationBank.utilization(0)).toBeCloseTo(0.5, 12);
    expect(stationBank.utilization(9_000)).toBeCloseTo(0.25, 12);
  });

  it('reports no overloaded station over an empty window, even with jobs accepted at its first instant', () => {
    const sim = new Simulation();
    const { stationBank } = bank(sim, 1);
    for (let i = 0; i < 3; i++) stationBank.submit(4, { station: 4, label: String(i) }, s(1));
    expect(stationBank.queueLength(4)).toBe(2);
    expect(stationBank.report()).toEqual({ maxUtilization: 0, overloaded: 0, worst: undefined, worstOfferedLoad: 0 });
  });

  it('reports overloaded stations', () => {
    const sim = new Simulation();
    const { stationBank } = bank(sim, 1);
    for (let i = 0; i < 30; i++) stationBank.submit(4, { station: 4, label: String(i) }, s(1));
    sim.run(s(10));
    expect(stationBank.report()).toMatchObject({ overloaded: 1, worst: 'pod 4', worstOfferedLoad: 3 });
  });
});
