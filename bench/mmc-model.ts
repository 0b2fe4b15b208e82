import { Simulation } from '../src/engine/simulation.js';
import { Station } from '../src/engine/station.js';
import { NS_PER_S, roundHalfUp, type Nanoseconds } from '../src/engine/time.js';
import { constantSampler, exponentialSampler, RandomStreams, type Sampler } from '../src/random/index.js';

export interface MmcOptions {
  /** Customers to simulate; arrivals stop after this many. */
  readonly customers: number;
  /** Total arrival rate λ per second. */
  readonly lambda: number;
  /** Service rate μ per second of one server. */
  readonly mu: number;
  readonly servers: number;
  readonly seed: number;
  /** `exponential` (M/M/c, default) or `deterministic` (M/D/c, service time 1/μ). */
  readonly service?: 'exponential' | 'deterministic';
}

export interface MmcResult {
  readonly customers: number;
  /** Mean time in queue, seconds of simulated time. */
  readonly meanWait: number;
  /** Mean time in the system (queue + service), seconds. */
  readonly meanSojourn: number;
  readonly events: number;
}

/**
 * An M/M/c (or M/D/c) queue built from the engine's own Station and named random streams:
 * the same code path the models use, no private fast path (docs/design.md, Contracts, speed program).
 * A job is its arrival time. V8 boxes that number (it is past 2^31 ns), but reused job records
 * instead ran no faster (bench/README.md, Issue 14), so the job stays a number.
 */
export function simulateMmc(options: MmcOptions): MmcResult {
  const sim = new Simulation();
  const streams = new RandomStreams(options.seed, 0);
  const gaps = exponentialSampler(streams.get('mmc/arrivals'), NS_PER_S / options.lambda);
  const serviceTimes: Sampler =
    options.service === 'deterministic'
      ? constantSampler(NS_PER_S / options.mu)
      : exponentialSampler(streams.get('mmc/service'), NS_PER_S / options.mu);
  let waitSum = 0;
  let sojournSum = 0;
  const station = new Station<Nanoseconds>(sim, {
    name: 'mmc',
    servers: options.servers,
    onStart: (_arrivedAt, waited) => (waitSum += waited),
    onDone: (arrivedAt) => (sojournSum += sim.now - arrivedAt),
  });
  let arrived = 0;
  const arrive = (): void => {
    station.submit(sim.now, roundHalfUp(serviceTimes.sample()));
    if (++arrived < options.customers) sim.post(roundHalfUp(gaps.sample()), arrive);
  };
  sim.post(roundHalfUp(gaps.sample()), arrive);
  sim.run();
  return {
    customers: arrived,
    meanWait: waitSum / arrived / NS_PER_S,
    meanSojourn: sojournSum / arrived / NS_PER_S,
    events: sim.eventsProcessed,
  };
}
