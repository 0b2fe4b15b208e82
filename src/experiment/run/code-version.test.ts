import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../testing/experiment-fixtures.js';
import { BUILD_COMMIT_FILE, packageRoot, readCodeVersion } from './code-version.js';

describe('readCodeVersion', () => {
  it('labels the version with the commit, and -dirty for a changed tree, in a git work tree', () => {
    const version = readCodeVersion();
    if (version.gitCommit === null) return; // an unpacked release has no git: covered below
    expect(version.gitCommit).toMatch(/^[0-9a-f]{40}$/);
    expect(version.label).toBe(`${version.version}+${version.gitCommit.slice(0, 12)}${version.dirty ? '-dirty' : ''}`);
  });

  it('gives the version alone where the package has no git work tree of its own', () => {
    const root = temporaryFolder();
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'eastwest', version: '9.9.9' }));
    expect(readCodeVersion(root)).toEqual({ version: '9.9.9', gitCommit: null, dirty: false, label: '9.9.9' });
  });

  it('takes the commit an image was built from out of build-commit, and ignores one that is not a commit id', () => {
    const root = temporaryFolder();
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'eastwest', version: '9.9.9' }));
    writeFileSync(join(root, BUILD_COMMIT_FILE), '3A67D44C0FFEE0123456789abcdef0123456789a\n');
    expect(readCodeVersion(root)).toEqual({
      version: '9.9.9',
      gitCommit: '3a67d44c0ffee0123456789abcdef0123456789a',
      dirty: false,
      label: '9.9.9+3a67d44c0ffe',
    });
    writeFileSync(join(root, BUILD_COMMIT_FILE), 'unknown\n');
    expect(readCodeVersion(root).label).toBe('9.9.9');
  });

  it('finds the package root above a nested folder', () => {
    const root = temporaryFolder();
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'eastwest', version: '1.0.0' }));
    mkdirSync(join(root, 'dist/src/experiment'), { recursive: true });
    expect(packageRoot(join(root, 'dist/src/experiment'))).toBe(root);
  });
});
