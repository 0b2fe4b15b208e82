/**
 * A distribution bound to a stream, built once (parameters checked, constants precomputed)
 * so the hot path is one method call on a prebuilt object and allocates nothing.
 */
export interface Sampler {
  /** One draw. Index samplers (Zipf, weighted choice) return an integer from 0. */
  sample(): number;
}
