import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error.js';
import { DISTRIBUTION_NAMES, parseDistribution, type DistributionUnit } from './distribution-spec.js';

const PATH = 'workload.serviceTime';
const DURATION = 'a duration with a unit (ns, us, ms, s, m, h; e.g. `250us`, `1.5s`, `1m30s`)';

/** Parses as a duration field at `workload.serviceTime`, as the experiment loader will. */
const parse = (raw: unknown, unit: DistributionUnit = 'duration') => parseDistribution(raw, PATH, unit);

/** The InputError message parsing `raw` throws (failing the test if it parses). */
function messageOf(raw: unknown, unit: DistributionUnit = 'duration'): string {
  try {
    parse(raw, unit);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }
  throw new Error(`expected ${JSON.stringify(raw)} to be rejected`);
}

describe('parseDistribution', () => {
  it('reads each distribution as YAML writes it, durations in nanoseconds', () => {
    expect(parse({ dist: 'constant', value: '250us' })).toEqual({ dist: 'constant', value: 250_000 });
    expect(parse({ dist: 'exponential', mean: '1.5ms' })).toEqual({ dist: 'exponential', mean: 1_500_000 });
    expect(parse({ dist: 'lognormal', median: '2ms', p99: '20ms' })).toEqual({
      dist: 'lognormal',
      median: 2_000_000,
      p99: 20_000_000,
    });
    expect(parse({ dist: 'uniform', min: '0', max: '1s' })).toEqual({ dist: 'uniform', min: 0, max: 1e9 });
    expect(parse({ dist: 'boundedPareto', min: '1ms', max: '1s', alpha: 1.2 })).toEqual({
      dist: 'boundedPareto',
      min: 1e6,
      max: 1e9,
      alpha: 1.2,
    });
    expect(parse({ dist: 'empirical', values: ['1ms', '2ms'] })).toEqual({ dist: 'empirical', values: [1e6, 2e6] });
  });

  it('reads bare numbers for a number quantity, and alpha as a bare number either way', () => {
    expect(parse({ dist: 'uniform', min: 1, max: 4 }, 'number')).toEqual({ dist: 'uniform', min: 1, max: 4 });
    expect(parse({ dist: 'boundedPareto', min: 1, max: 9, alpha: 2 }, 'number')).toMatchObject({ alpha: 2 });
  });

  it('rejects a duration with a bad unit', () => {
    expect(messageOf({ dist: 'lognormal', median: '2xs', p99: '20ms' })).toBe(
      `Expected \`workload.serviceTime.median\` to be ${DURATION}, got \`2xs\``,
    );
  });

  it('rejects a bare number where a duration is needed', () => {
    expect(messageOf({ dist: 'lognormal', median: 5, p99: '20ms' })).toBe(
      `Expected \`workload.serviceTime.median\` to be ${DURATION}, got \`5\``,
    );
  });

  it('rejects a missing field', () => {
    expect(messageOf({ dist: 'lognormal', median: '2ms' })).toBe(
      `Expected \`workload.serviceTime.p99\` to be ${DURATION}, got \`nothing\``,
    );
  });

  it('rejects an unknown dist, listing the known ones and the likely one', () => {
    expect(messageOf({ dist: 'lognormel', median: '2ms', p99: '20ms' })).toBe(
      'Expected `workload.serviceTime.dist` to be one of `constant`, `exponential`, `lognormal`, `uniform`, ' +
        '`boundedPareto`, `empirical` (did you mean `lognormal`?), got `lognormel`',
    );
    expect(messageOf({ dist: 'weibull' })).toBe(
      'Expected `workload.serviceTime.dist` to be one of `constant`, `exponential`, `lognormal`, `uniform`, ' +
        '`boundedPareto`, `empirical`, got `weibull`',
    );
  });

  it('rejects a record without dist, and a scalar where a distribution is needed', () => {
    expect(messageOf({ mean: '1ms' })).toMatch(/^Expected `workload.serviceTime.dist` to be one of .*, got `nothing`$/);
    expect(messageOf('2ms')).toBe(
      'Expected `workload.serviceTime` to be a distribution `{ dist: NAME, ... }` with NAME one of constant, ' +
        'exponential, lognormal, uniform, boundedPareto, empirical, got `2ms`',
    );
  });

  it('rejects a field the distribution does not take, suggesting a missing field it resembles', () => {
    expect(messageOf({ dist: 'exponential', mean: '1ms', median: '2ms' })).toBe(
      'Expected `workload.serviceTime.median` to be absent (`exponential` takes `mean`), got `2ms`',
    );
    expect(messageOf({ dist: 'lognormal', mediam: '2ms', p99: '20ms' })).toBe(
      'Expected `workload.serviceTime.mediam` to be absent ' +
        '(`lognormal` takes `median`, `p99`; did you mean `median`?), got `2ms`',
    );
  });

  it('rejects negative values and a mean of zero', () => {
    expect(messageOf({ dist: 'exponential', mean: '-5ms' })).toBe(
      'Expected `workload.serviceTime.mean` to be a duration > 0, got `-5ms`',
    );
    expect(messageOf({ dist: 'exponential', mean: '0s' })).toBe(
      'Expected `workload.serviceTime.mean` to be a duration > 0, got `0s`',
    );
    expect(messageOf({ dist: 'constant', value: -1 }, 'number')).toBe(
      'Expected `workload.serviceTime.value` to be a number >= 0, got `-1`',
    );
  });

  it('rejects p99 below the median and max below min, naming the other field', () => {
    expect(messageOf({ dist: 'lognormal', median: '20ms', p99: '2ms' })).toBe(
      'Expected `workload.serviceTime.p99` to be a duration >= `workload.serviceTime.median` (20ms), got `2ms`',
    );
    expect(messageOf({ dist: 'uniform', min: 5, max: 1 }, 'number')).toBe(
      'Expected `workload.serviceTime.max` to be a number >= `workload.serviceTime.min` (5), got `1`',
    );
  });

  it('rejects alpha <= 0, alpha written as text, and a bounded Pareto from 0', () => {
    expect(messageOf({ dist: 'boundedPareto', min: '1ms', max: '1s', alpha: 0 })).toBe(
      'Expected `workload.serviceTime.alpha` to be a number > 0, got `0`',
    );
    expect(messageOf({ dist: 'boundedPareto', min: '1ms', max: '1s', alpha: 'steep' })).toBe(
      'Expected `workload.serviceTime.alpha` to be a number, got `steep`',
    );
    expect(messageOf({ dist: 'boundedPareto', min: '0', max: '1s', alpha: 1 })).toBe(
      'Expected `workload.serviceTime.min` to be a duration > 0, got `0`',
    );
  });

  it('rejects an empty values list and a bad value by its index', () => {
    expect(messageOf({ dist: 'empirical', values: [] })).toBe(
      'Expected `workload.serviceTime.values` to be a non-empty list of durations, got `[]`',
    );
    expect(messageOf({ dist: 'empirical', values: ['1ms', 3] })).toBe(
      `Expected \`workload.serviceTime.values[1]\` to be ${DURATION}, got \`3\``,
    );
  });

  it('throws only InputError, whatever it is given', () => {
    const field = fc.oneof(fc.anything(), fc.constantFrom('2ms', '-1s', '0', 3, -2, [], ['1ms']));
    const dist = fc.oneof(fc.constantFrom(...DISTRIBUTION_NAMES), fc.string());
    const names = ['value', 'mean', 'median', 'p99', 'min', 'max', 'alpha', 'values'];
    const fields = Object.fromEntries(names.map((name) => [name, field]));
    const record = fc.record({ dist, ...fields }, { requiredKeys: ['dist'] });
    const unit = fc.constantFrom<DistributionUnit>('duration', 'number');
    fc.assert(
      fc.property(fc.oneof(record, fc.anything()), unit, (raw, unitOfRaw) => {
        try {
          parse(raw, unitOfRaw);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { seed: 9, numRuns: 2000 },
    );
  });
});
