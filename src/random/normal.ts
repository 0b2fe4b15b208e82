import { inverseNormalCdf } from './inverse-normal-cdf.js';
import { openUnit, type RandomStream } from './random-stream.js';

/**
 * A standard normal deviate by inversion of exactly one draw (not Box–Muller, which pairs
 * draws, nor a rejection method, which takes a varying number): draw i of a stream is always
 * the i-th deviate, whatever the parameters, so common random numbers stay aligned.
 * The draw is moved into (0, 1) first; the extremes are about ±6.3.
 */
export function standardNormal(stream: RandomStream): number {
  return inverseNormalCdf(openUnit(stream.next()));
}
