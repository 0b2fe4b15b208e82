import { describe, expect, it } from 'vitest';
import { closestName } from './closest-name.js';

const NAMES = ['constant', 'exponential', 'lognormal', 'uniform', 'boundedPareto', 'empirical'];

describe('closestName', () => {
  it.each([
    ['lognormel', 'lognormal'],
    ['LogNormal', 'lognormal'],
    ['bounded-pareto', 'boundedPareto'],
    ['pareto', 'boundedPareto'],
    ['exp', 'exponential'],
    ['unifrom', 'uniform'],
  ])('suggests the name %s most likely meant: %s', (typed, meant) => {
    expect(closestName(typed, NAMES)).toBe(meant);
  });

  it('suggests nothing when no name is close', () => {
    expect(closestName('weibull', NAMES)).toBeUndefined();
    expect(closestName('', NAMES)).toBeUndefined();
    expect(closestName('ab', NAMES)).toBeUndefined();
  });

  it('suggests an option for swapped letters, a missing letter or a prefix', () => {
    const runOptions = ['out', 'set', 'force', 'quiet', 'help'];
    expect(closestName('quite', runOptions)).toBe('quiet');
    expect(closestName('forc', runOptions)).toBe('force');
    expect(closestName('qu', runOptions)).toBe('quiet');
    expect(closestName('workers', runOptions)).toBeUndefined();
  });
});
