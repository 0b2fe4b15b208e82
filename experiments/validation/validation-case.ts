/**
 * One validation case: a published figure, how the model computes the same quantity, and how
 * close the two must be (experiments/validation/README.md). The registry is cases.ts.
 */
import type { SourceKey } from './sources.js';

/**
 * Was the figure used to set a default (reproducing it is a consistency check), or not (a
 * real test of the model)? docs/calibration.md, Calibration versus validation.
 */
export type CaseUse = 'calibration' | 'independent';

/**
 * How far the model may be from the published value, and why that far. `why` is printed on
 * the page: a tolerance without a reason is a defect.
 */
export type Tolerance =
  /** Equal: counts that follow from rules. */
  | { readonly kind: 'exact'; readonly why: string }
  /** |model − published| ≤ fraction × published. */
  | { readonly kind: 'relative'; readonly fraction: number; readonly why: string }
  /** |model − published| ≤ amount. */
  | { readonly kind: 'absolute'; readonly amount: number; readonly why: string }
  /** published ÷ factor ≤ model ≤ published × factor. */
  | { readonly kind: 'ratio'; readonly factor: number; readonly why: string }
  /** published ≤ model ≤ published + amount: a delay that may only add to a stated one. */
  | { readonly kind: 'above'; readonly amount: number; readonly why: string }
  /** model ≤ published: the figure is a bound (a threshold, an SLO). */
  | { readonly kind: 'atMost'; readonly why: string }
  /** low ≤ model ≤ high: the figure is a published range. */
  | { readonly kind: 'range'; readonly low: number; readonly high: number; readonly why: string };

/** A model value: one number, with its 95 % half-width over replications when there are several. */
export interface Measured {
  readonly value: number;
  readonly ci95?: number;
}

/** How the model value is computed at one scale. */
export interface Variant {
  /** The set-up in a few words (sizes, replications), printed on the page. */
  readonly scale: string;
  readonly compute: () => Measured;
}

/**
 * The scaled-down variant the CI test runs. When scale changes what to expect (a formula at
 * the scaled parameters), it says so with its own `expected` and `tolerance`; otherwise the
 * published value and the case's tolerance hold.
 */
export interface CiVariant extends Variant {
  readonly expected?: number;
  readonly tolerance?: Tolerance;
}

export interface ValidationCase {
  /** Stable key of the values file: group.name. */
  readonly id: string;
  /** Section of the page. */
  readonly group: string;
  readonly quantity: string;
  readonly unit: string;
  /** The published value (or a formula's, for the theory checks); a range's middle, a bound itself. */
  readonly published: number;
  /** How the page writes the published value when a number alone misleads ("0.70–0.88", "≤ 30 s"). */
  readonly publishedText?: string;
  /** Where the published value comes from (sources.ts). */
  readonly source: SourceKey;
  readonly use: CaseUse;
  readonly tolerance: Tolerance;
  /** The benchmark: full scale, run by `npm run bench:validation`. */
  readonly full: Variant;
  /** Omitted when no scaled-down run is fast enough and meaningful (the README lists them). */
  readonly ci?: CiVariant;
  /**
   * Why the model disagrees (its known limitation). Required exactly when the case disagrees:
   * the generator and the test refuse a disagreement without it, and an explanation left on a
   * case that now agrees.
   */
  readonly disagreement?: string;
}

export type Status = 'agrees' | 'disagrees';

/** Does `value` lie within `tolerance` of `published`? */
export function withinTolerance(value: number, published: number, tolerance: Tolerance): boolean {
  if (!Number.isFinite(value)) return false;
  switch (tolerance.kind) {
    case 'exact':
      return value === published;
    case 'relative':
      return Math.abs(value - published) <= tolerance.fraction * Math.abs(published);
    case 'absolute':
      return Math.abs(value - published) <= tolerance.amount;
    case 'ratio':
      return value >= published / tolerance.factor && value <= published * tolerance.factor;
    case 'above':
      return value >= published && value <= published + tolerance.amount;
    case 'atMost':
      return value <= published;
    case 'range':
      return value >= tolerance.low && value <= tolerance.high;
  }
}

export function statusOf(value: number, published: number, tolerance: Tolerance): Status {
  return withinTolerance(value, published, tolerance) ? 'agrees' : 'disagrees';
}

/**
 * What is wrong with a case's explanation given its status: a disagreement must say why, and
 * an explanation on an agreeing case is stale. Undefined when all is well.
 */
export function explanationProblem(testCase: ValidationCase, status: Status): string | undefined {
  const explained = (testCase.disagreement ?? '').trim().length > 0;
  if (status === 'disagrees' && !explained) return `${testCase.id} disagrees with the published value but has no explanation (disagreement)`;
  if (status === 'agrees' && explained) return `${testCase.id} now agrees, but still carries a disagreement explanation: remove it`;
  return undefined;
}
