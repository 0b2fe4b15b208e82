import { standardNormal } from './normal.js';
import type { RandomStream } from './random-stream.js';
import type { Sampler } from './sampler.js';

/** Φ⁻¹(0.99), the standard normal's 99th percentile (e.g. R's `qnorm(0.99)`). */
export const Z_99 = 2.3263478740408408;

/** exp(mu + sigma·Z) with Z standard normal: one draw. */
export function lognormal(stream: RandomStream, mu: number, sigma: number): number {
  return Math.exp(mu + sigma * standardNormal(stream));
}

/**
 * The log-space parameters of the lognormal whose median and 99th percentile are given:
 * the median is e^mu, and p99 = e^(mu + sigma·z0.99).
 */
export function lognormalParameters(median: number, p99: number): { mu: number; sigma: number } {
  const mu = Math.log(median);
  return { mu, sigma: (Math.log(p99) - mu) / Z_99 };
}

class LognormalSampler implements Sampler {
  constructor(
    private readonly stream: RandomStream,
    private readonly mu: number,
    private readonly sigma: number,
  ) {}

  sample(): number {
    return Math.exp(this.mu + this.sigma * standardNormal(this.stream));
  }
}

/**
 * Lognormal given the way latencies are quoted, by median and p99 (docs/design.md, Contracts).
 * p99 = median gives a constant (sigma 0) that still draws, so alignment does not change.
 */
export function lognormalSampler(stream: RandomStream, median: number, p99: number): Sampler {
  requireLognormal(median, p99);
  const { mu, sigma } = lognormalParameters(median, p99);
  return new LognormalSampler(stream, mu, sigma);
}

/** The mean, exp(mu + sigma²/2): above the median, by a factor that grows fast with the tail. */
export function lognormalMean(median: number, p99: number): number {
  requireLognormal(median, p99);
  const { mu, sigma } = lognormalParameters(median, p99);
  return Math.exp(mu + (sigma * sigma) / 2);
}

function requireLognormal(median: number, p99: number): void {
  if (!(median > 0 && p99 >= median && Number.isFinite(p99))) {
    throw new RangeError(`lognormal needs 0 < median <= p99, got median ${median}, p99 ${p99}`);
  }
}
