import type { RandomStream } from './random-stream.js';
import type { Sampler } from './sampler.js';
import { requireCount, uniformIndexSampler } from './uniform-index.js';

/** Below this |t|, log1p(t)/t and expm1(t)/t come from their Taylor series (no 0/0). */
const TAYLOR_THRESHOLD = 1e-8;

/** log(1 + t) / t, finite at t = 0. */
function log1pOverT(t: number): number {
  if (Math.abs(t) > TAYLOR_THRESHOLD) return Math.log1p(t) / t;
  return 1 - t * (0.5 - t * (1 / 3 - 0.25 * t));
}

/** (exp(t) − 1) / t, finite at t = 0. */
function expm1OverT(t: number): number {
  if (Math.abs(t) > TAYLOR_THRESHOLD) return Math.expm1(t) / t;
  return 1 + t * 0.5 * (1 + (t / 3) * (1 + 0.25 * t));
}

/**
 * Zipf over items 0..n−1, P(item k) ∝ (k + 1)^−s, by rejection-inversion (W. Hörmann and
 * G. Derflinger, "Rejection-inversion to generate variates from monotone discrete
 * distributions", ACM TOMACS 6(3), 169–184, 1996), following Apache Commons RNG's
 * RejectionInversionZipfSampler: O(1) memory and expected O(1) time per draw at any n,
 * where a cumulative table would cost O(n) memory and O(log n) per draw.
 * The hat integral H(x) = (x^(1−s) − 1)/(1 − s) has a limit (ln x) at s = 1, so any s > 0
 * works. A draw takes a varying number of uniforms (the acceptance rate is high), so give
 * Zipf its own stream.
 */
class RejectionInversionZipfSampler implements Sampler {
  private readonly hIntegralX1: number;
  private readonly hIntegralN: number;
  /** Shortcut bound: k − x <= squeeze means accept without evaluating H. */
  private readonly squeeze: number;

  constructor(
    private readonly stream: RandomStream,
    private readonly n: number,
    private readonly s: number,
  ) {
    this.hIntegralX1 = this.hIntegral(1.5) - 1;
    this.hIntegralN = this.hIntegral(n + 0.5);
    this.squeeze = 2 - this.hIntegralInverse(this.hIntegral(2.5) - this.h(2));
  }

  sample(): number {
    for (;;) {
      // u is uniform on (hIntegralX1, hIntegralN]: draw 0 maps to hIntegralN.
      const u = this.hIntegralN + this.stream.next() * (this.hIntegralX1 - this.hIntegralN);
      const x = this.hIntegralInverse(u);
      // Clamp: rounding can push x + 0.5 just outside [1, n].
      const k = Math.min(Math.max(Math.floor(x + 0.5), 1), this.n);
      if (k - x <= this.squeeze || u >= this.hIntegral(k + 0.5) - this.h(k)) return k - 1;
    }
  }

  /** H(x) = (x^(1−s) − 1)/(1 − s), ln x at s = 1: an antiderivative of h. */
  private hIntegral(x: number): number {
    const logX = Math.log(x);
    return expm1OverT((1 - this.s) * logX) * logX;
  }

  /** h(x) = x^−s, the hat function. */
  private h(x: number): number {
    return Math.exp(-this.s * Math.log(x));
  }

  /** H⁻¹. t below −1 can only come from rounding; clamping keeps log1p finite. */
  private hIntegralInverse(x: number): number {
    const t = Math.max(x * (1 - this.s), -1);
    return Math.exp(log1pOverT(t) * x);
  }
}

/**
 * Zipf popularity over `itemCount` items numbered from 0, item 0 the most popular, with
 * exponent s >= 0. s = 0 is uniform and uses a single draw per sample (as Commons RNG does).
 */
export function zipfSampler(stream: RandomStream, itemCount: number, exponent: number): Sampler {
  requireCount(itemCount, 'Zipf');
  if (!(exponent >= 0 && Number.isFinite(exponent))) {
    throw new RangeError(`Zipf needs a finite exponent >= 0, got ${exponent}`);
  }
  if (exponent === 0) return uniformIndexSampler(stream, itemCount);
  return new RejectionInversionZipfSampler(stream, itemCount, exponent);
}
