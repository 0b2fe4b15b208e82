import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { UNIFORM_RESOLUTION } from './random-stream.js';
import { RandomStreams, streamSeedText } from './random-streams.js';

const draw = (streams: RandomStreams, name: string, count: number): number[] =>
  Array.from({ length: count }, () => streams.get(name).next());

describe('RandomStreams', () => {
  it('names a stream seed by the text seed/replication/name', () => {
    expect(streamSeedText(7, 2, 'workload/arrivals')).toBe('7/2/workload/arrivals');
  });

  it("seeds each stream with seedrandom's Alea from its seed text alone", () => {
    const reference = seedrandom.alea('7/2/workload/arrivals');
    const expected = Array.from({ length: 5 }, () => reference());
    expect(draw(new RandomStreams(7, 2), 'workload/arrivals', 5)).toEqual(expected);
  });

  it("draws seedrandom's very numbers, bit for bit, for any seed text and 10,000 draws deep", () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(1000), fc.string({ minLength: 1 }), (seed, replication, name) => {
        const reference = seedrandom.alea(streamSeedText(seed, replication, name));
        const stream = new RandomStreams(seed, replication).get(name);
        for (let i = 0; i < 10_000; i++) {
          const [ours, theirs] = [stream.next(), reference()];
          if (!Object.is(ours, theirs)) expect({ draw: i, ours }).toEqual({ draw: i, ours: theirs });
        }
      }),
      { numRuns: 50 },
    );
  });

  it('gives the same sequence for the same seed, replication and name', () => {
    const again = draw(new RandomStreams(1, 0), 'dns/queries', 100);
    expect(draw(new RandomStreams(1, 0), 'dns/queries', 100)).toEqual(again);
  });

  it('gives different sequences for different names, replications and seeds', () => {
    const base = draw(new RandomStreams(1, 0), 'workload/arrivals', 10);
    expect(draw(new RandomStreams(1, 0), 'workload/services', 10)).not.toEqual(base);
    expect(draw(new RandomStreams(1, 1), 'workload/arrivals', 10)).not.toEqual(base);
    expect(draw(new RandomStreams(2, 0), 'workload/arrivals', 10)).not.toEqual(base);
  });

  it('returns the same stream object for the same name, continuing its sequence', () => {
    const streams = new RandomStreams(1, 0);
    const first = streams.get('churn/crashes');
    const opening = first.next();
    expect(streams.get('churn/crashes')).toBe(first);
    expect(streams.get('churn/crashes').next()).not.toBe(opening);
    expect(streams.names()).toEqual(['churn/crashes']);
  });

  it("leaves a stream's draws unchanged when other streams are created or drawn from", () => {
    const alone = draw(new RandomStreams(3, 0), 'workload/arrivals', 50);
    const busy = new RandomStreams(3, 0);
    const interleaved: number[] = [];
    for (let i = 0; i < 50; i++) {
      busy.get(`proxy/node-${i}`).next();
      for (let j = 0; j < i; j++) busy.get('workload/services').next();
      interleaved.push(busy.get('workload/arrivals').next());
    }
    expect(interleaved).toEqual(alone);
  });

  // Regression, not a published answer: recorded from seedrandom 3.0.5's Alea when this was
  // written. If it changes, every committed result changes with it.
  it('keeps the first draws of stream 1/0/workload/arrivals', () => {
    expect(draw(new RandomStreams(1, 0), 'workload/arrivals', 3)).toEqual([
      0.5348548467736691, 0.9905578976031393, 0.8032889761961997,
    ]);
  });

  it('draws numbers in [0, 1) on a 2^-32 grid, for any name', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(1000), fc.string({ minLength: 1 }), (seed, replication, name) => {
        const stream = new RandomStreams(seed, replication).get(name);
        for (let i = 0; i < 20; i++) {
          const u = stream.next();
          expect(u >= 0 && u < 1).toBe(true);
          expect(Number.isInteger(u / UNIFORM_RESOLUTION)).toBe(true);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('rejects a fractional seed, a negative replication and an empty name', () => {
    expect(() => new RandomStreams(1.5, 0)).toThrow('RandomStreams needs an integer seed, got 1.5');
    expect(() => new RandomStreams(1, -1)).toThrow('RandomStreams needs an integer replication >= 0, got -1');
    expect(() => new RandomStreams(1, 0).get('')).toThrow('A random stream needs a non-empty name');
  });
});
