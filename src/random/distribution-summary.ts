import { formatDuration } from '../engine/time.js';
import { boundedParetoMean } from './bounded-pareto.js';
import { empiricalMean } from './empirical.js';
import { lognormalMean } from './lognormal.js';
import type { DistributionSpec, DistributionUnit } from './distribution-spec.js';
import { uniformMean } from './uniform.js';

/**
 * The distribution's mean, in its unit (nanoseconds for a duration), for offered load
 * (arrival rate × mean service time ÷ servers, docs/design.md, Contracts) and for checks.
 */
export function distributionMean(spec: DistributionSpec): number {
  switch (spec.dist) {
    case 'constant':
      return spec.value;
    case 'exponential':
      return spec.mean;
    case 'lognormal':
      return lognormalMean(spec.median, spec.p99);
    case 'uniform':
      return uniformMean(spec.min, spec.max);
    case 'boundedPareto':
      return boundedParetoMean(spec.min, spec.max, spec.alpha);
    case 'empirical':
      return empiricalMean(spec.values);
  }
}

/**
 * The distribution's median, in its unit: what a "typical" draw is, so a draw divided by it says
 * how much slower than typical that one was (a first packet's slowdown, models/proxy).
 */
export function distributionMedian(spec: DistributionSpec): number {
  switch (spec.dist) {
    case 'constant':
      return spec.value;
    case 'exponential':
      return spec.mean * Math.LN2;
    case 'lognormal':
      return spec.median;
    case 'uniform':
      return (spec.min + spec.max) / 2;
    case 'boundedPareto': {
      // Inverse CDF at 1/2: F(x) = (1 − (L/x)^α) / (1 − (L/H)^α).
      const tail = 1 - 0.5 * (1 - (spec.min / spec.max) ** spec.alpha);
      return spec.min / tail ** (1 / spec.alpha);
    }
    case 'empirical': {
      const sorted = [...spec.values].sort((a, b) => a - b);
      const middle = sorted.length >> 1;
      return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
  }
}

/** How many values of an empirical list a description shows before eliding the rest. */
const SHOWN_VALUES = 5;

/**
 * One line for tables and `eastwest describe`, fields in their units as a user writes them:
 * `lognormal(median 2ms, p99 20ms)`, `boundedPareto(min 1ms, max 1s, alpha 1.2)`.
 */
export function describeDistribution(spec: DistributionSpec, unit: DistributionUnit): string {
  const show = (value: number): string => (unit === 'duration' ? formatDuration(value) : String(value));
  switch (spec.dist) {
    case 'constant':
      return `constant(value ${show(spec.value)})`;
    case 'exponential':
      return `exponential(mean ${show(spec.mean)})`;
    case 'lognormal':
      return `lognormal(median ${show(spec.median)}, p99 ${show(spec.p99)})`;
    case 'uniform':
      return `uniform(min ${show(spec.min)}, max ${show(spec.max)})`;
    case 'boundedPareto':
      return `boundedPareto(min ${show(spec.min)}, max ${show(spec.max)}, alpha ${spec.alpha})`;
    case 'empirical': {
      const shown = spec.values.slice(0, SHOWN_VALUES).map(show);
      if (spec.values.length > SHOWN_VALUES) shown.push(`… ${spec.values.length} in all`);
      return `empirical(values ${shown.join(', ')})`;
    }
  }
}
