/**
 * A named source of uniform numbers: everything random in a run draws from one of these
 * (docs/design.md, Determinism). Distributions are functions of a stream, so a test can script one.
 */
export interface RandomStream {
  /** The name the stream was created under (`workload/arrivals`); part of its seed. */
  readonly name: string;
  /**
   * A uniform number in [0, 1). Streams from RandomStreams return multiples of
   * UNIFORM_RESOLUTION, so 0 can occur (with probability 2^-32) and 1 never does.
   */
  next(): number;
}

/**
 * Spacing of the values a seeded stream returns: the generator yields 32 random bits per
 * draw. Samplers that cannot take 0 (a normal by inversion) use the midpoint of each step.
 */
export const UNIFORM_RESOLUTION = 2 ** -32;

const HALF_STEP = UNIFORM_RESOLUTION / 2;

/**
 * Moves a draw from [0, 1) into (0, 1) by taking the midpoint of its 2^-32 step, so the
 * image is symmetric about 1/2 (the normal's tails stay balanced) and never 0 or 1.
 */
export function openUnit(u: number): number {
  return u + HALF_STEP;
}
