import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.js';
import { Station } from './station.js';
import { ms } from './time.js';

function recordingStation(sim: Simulation, servers: number, queueCapacity?: number) {
  const started: Array<[string, number]> = [];
  const done: Array<[string, number]> = [];
  const station = new Station<string>(sim, {
    name: 'test',
    servers,
    queueCapacity,
    onStart: (job, waited) => started.push([job, waited]),
    onDone: (job) => done.push([job, sim.now]),
  });
  return { station, started, done };
}

describe('Station', () => {
  it('serves jobs first in, first out on one server', () => {
    const sim = new Simulation();
    const { station, started, done } = recordingStation(sim, 1);
    for (const job of ['a', 'b', 'c']) station.submit(job, ms(10));
    sim.run();
    expect(started).toEqual([['a', 0], ['b', ms(10)], ['c', ms(20)]]);
    expect(done).toEqual([['a', ms(10)], ['b', ms(20)], ['c', ms(30)]]);
  });

  it('serves c jobs at once and queues the rest', () => {
    const sim = new Simulation();
    const { station, done } = recordingStation(sim, 2);
    station.submit('long', ms(30));
    station.submit('short', ms(10));
    station.submit('queued', ms(10));
    expect(station.busyServers).toBe(2);
    expect(station.queueLength).toBe(1);
    sim.run();
    expect(done).toEqual([['short', ms(10)], ['queued', ms(20)], ['long', ms(30)]]);
  });

  it('refuses a job when the queue is full, and counts it', () => {
    const sim = new Simulation();
    const { station } = recordingStation(sim, 1, 2);
    expect(station.submit('served', ms(1))).toBe(true);
    expect(station.submit('wait-1', ms(1))).toBe(true);
    expect(station.submit('wait-2', ms(1))).toBe(true);
    expect(station.submit('refused', ms(1))).toBe(false);
    expect(station.refused).toBe(1);
    sim.run();
    expect(station.completed).toBe(3);
  });

  it('with no waiting room refuses whenever every server is busy', () => {
    const sim = new Simulation();
    const { station } = recordingStation(sim, 1, 0);
    expect(station.submit('a', ms(1))).toBe(true);
    expect(station.submit('b', ms(1))).toBe(false);
  });

  it('keeps FIFO order when its queue grows past the initial ring size', () => {
    const sim = new Simulation();
    const { station, done } = recordingStation(sim, 1);
    const jobs = Array.from({ length: 100 }, (_, i) => `job-${i}`);
    station.submit('head', ms(1));
    sim.run(ms(0.5));
    for (const job of jobs.slice(0, 10)) station.submit(job, ms(1));
    sim.run(ms(3.5)); // the ring's head has moved: wrap-around before growth
    for (const job of jobs.slice(10)) station.submit(job, ms(1));
    sim.run();
    expect(done.map(([job]) => job)).toEqual(['head', ...jobs]);
  });

  it('measures time-weighted utilisation and queue length (known answer)', () => {
    const sim = new Simulation();
    const { station } = recordingStation(sim, 2);
    // Over [0, 40 ms]: one server busy 0-20, another 0-10 then 10-30 (the queued job).
    station.submit('a', ms(20));
    station.submit('b', ms(10));
    station.submit('c', ms(20));
    sim.run(ms(40));
    // busy area = 20 + 10 + 20 = 50 server-ms over 2 × 40 → 0.625; queue: 1 job for 10 ms → 0.25.
    expect(station.utilization()).toBeCloseTo(0.625, 12);
    expect(station.meanQueueLength()).toBeCloseTo(0.25, 12);
    expect(station.offeredLoad()).toBeCloseTo(0.625, 12);
  });

  it('restarts its statistics at a reset, keeping the work in progress', () => {
    const sim = new Simulation();
    const { station } = recordingStation(sim, 1);
    station.submit('a', ms(30));
    sim.run(ms(10));
    station.resetStatistics();
    sim.run(ms(50));
    // Busy 10-30 of the window 10-50.
    expect(station.utilization()).toBeCloseTo(0.5, 12);
    expect(station.completed).toBe(1);
  });

  it('rejects a server count that is not a positive integer', () => {
    const sim = new Simulation();
    expect(() => recordingStation(sim, 0)).toThrow('expected servers to be an integer >= 1, got 0');
    expect(() => recordingStation(sim, 1.5)).toThrow('got 1.5');
  });
});
