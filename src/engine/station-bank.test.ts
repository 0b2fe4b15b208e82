import { describe, expect, it } from 'vitest';
import { exponentialSampler, RandomStreams } from '../random/index.js';
import { Simulation } from './simulation.js';
import { Station } from './station.js';
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

  it('behaves exactly as separate Stations on the same jobs (same completion times)', () => {
    const run = (useBank: boolean) => {
      const sim = new Simulation();
      const streams = new RandomStreams(5, 0);
      const gaps = exponentialSampler(streams.get('gaps'), ms(1));
      const service = exponentialSampler(streams.get('service'), ms(2.5));
      const pick = streams.get('pick');
      const finished: number[] = [];
      const onDone = () => finished.push(sim.now);
      const stations = Array.from({ length: 3 }, (_, i) => new Station<Job>(sim, { name: `s${i}`, servers: 2, onDone }));
      const together = new StationBank<Job>(sim, { name: 'b', stations: 3, servers: 2, stationOf: (job) => job.station, onDone });
      let left = 3_000;
      const arrive = (): void => {
        const station = Math.floor(pick.next() * 3);
        const job = { station, label: '' };
        const time = Math.round(service.sample());
        if (useBank) together.submit(station, job, time);
        else stations[station].submit(job, time);
        if (--left > 0) sim.post(Math.round(gaps.sample()), arrive);
      };
      sim.post(0, arrive);
      sim.run();
      return { finished, utilization: useBank ? together.utilization(2) : stations[2].utilization() };
    };
    const viaBank = run(true);
    const viaStations = run(false);
    expect(viaBank.finished).toEqual(viaStations.finished);
    expect(viaBank.utilization).toBeCloseTo(viaStations.utilization, 12);
    expect(viaBank.finished.length).toBe(3_000);
  });

  it('reports overloaded stations', () => {
    const sim = new Simulation();
    const { stationBank } = bank(sim, 1);
    for (let i = 0; i < 30; i++) stationBank.submit(4, { station: 4, label: String(i) }, s(1));
    sim.run(s(10));
    expect(stationBank.report()).toMatchObject({ overloaded: 1, worst: 'pod 4', worstOfferedLoad: 3 });
  });
});
