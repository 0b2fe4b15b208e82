import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, lineAndColumn } from './json-error-offset.js';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('jsonErrorOffset', () => {
  it('finds nothing wrong in any JSON that JSON.stringify writes, compact or indented', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, indented) => {
        expect(jsonErrorOffset(JSON.stringify(value, null, indented ? 2 : undefined))).toBeUndefined();
      }),
    );
  });

  it('agrees with JSON.parse on whether text is JSON, for text made of JSON pieces', () => {
    const piece = fc.constantFrom('{', '}', '[', ']', ',', ':', ' ', '\n', '"a"', '"\\q"', '"\\u00e9"', '1', '-0.5e3', '01', 'true', 'nul', 'x', '"', '\\');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(jsonErrorOffset(text) === undefined).toBe(parses(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('points at the first token that cannot continue the text', () => {
    expect(jsonErrorOffset('apiVersion: v1\nkind: List\n')).toBe(0);
    expect(jsonErrorOffset('{"a":1,}')).toBe(7);
    expect(jsonErrorOffset('{"items": [1, x]}')).toBe(14);
    expect(jsonErrorOffset('{"a": 1} {"b": 2}')).toBe(9);
    expect(jsonErrorOffset('{"a": nullx}')).toBe(6);
  });

  it('gives the length of text that ends too early', () => {
    expect(jsonErrorOffset('{"items": [')).toBe(11);
    expect(jsonErrorOffset('')).toBe(0);
  });
});

describe('lineAndColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
  });
});
