/**
 * benchmark.js suites (`npm run bench`), grouped as docs/design.md, House style, asks: frequent operations
 * (schedule + pop, one draw of each distribution), targeted components (a Station, a
 * StationBank), and a whole simulation (bench/mmc.ts and bench/scenario-scale.ts run
 * separately).
 */
import Benchmark from 'benchmark';
import { Simulation } from '../src/engine/simulation.js';
import { Station } from '../src/engine/station.js';
import { StationBank } from '../src/engine/station-bank.js';
import { ms } from '../src/engine/time.js';
import {
  boundedParetoSampler,
  constantSampler,
  empiricalSampler,
  exponentialSampler,
  lognormalSampler,
  RandomStreams,
  uniformIndexSampler,
  uniformSampler,
  zipfSampler,
  type Sampler,
} from '../src/random/index.js';

const filter = process.argv[2];

function runSuite(name: string, add: (suite: Benchmark.Suite) => void): void {
  if (filter !== undefined && !name.includes(filter)) return;
  const suite = new Benchmark.Suite(name);
  add(suite);
  process.stdout.write(`\n## ${name}\n`);
  suite.on('cycle', (event: Benchmark.Event) => process.stdout.write(`${String(event.target)}\n`));
  suite.run({ async: false });
}

/** Keeps `pending` events in the queue; each op pops the earliest and schedules a new one. */
function scheduleAndPop(pending: number): () => void {
  const sim = new Simulation();
  const streams = new RandomStreams(1, 0);
  const gaps = exponentialSampler(streams.get('bench/gaps'), ms(1) * pending);
  const reschedule = (): void => void sim.schedule(Math.round(gaps.sample()), reschedule);
  for (let i = 0; i < pending; i++) sim.schedule(Math.round(gaps.sample()), reschedule);
  return () => void sim.step();
}

runSuite('engine: schedule + pop', (suite) => {
  for (const pending of [10, 1_000, 100_000]) suite.add(`${pending} events pending`, scheduleAndPop(pending));
});

runSuite('random: one draw', (suite) => {
  const streams = new RandomStreams(1, 0);
  const samplers: Array<[string, Sampler]> = [
    ['uniform stream next()', { sample: () => streams.get('raw').next() }],
    ['constant', constantSampler(5)],
    ['uniform', uniformSampler(streams.get('uniform'), 1, 2)],
    ['exponential', exponentialSampler(streams.get('exponential'), 1)],
    ['lognormal (median, p99)', lognormalSampler(streams.get('lognormal'), 2e6, 2e7)],
    ['bounded Pareto', boundedParetoSampler(streams.get('pareto'), 1, 1000, 1.2)],
    ['Zipf n=30,000 s=1', zipfSampler(streams.get('zipf'), 30_000, 1)],
    ['Zipf n=1,000,000 s=0.8', zipfSampler(streams.get('zipf-large'), 1_000_000, 0.8)],
    ['empirical (1,000 values)', empiricalSampler(streams.get('empirical'), Array.from({ length: 1000 }, (_, i) => i))],
  ];
  let sink = 0;
  for (const [name, sampler] of samplers) suite.add(name, () => void (sink += sampler.sample()));
  suite.on('complete', () => sink === Number.NaN && process.stdout.write('')); // keep `sink` alive
});

runSuite('targeted: Station', (suite) => {
  const sim = new Simulation();
  const streams = new RandomStreams(1, 0);
  const service = exponentialSampler(streams.get('service'), ms(3.6));
  const gaps = exponentialSampler(streams.get('gaps'), ms(1));
  const station = new Station<number>(sim, { name: 'bench', servers: 4, onDone: () => undefined });
  // One op: one arrival submitted to a 4-server station at 90 % load, then events up to it.
  suite.add('submit + serve, M/M/4 at ρ = 0.9', () => {
    station.submit(sim.now, Math.round(service.sample()));
    sim.run(sim.now + Math.round(gaps.sample()));
  });
});

runSuite('targeted: StationBank', (suite) => {
  // The Station's row through the bank: one 4-server station at 90 % load, then the same load
  // spread over 10,000 stations (3 pages), as backend pods see it. A job is its station number.
  for (const stations of [1, 10_000]) {
    const sim = new Simulation();
    const streams = new RandomStreams(1, 0);
    const service = exponentialSampler(streams.get('service'), ms(3.6));
    const gaps = exponentialSampler(streams.get('gaps'), ms(1) / stations);
    const pick = uniformIndexSampler(streams.get('pick'), stations);
    const stationOf = (job: number) => job;
    const bank = new StationBank<number>(sim, { name: 'bench', stations, servers: 4, stationOf, onDone: () => undefined });
    suite.add(`submit + serve, ${stations.toLocaleString('en')} M/M/4 station(s) at ρ = 0.9`, () => {
      const station = pick.sample();
      bank.submit(station, station, Math.round(service.sample()));
      sim.run(sim.now + Math.round(gaps.sample()));
    });
  }
});
