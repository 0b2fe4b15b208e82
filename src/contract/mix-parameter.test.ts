import { describe, expect, it } from 'vitest';
import { describeDefault, describeRange, parseParameterValue, type MixParameter } from './parameter-spec.js';

const NAME_FORM: MixParameter = {
  kind: 'mix',
  path: 'workload.nameForm',
  unit: 'form',
  default: 'short',
  choices: ['short', 'namespaced', 'external'],
  doc: 'How clients write names.',
  source: 'assumption',
};

describe('mix parameters', () => {
  it('reads one choice as all the weight on it', () => {
    expect(parseParameterValue(NAME_FORM, 'namespaced')).toEqual({ short: 0, namespaced: 1, external: 0 });
  });

  it('reads a map of weights as shares of every choice, summing to 1', () => {
    expect(parseParameterValue(NAME_FORM, { short: 3, external: 1 })).toEqual({ short: 0.75, namespaced: 0, external: 0.25 });
  });

  it('names the field and what was expected for an unknown choice, a negative weight or no weight at all', () => {
    expect(() => parseParameterValue(NAME_FORM, 'fqdn')).toThrow('Expected `workload.nameForm` to be one of short, namespaced, external, or a map of them to weights >= 0 with a positive total, got `fqdn`');
    expect(() => parseParameterValue(NAME_FORM, { shrt: 1 })).toThrow('Expected `workload.nameForm.shrt` to be one of short, namespaced, external, got `shrt`');
    expect(() => parseParameterValue(NAME_FORM, { short: -1 })).toThrow('Expected `workload.nameForm.short` to be a weight >= 0, got `-1`');
    expect(() => parseParameterValue(NAME_FORM, { short: 0 })).toThrow('with a positive total');
  });

  it('describes its range and default as a user writes them', () => {
    expect(describeRange(NAME_FORM)).toBe('short | namespaced | external, or a map of them to weights');
    expect(describeDefault({ ...NAME_FORM, default: { short: 0.9, external: 0.1 } })).toBe('{ short: 0.9, external: 0.1 }');
  });
});
