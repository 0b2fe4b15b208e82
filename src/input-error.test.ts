import { describe, expect, it } from 'vitest';
import { InputError } from './input-error.js';

describe('InputError', () => {
  it('names the field, what was expected and what was found', () => {
    const error = new InputError('cluster.services', 'an integer >= 1', -3);
    expect(error.message).toBe('Expected `cluster.services` to be an integer >= 1, got `-3`');
    expect([error.path, error.expected, error.found]).toEqual(['cluster.services', 'an integer >= 1', -3]);
  });

  it('takes a message written whole, about no one field', () => {
    const error = new InputError('Unknown top-level key `sweeps`; did you mean `sweep`?');
    expect(error.message).toBe('Unknown top-level key `sweeps`; did you mean `sweep`?');
    expect(error.path).toBeUndefined();
  });

  it('puts the file or option in front of its message and keeps the field it is about', () => {
    const error = new InputError('cluster.services', 'an integer >= 1', -3).prefixed('x.yaml');
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('x.yaml: Expected `cluster.services` to be an integer >= 1, got `-3`');
    expect(error.path).toBe('cluster.services');
  });
});
