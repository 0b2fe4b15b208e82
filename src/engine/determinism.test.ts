import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exponentialSampler, RandomStreams } from '../random/index.js';
import { Simulation } from './simulation.js';
import { Station } from './station.js';
import { ms } from './time.js';

/** SHA-256 over every event's (time, priority, sequence) of a small M/M/2 run. */
function traceFingerprint(seed: number): string {
  const sim = new Simulation();
  const hash = createHash('sha256');
  sim.trace((event) => hash.update(`${event.time}/${event.priority}/${event.sequence};`));
  const streams = new RandomStreams(seed, 0);
  const gaps = exponentialSampler(streams.get('arrivals'), ms(1));
  const service = exponentialSampler(streams.get('service'), ms(1.6));
  const station = new Station<number>(sim, { name: 'trace', servers: 2, onDone: () => undefined });
  let arrivals = 0;
  const arrive = (): void => {
    station.submit(arrivals, Math.round(service.sample()));
    if (++arrivals < 5_000) sim.schedule(Math.round(gaps.sample()), arrive);
  };
  sim.schedule(0, arrive);
  sim.run();
  return hash.digest('hex');
}

describe('determinism', () => {
  it('gives the same event-trace fingerprint for the same seed', () => {
    expect(traceFingerprint(42)).toBe(traceFingerprint(42));
  });

  it('gives a different event-trace fingerprint for another seed', () => {
    expect(traceFingerprint(43)).not.toBe(traceFingerprint(42));
  });
});
