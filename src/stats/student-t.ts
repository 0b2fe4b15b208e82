import { inverseNormalCdf as normalQuantile } from '../random/inverse-normal-cdf.js';
import { regularizedBeta } from './regularized-beta.js';

/**
 * Student's t distribution with ν degrees of freedom (any real ν > 0; `Infinity` is the normal).
 * Used for confidence intervals over replications, where ν = replications − 1 is small, so
 * accuracy matters more than speed: the quantile inverts the exact CDF by bisection.
 */

/**
 * P(T ≤ t) for T ~ t(ν), through the incomplete beta function: P(|T| > t) = I_x(ν/2, ½) with
 * x = ν/(ν + t²) (Abramowitz & Stegun 26.7.1). Tails are exact to about 1e-12 relative up to
 * ν = 1e4 and 1e-9 at ν = 1e6; beyond, log Γ(ν/2) costs digits.
 */
export function studentTCdf(t: number, degreesOfFreedom: number): number {
  checkDegreesOfFreedom(degreesOfFreedom);
  if (Number.isNaN(t)) throw new RangeError('Expected a t value, got `NaN`');
  if (degreesOfFreedom === Number.POSITIVE_INFINITY) {
    throw new RangeError('Expected a finite number of degrees of freedom for the CDF, got `Infinity`');
  }
  const tail = upperTail(Math.abs(t), degreesOfFreedom);
  return t >= 0 ? 1 - tail : tail;
}

/** The p-quantile of t(ν): the t with P(T ≤ t) = p, for 0 < p < 1. */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  checkDegreesOfFreedom(degreesOfFreedom);
  if (!(p > 0 && p < 1)) {
    throw new RangeError(`Expected a probability between 0 and 1 exclusive, got \`${p}\``);
  }
  if (p === 0.5) return 0;
  // Solve for the smaller tail, which p itself holds exactly when p < 0.5.
  const tail = p < 0.5 ? p : 1 - p;
  const magnitude = upperQuantile(tail, degreesOfFreedom);
  return p < 0.5 ? -magnitude : magnitude;
}

/** t_{0.975, ν}: the factor of a two-sided 95 % confidence interval with ν degrees of freedom. */
export function tCritical95(degreesOfFreedom: number): number {
  return studentTQuantile(0.975, degreesOfFreedom);
}

/**
 * Above this many degrees of freedom log Γ(ν/2) is large enough to cost the incomplete beta
 * digits (3e-10 at ν = 1e6) and the fraction needs ~√ν terms, while the four-term Cornish–Fisher
 * series is already exact to 1e-15 given z (checked against scipy for p up to 1 − 1e-9); the
 * result is then as good as Φ⁻¹, 1.15e-9 relative.
 */
const LARGE_DEGREES_OF_FREEDOM = 1e4;

/** The t > 0 whose upper tail P(T > t) is `tail` (< 0.5). */
function upperQuantile(tail: number, degreesOfFreedom: number): number {
  // Closed forms: ν = 1 is the Cauchy distribution; for ν = 2, F(t) = ½ + t/(2√(2 + t²)) inverts.
  if (degreesOfFreedom === 1) return Math.tan(Math.PI * (0.5 - tail));
  if (degreesOfFreedom === 2) return (1 - 2 * tail) / Math.sqrt(2 * tail * (1 - tail));
  if (degreesOfFreedom > LARGE_DEGREES_OF_FREEDOM) {
    return cornishFisher(-normalQuantile(tail), degreesOfFreedom);
  }
  return bisect((t) => upperTail(t, degreesOfFreedom) > tail);
}

/** P(T > t) for t ≥ 0: ½ I_x(ν/2, ½) with x = ν/(ν + t²); 1 − x is passed exactly. */
function upperTail(t: number, degreesOfFreedom: number): number {
  if (t === Number.POSITIVE_INFINITY) return 0;
  const denominator = degreesOfFreedom + t * t;
  const x = degreesOfFreedom / denominator;
  return 0.5 * regularizedBeta(x, degreesOfFreedom / 2, 0.5, (t * t) / denominator);
}

/**
 * The boundary of a monotone predicate on [0, ∞) that holds below it, to full double precision:
 * doubles an upper bound until the predicate fails there, then halves the bracket until the
 * midpoint equals an end.
 */
function bisect(holdsBelow: (t: number) => boolean): number {
  let low = 0;
  let high = 1;
  while (holdsBelow(high)) {
    low = high;
    high *= 2;
  }
  for (;;) {
    const middle = low + (high - low) / 2;
    if (middle === low || middle === high) return middle;
    if (holdsBelow(middle)) low = middle;
    else high = middle;
  }
}

/**
 * t ≈ z + g₁(z)/ν + g₂(z)/ν² + g₃(z)/ν³ + g₄(z)/ν⁴ (Abramowitz & Stegun 26.7.5), for large ν;
 * with ν = ∞ it is z itself.
 */
function cornishFisher(z: number, degreesOfFreedom: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  const v = 1 / degreesOfFreedom;
  return z + v * (g1 + v * (g2 + v * (g3 + v * g4)));
}

function checkDegreesOfFreedom(degreesOfFreedom: number): void {
  if (!(degreesOfFreedom > 0)) {
    throw new RangeError(`Expected degrees of freedom > 0, got \`${degreesOfFreedom}\``);
  }
}
