import type { RandomStream } from './random-stream.js';
import type { Sampler } from './sampler.js';

/**
 * Bounded (truncated) Pareto on [min, max] with shape alpha, by inversion of one draw.
 * CDF: F(x) = (1 − (min/x)^alpha) / (1 − (min/max)^alpha), so
 * x = min · (1 − u·(1 − (min/max)^alpha))^(−1/alpha). u = 0 gives min; u < 1 stays below max
 * in exact arithmetic, and a clamp keeps rounding from crossing it when max ≈ min.
 */
class BoundedParetoSampler implements Sampler {
  /** 1 − (min/max)^alpha: the untruncated Pareto's probability of landing in [min, max]. */
  private readonly mass: number;
  private readonly negativeInverseAlpha: number;

  constructor(
    private readonly stream: RandomStream,
    private readonly min: number,
    private readonly max: number,
    alpha: number,
  ) {
    this.mass = 1 - Math.pow(min / max, alpha);
    this.negativeInverseAlpha = -1 / alpha;
  }

  sample(): number {
    const u = this.stream.next();
    return Math.min(this.max, this.min * Math.pow(1 - u * this.mass, this.negativeInverseAlpha));
  }
}

export function boundedParetoSampler(
  stream: RandomStream,
  min: number,
  max: number,
  alpha: number,
): Sampler {
  requireBoundedPareto(min, max, alpha);
  return new BoundedParetoSampler(stream, min, max, alpha);
}

/**
 * The mean. Wikipedia's "Pareto distribution § Bounded Pareto distribution" writes it
 * min^alpha/(1 − ρ^alpha) · alpha/(alpha − 1) · (min^(1−alpha) − max^(1−alpha)), ρ = min/max,
 * and max·min/(max − min) · ln(max/min) at alpha = 1. Rearranged as
 * alpha·min · [(1 − ρ^(alpha−1))/(alpha − 1)] / (1 − ρ^alpha), with expm1, the bracket has a
 * finite limit (−ln ρ) at alpha = 1 and no cancellation for alpha near 1.
 */
export function boundedParetoMean(min: number, max: number, alpha: number): number {
  requireBoundedPareto(min, max, alpha);
  if (min === max) return min;
  const logRho = Math.log(min / max);
  const beta = alpha - 1;
  // (1 − ρ^beta) / beta, whose limit at beta = 0 is −ln ρ.
  const ratio = Math.abs(beta) < 1e-12 ? -logRho : -Math.expm1(beta * logRho) / beta;
  return (alpha * min * ratio) / -Math.expm1(alpha * logRho);
}

function requireBoundedPareto(min: number, max: number, alpha: number): void {
  if (!(min > 0 && max >= min && Number.isFinite(max) && alpha > 0 && Number.isFinite(alpha))) {
    throw new RangeError(
      `bounded Pareto needs 0 < min <= max and alpha > 0, got min ${min}, max ${max}, alpha ${alpha}`,
    );
  }
}
