import { describe, expect, it } from 'vitest';
import { exponentialSampler, RandomStreams } from '../random/index.js';
import { Simulation } from './simulation.js';
import { Station } from './station.js';
import { StationBank } from './station-bank.js';
import { ms } from './time.js';

interface Job {
  readonly station: number;
  readonly id: number;
}

/** What the tests read of one station, whichever class holds it. */
interface StationView {
  submit(job: Job, serviceTime: number): void;
  utilization(): number;
  offeredLoad(): number;
  meanQueueLength(): number;
}

/** `count` stations as separate Stations or as one StationBank, with the same callbacks. */
function stationsOf(kind: 'Station' | 'StationBank', sim: Simulation, count: number, servers: number) {
  const started: Array<[number, number]> = [];
  const finished: Array<[number, number]> = [];
  const onStart = (job: Job, waited: number) => started.push([job.id, waited]);
  const onDone = (job: Job) => finished.push([job.id, sim.now]);
  let views: StationView[];
  let reset: () => void;
  if (kind === 'Station') {
    const stations = Array.from({ length: count }, (_, i) => new Station<Job>(sim, { name: `s${i}`, servers, onStart, onDone }));
    views = stations.map((station) => ({
      submit: (job, time) => void station.submit(job, time),
      utilization: () => station.utilization(),
      offeredLoad: () => station.offeredLoad(),
      meanQueueLength: () => station.meanQueueLength(),
    }));
    reset = () => stations.forEach((station) => station.resetStatistics());
  } else {
    const stationOf = (job: Job) => job.station;
    const bank = new StationBank<Job>(sim, { name: 'b', stations: count, servers, stationOf, onStart, onDone });
    views = Array.from({ length: count }, (_, i) => ({
      submit: (job, time) => bank.submit(i, job, time),
      utilization: () => bank.utilization(i),
      offeredLoad: () => bank.offeredLoad(i),
      meanQueueLength: () => bank.meanQueueLength(i),
    }));
    reset = () => bank.resetStatistics();
  }
  return { views, reset, started, finished };
}

/** Every station's three ratios now. */
function ratios(views: StationView[]): number[][] {
  return views.map((view) => [view.utilization(), view.offeredLoad(), view.meanQueueLength()]);
}

/**
 * 3,000 seeded jobs over 3 two-server stations at about 80 % load, a warmup reset at 200 ms
 * with jobs arriving at that very instant, and the ratios read at the reset (an empty window),
 * in the middle and at the end.
 */
function simulate(kind: 'Station' | 'StationBank') {
  const sim = new Simulation();
  const streams = new RandomStreams(5, 0);
  const gaps = exponentialSampler(streams.get('gaps'), ms(1));
  const service = exponentialSampler(streams.get('service'), ms(4.8));
  const pick = streams.get('pick');
  const { views, reset, started, finished } = stationsOf(kind, sim, 3, 2);
  let id = 0;
  const arrive = (): void => {
    const station = Math.floor(pick.next() * 3);
    views[station].submit({ station, id: id++ }, Math.round(service.sample()));
    if (id < 3_000) sim.post(Math.round(gaps.sample()), arrive);
  };
  sim.post(0, arrive);
  const atReset: number[][][] = [];
  sim.scheduleAt(ms(200), () => {
    reset();
    views[0].submit({ station: 0, id: -1 }, ms(5)); // accepted at the window's first instant
    atReset.push(ratios(views));
  });
  sim.run(ms(1_500));
  const middle = ratios(views);
  sim.run();
  return { started, finished, atReset: atReset[0], middle, end: ratios(views) };
}

describe('CServerDiscipline, shared by Station and StationBank', () => {
  it('gives Stations and a StationBank identical completions, waits, utilisation, offered load, queue length', () => {
    const viaStations = simulate('Station');
    const viaBank = simulate('StationBank');
    expect(viaBank.finished.length).toBe(3_001);
    expect(viaBank.finished).toEqual(viaStations.finished);
    expect(viaBank.started).toEqual(viaStations.started);
    expect(viaBank.atReset).toEqual(viaStations.atReset);
    expect(viaBank.middle).toEqual(viaStations.middle);
    expect(viaBank.end).toEqual(viaStations.end);
    expect(viaStations.middle[0][0]).toBeGreaterThan(0.5); // the stations did queue
    expect(viaStations.middle[0][2]).toBeGreaterThan(0.1);
  });

  for (const kind of ['Station', 'StationBank'] as const) {
    it(`${kind}: reports 0 for every ratio over an empty window, even with work accepted at its first instant`, () => {
      const sim = new Simulation();
      const { views, reset } = stationsOf(kind, sim, 2, 1);
      expect(ratios(views)).toEqual([[0, 0, 0], [0, 0, 0]]); // nothing submitted, no time elapsed
      for (let i = 0; i < 3; i++) views[0].submit({ station: 0, id: i }, ms(10));
      expect(ratios(views)).toEqual([[0, 0, 0], [0, 0, 0]]); // jobs in hand, still no time elapsed
      sim.run(ms(15));
      reset();
      views[0].submit({ station: 0, id: 3 }, ms(10));
      expect(ratios(views)).toEqual([[0, 0, 0], [0, 0, 0]]); // a new window at its first instant
      sim.run(ms(25));
      // Window 15-25 ms: busy throughout; 2 jobs waiting 15-20, 1 from 20-25; demand: job 3's 10 ms.
      expect(ratios(views)[0]).toEqual([1, 1, 1.5]);
      expect(ratios(views)[1]).toEqual([0, 0, 0]); // a station that never saw a job
    });

    it(`${kind}: rejects a server count that is not a positive integer, naming the class`, () => {
      const sim = new Simulation();
      expect(() => stationsOf(kind, sim, 1, 0)).toThrow(`${kind} `);
      expect(() => stationsOf(kind, sim, 1, 0)).toThrow('expected servers to be an integer >= 1, got 0');
      expect(() => stationsOf(kind, sim, 1, 2.5)).toThrow('got 2.5');
    });
  }
});
