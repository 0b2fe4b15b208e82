/** For tests only (the build leaves testing/ out). */
import { RandomStreams } from '../random-streams.js';

/** A seeded uniform source in [0, 1) for tests that take a plain function (one named stream). */
export function uniformSource(seed: number, name = 'test/uniform'): () => number {
  const stream = new RandomStreams(seed, 0).get(name);
  return () => stream.next();
}
