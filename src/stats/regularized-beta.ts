import { gammaln } from 'simple-statistics';

/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), for 0 ≤ x ≤ 1 and
 * a, b > 0, by its continued fraction evaluated with the modified Lentz method (Press et al.,
 * Numerical Recipes, 3rd ed., §6.4). `oneMinusX` may be passed when the caller knows 1 − x more
 * precisely than the subtraction would give (x = ν/(ν + t²) near 1 in the t distribution).
 */
export function regularizedBeta(x: number, a: number, b: number, oneMinusX = 1 - x): number {
  if (!(a > 0 && b > 0)) {
    throw new RangeError(`Expected beta parameters > 0, got a = \`${a}\`, b = \`${b}\``);
  }
  if (!(x >= 0 && x <= 1)) throw new RangeError(`Expected x between 0 and 1, got \`${x}\``);
  if (x === 0) return 0;
  if (oneMinusX === 0) return 1;
  const logFront = a * Math.log(x) + b * Math.log(oneMinusX) - logBeta(a, b);
  // The fraction converges fast below the mean-ish point (a + 1)/(a + b + 2); above it, use
  // I_x(a, b) = 1 − I_{1−x}(b, a).
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * continuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * continuedFraction(oneMinusX, b, a)) / b;
}

function logBeta(a: number, b: number): number {
  return gammaln(a) + gammaln(b) - gammaln(a + b);
}

/** Guards Lentz's divisions against a zero denominator (Numerical Recipes' FPMIN). */
const TINY = 1e-300;
/** The fraction needs O(√max(a, b)) terms; this allows a and b up to about 10^9. */
const MAX_TERMS = 100_000;

/** Lentz's evaluation of the continued fraction for I_x(a, b) (Numerical Recipes' betacf). */
function continuedFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 / nonZero(1 - ((a + b) * x) / (a + 1));
  let value = d;
  for (let m = 1; m <= MAX_TERMS; m += 1) {
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 / nonZero(1 + even * d);
    c = nonZero(1 + even / c);
    value *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 / nonZero(1 + odd * d);
    c = nonZero(1 + odd / c);
    const step = d * c;
    value *= step;
    // Converged when a step no longer changes the value at double precision.
    if (Math.abs(step - 1) <= Number.EPSILON) return value;
  }
  throw new Error(`Incomplete beta fraction did not converge for x = ${x}, a = ${a}, b = ${b}`);
}

function nonZero(value: number): number {
  return Math.abs(value) < TINY ? TINY : value;
}
