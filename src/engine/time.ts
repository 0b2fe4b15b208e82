/**
 * Engine time: a JS number holding an integer count of nanoseconds (docs/design.md, Determinism).
 * Exact up to 2^53 ns ≈ 104 days of simulated time, far beyond any run; BigInt would cost
 * an allocation per arithmetic step on the hot path.
 */
export type Nanoseconds = number;

export const NS_PER_US = 1_000;
export const NS_PER_MS = 1_000_000;
export const NS_PER_S = 1_000_000_000;

/**
 * The longest duration any field may hold, and the most simulated time a run may cover
 * (warmup + duration): 30 days. The clock plus any duration then stays below 60 days, well
 * inside the 2^53 ns (≈ 104 days) where every nanosecond is exact (docs/design.md, Contracts).
 */
export const MAX_DURATION: Nanoseconds = 30 * 24 * 3600 * NS_PER_S;

const TWO_POW_52 = 2 ** 52;

/**
 * `Math.round(x)`, the same double for every x, in additions only. Why: on this project's
 * machine (Node 20's V8, AMD EPYC) an exponential draw, `-mean * Math.log1p(-u)`, costs
 * 19–23 ns, 45–48 ns rounded by `Math.round` and 30–31 ns rounded here (bench/README.md,
 * Issue 14; measured, the cause inside V8 not established). For 0 < x < 2^52, adding and
 * taking away 2^52 rounds x to the nearest integer with ties to even; a tie that went down is
 * moved up, which is Math.round's rule. Any other x (0, -0, negative, ≥ 2^52, NaN, ±∞) goes
 * to Math.round itself. Property-tested against Math.round (time.test.ts).
 */
export function roundHalfUp(x: number): number {
  if (x > 0 && x < TWO_POW_52) {
    const nearest = x + TWO_POW_52 - TWO_POW_52;
    return nearest - x === -0.5 ? nearest + 1 : nearest;
  }
  return Math.round(x);
}

/** Whole nanoseconds from a count of nanoseconds (rounded to the nearest integer). */
export const ns = (value: number): Nanoseconds => Math.round(value);
/** Nanoseconds in `value` microseconds. */
export const us = (value: number): Nanoseconds => Math.round(value * NS_PER_US);
/** Nanoseconds in `value` milliseconds. */
export const ms = (value: number): Nanoseconds => Math.round(value * NS_PER_MS);
/** Nanoseconds in `value` seconds. */
export const s = (value: number): Nanoseconds => Math.round(value * NS_PER_S);

export const toMicroseconds = (time: Nanoseconds): number => time / NS_PER_US;
export const toMilliseconds = (time: Nanoseconds): number => time / NS_PER_MS;
export const toSeconds = (time: Nanoseconds): number => time / NS_PER_S;

/** Units accepted in duration strings, as Go's time.ParseDuration (Kubernetes configuration). */
const UNIT_NS: Readonly<Record<string, number>> = {
  ns: 1,
  us: NS_PER_US,
  'µs': NS_PER_US,
  'μs': NS_PER_US,
  ms: NS_PER_MS,
  s: NS_PER_S,
  m: 60 * NS_PER_S,
  h: 3600 * NS_PER_S,
};

const DURATION_PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/**
 * Parses a duration written as in Kubernetes configuration (`250us`, `1.5ms`, `5m`, `1m30s`)
 * into nanoseconds. Throws with the text it could not read; the caller adds the field path.
 */
export function parseDuration(text: string): Nanoseconds {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  let total = 0;
  let index = 0;
  DURATION_PART.lastIndex = 0;
  while (index < trimmed.length) {
    DURATION_PART.lastIndex = index;
    const match = DURATION_PART.exec(trimmed);
    if (match === null) throw new Error(durationMessage(text));
    total += Number(match[1]) * UNIT_NS[match[2]];
    index = DURATION_PART.lastIndex;
  }
  if (trimmed.length === 0) throw new Error(durationMessage(text));
  return Math.round(total);
}

function durationMessage(text: string): string {
  return `a duration with a unit (ns, us, ms, s, m, h; e.g. \`250us\`, \`1.5s\`, \`1m30s\`), got \`${text}\``;
}

/** Formats nanoseconds as the shortest exact duration string in one unit (`1500us`, `2s`). */
export function formatDuration(time: Nanoseconds): string {
  if (time === 0) return '0s';
  for (const unit of ['h', 'm', 's', 'ms', 'us'] as const) {
    const size = UNIT_NS[unit];
    if (time % size === 0) return `${time / size}${unit}`;
  }
  return `${time}ns`;
}
