import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileChecksum, lineChecksum, lineChecksums, sealJson, textLines, unsealJson } from './checksum.js';

describe('checksums', () => {
  it('are the first 16 hex digits of the SHA-256 for a line, and the whole SHA-256 for a file', () => {
    // SHA-256("abc"), FIPS 180-2 appendix B.1.
    expect(fileChecksum('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(lineChecksum('abc')).toBe('ba7816bf8f01cfea');
  });

  it('count the lines of a file ending in a newline, and of one that does not', () => {
    expect(textLines('a,b\n1,2\n')).toEqual(['a,b', '1,2']);
    expect(textLines('a,b\n1,2')).toEqual(['a,b', '1,2']);
    expect(lineChecksums('a\n\nb\n')).toEqual(['a', '', 'b'].map(lineChecksum));
  });

  it('seal a JSON object as one JSON object with its checksum last, and give back its exact text', () => {
    const json = JSON.stringify({ run: 1, metrics: { a: 117 } });
    const sealed = sealJson(json);
    expect(JSON.parse(sealed)).toEqual({ run: 1, metrics: { a: 117 }, sum: lineChecksum(json) });
    expect(unsealJson(sealed)).toEqual({ ok: true, json });
  });

  it('catch a value edited, a digit flipped, two values swapped, a value deleted and a missing checksum', () => {
    const sealed = sealJson(JSON.stringify({ metrics: { a: 117, b: 2.5, c: 9 } }));
    for (const edited of [
      sealed.replace('117', '118'),
      sealed.replace('2.5', '2.6'),
      sealed.replace('"a":117,"b":2.5', '"a":2.5,"b":117'),
      sealed.replace(',"c":9', ''),
    ]) {
      expect(unsealJson(edited)).toEqual({ ok: false, reason: 'checksum fails' });
    }
    expect(unsealJson(JSON.stringify({ metrics: { a: 117 } }))).toEqual({ ok: false, reason: 'no checksum' });
  });

  it('catch any single changed character of a sealed line', () => {
    const sealed = sealJson(JSON.stringify({ run: 3, metrics: { requests: 488, latency: 3.7267753140089055 }, warnings: [] }));
    fc.assert(
      fc.property(fc.nat(sealed.length - 1), fc.integer({ min: 32, max: 126 }), (at, code) => {
        fc.pre(sealed.charCodeAt(at) !== code);
        const edited = `${sealed.slice(0, at)}${String.fromCharCode(code)}${sealed.slice(at + 1)}`;
        expect(unsealJson(edited).ok).toBe(false);
      }),
    );
  });
});
