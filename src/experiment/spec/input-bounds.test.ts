import { existsSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageOf, resolveError, resolveText, temporaryFolder } from '../testing/experiment-fixtures.js';
import { MAX_EXPERIMENT_FILE_BYTES } from './bounded-read.js';
import { formatBytes } from './byte-size.js';
import { parseExperimentText, readExperimentFile } from './experiment-file.js';
import { MAX_LIST_ENTRIES, MAX_RUNS } from './resolved-experiment.js';
import { MAX_YAML_VALUES } from './yaml-bounds.js';

const HEAD = 'name: x\nduration: 10s\n';
const FOUR_HUNDRED_DIGITS = `1${'0'.repeat(399)}`;

/** A file of `bytes` bytes that costs no disk and no time: a sparse file. */
function sparseFile(bytes: number): string {
  const path = join(temporaryFolder(), 'huge.yaml');
  writeFileSync(path, '');
  truncateSync(path, bytes);
  return path;
}

/** Nine lists of nine aliases of the one before: 9^9 "lol"s if expanded (the "billion laughs"). */
function billionLaughs(): string {
  const lines = [HEAD.trimEnd(), 'l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 10; i++) lines.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

describe('the experiment file is read with a size limit', () => {
  it('refuses a regular file over the limit from its size, unread, naming the file and the limit', () => {
    const path = sparseFile(39 * 1024 * 1024);
    expect(messageOf(() => readExperimentFile(path, 'huge.yaml'))).toBe('huge.yaml: the experiment file is over the limit of 16 MiB: it is 39 MiB');
  });

  it('reads a file of exactly the limit and refuses one byte more (a smaller limit given)', () => {
    const path = join(temporaryFolder(), 'x.yaml');
    const text = (length: number) => `${HEAD}description: ${'a'.repeat(length - HEAD.length - 'description: \n'.length)}\n`;
    writeFileSync(path, text(1024));
    expect(readExperimentFile(path, 'x.yaml', 1024)).toMatchObject({ name: 'x' });
    writeFileSync(path, text(1025));
    expect(messageOf(() => readExperimentFile(path, 'x.yaml', 1024))).toBe('x.yaml: the experiment file is over the limit of 1 KiB: it is 1,025 bytes');
  });

  it(`has a default limit of ${formatBytes(MAX_EXPERIMENT_FILE_BYTES)}`, () => {
    expect(MAX_EXPERIMENT_FILE_BYTES).toBe(16 * 1024 * 1024);
  });

  it.skipIf(!existsSync('/dev/zero'))('refuses a device that never ends (/dev/zero, /dev/urandom) once the limit is read', () => {
    for (const device of ['/dev/zero', '/dev/urandom']) {
      expect(messageOf(() => readExperimentFile(device))).toBe(
        `${device}: the experiment file is over the limit of 16 MiB: reading it went past the limit (a device or a stream that does not end?)`,
      );
    }
  });

  it('names a folder given as the file', () => {
    const folder = temporaryFolder();
    expect(messageOf(() => readExperimentFile(folder, 'results'))).toBe('results: cannot read the experiment file (it is a directory)');
  });
});

describe('YAML is parsed within bounds', () => {
  it('refuses a "billion laughs" file at the alias limit', () => {
    expect(messageOf(() => parseExperimentText(billionLaughs(), 'x.yaml'))).toBe(
      'x.yaml: aliases (*name) expand the file too far (yaml\'s alias limit, maxAliasCount 100, was reached: a "billion laughs" file?)',
    );
  });

  it('keeps aliases that expand a little, as data', () => {
    const text = `${HEAD}scenario:\n  workload: { serviceTime: &t { dist: constant, value: 1ms } }\n  network: { sameNodeRtt: *t }\n`;
    expect(parseExperimentText(text, 'x.yaml')).toMatchObject({ scenario: { network: { sameNodeRtt: { dist: 'constant', value: '1ms' } } } });
  });

  it('refuses an alias inside itself and an alias with no anchor', () => {
    expect(messageOf(() => parseExperimentText(`${HEAD}sweep: &a { x: [*a] }\n`, 'x.yaml'))).toBe(
      'x.yaml: maps and lists are nested more than 64 deep (or an alias points into itself), over the limit',
    );
    expect(messageOf(() => parseExperimentText(`${HEAD}seed: *nowhere\n`, 'x.yaml'))).toBe(
      'x.yaml: malformed YAML: Unresolved alias (the anchor must be set before the alias): nowhere',
    );
  });

  it('refuses deep nesting', () => {
    const deep = `${HEAD}description: ${'['.repeat(100)}${']'.repeat(100)}\n`;
    expect(messageOf(() => parseExperimentText(deep, 'x.yaml'))).toContain('nested more than 64 deep');
  });

  it('counts values before parsing and refuses too many', () => {
    const list = Array.from({ length: MAX_YAML_VALUES }, (_, i) => i).join(',');
    const started = performance.now();
    expect(messageOf(() => parseExperimentText(`${HEAD}sweep:\n  cluster.services: [${list}]\n`, 'x.yaml'))).toBe(
      'x.yaml: the file has more than 250,000 values (numbers, strings, lists, maps), the limit; no experiment needs so many',
    );
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('the grid is sized from list lengths before it is built', () => {
  it(`refuses a sweep list of more than ${MAX_LIST_ENTRIES} entries, naming it`, () => {
    const list = Array.from({ length: MAX_LIST_ENTRIES + 1 }, (_, i) => i + 1).join(',');
    expect(resolveError(`${HEAD}sweep:\n  cluster.services: [${list}]\n`, { force: true })).toBe(
      'x.yaml: Expected `sweep.cluster.services` to be a list of at most 100,000 entries, got `100,001 entries`',
    );
  });

  it('refuses a grid over the hard limit even with --force, before expanding it', () => {
    const axis = (n: number, at: number) => `[${Array.from({ length: n }, (_, i) => i + at).join(',')}]`;
    const text = `${HEAD}sweep:\n  cluster.services: ${axis(1001, 1)}\n  workload.requestsPerSecond: ${axis(1000, 1)}\n`;
    expect(resolveError(text, { force: true })).toBe(
      `x.yaml: the grid has 1,001,000 runs (1,001,000 points × 1 replications), over the limit of ${MAX_RUNS.toLocaleString('en-US')} runs; even with --force; shrink the sweep or the replications`,
    );
  });

  it('refuses more replications than any grid may have runs', () => {
    expect(resolveError(`${HEAD}replications: 1e300\n`)).toBe('x.yaml: Expected `replications` to be an integer from 1 to 1000000, got `1e+300`');
  });
});

describe('numbers and durations are finite and within their maxima', () => {
  it('refuses a 400-digit duration wherever a duration is written', () => {
    expect(resolveError(`name: x\nduration: ${FOUR_HUNDRED_DIGITS}s\n`)).toBe(
      `x.yaml: Expected \`duration\` to be a duration > 0s and <= 720h, got \`${FOUR_HUNDRED_DIGITS}s\``,
    );
    expect(resolveError(`${HEAD}scenario:\n  workload: { idleTimeout: ${FOUR_HUNDRED_DIGITS}ms }\n`)).toBe(
      `x.yaml: Expected \`workload.idleTimeout\` to be a duration from 0s to 720h, got \`${FOUR_HUNDRED_DIGITS}ms\``,
    );
    expect(resolveError(`${HEAD}scenario:\n  workload: { serviceTime: { dist: constant, value: ${FOUR_HUNDRED_DIGITS}s } }\n`)).toBe(
      `x.yaml: Expected \`workload.serviceTime.value\` to be a duration of at most 720h (30 days), got \`${FOUR_HUNDRED_DIGITS}s\``,
    );
  });

  it('keeps warmup + duration within 30 days of simulated time', () => {
    expect(resolveError('name: x\nduration: 700h\nwarmup: 21h\n')).toBe(
      'x.yaml: Expected `duration` to be at most 699h with warmup 21h (warmup + duration is at most 720h, 30 days of simulated time), got `700h`',
    );
    expect(resolveText('name: x\nduration: 700h\nwarmup: 20h\n').header.duration).toBe(700 * 3600e9);
  });

  it('refuses a positive rate too small for any clock, and a number that is not finite', () => {
    expect(resolveError(`${HEAD}scenario:\n  workload: { requestsPerSecond: 1e-300 }\n`)).toBe(
      'x.yaml: Expected `workload.requestsPerSecond` to be a number > 0, at least 0.000001 per second when positive (one event in about 11.6 days; a run covers at most 720h), got `1e-300`',
    );
    expect(resolveError(`${HEAD}scenario:\n  workload: { requestsPerSecond: .inf }\n`)).toBe('x.yaml: Expected `workload.requestsPerSecond` to be a number > 0, got `Infinity`');
    expect(resolveError(`${HEAD}scenario:\n  workload: { requestsPerSecond: ${FOUR_HUNDRED_DIGITS} }\n`)).toBe(
      'x.yaml: Expected `workload.requestsPerSecond` to be a number > 0, got `Infinity`',
    );
  });
});

describe('formatBytes', () => {
  it('shows sizes in binary units, one decimal below 100', () => {
    expect([512, 1024, 16.1 * 1024 * 1024, 39 * 1024 ** 2, 150 * 1024 ** 3].map(formatBytes)).toEqual(['512 bytes', '1 KiB', '16.1 MiB', '39 MiB', '150 GiB']);
  });
});
