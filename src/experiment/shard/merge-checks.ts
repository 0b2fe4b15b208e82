import { formatDuration } from '../../engine/time.js';
import { InputError } from '../../input-error.js';
import type { ShardPart } from './shard-part.js';

/**
 * The checks `eastwest merge` makes before reading any row (docs/design.md, Contracts): every part is of
 * the same experiment (hash) and code version, all split into the same number of shards, all
 * with the same time series (none, or buckets of one width), all with a class table or none, all with every parameter as a
 * column (`--all-params`) or none, and each shard from 1 to N is
 * given exactly once. Each refusal names the parts involved.
 */
export function checkPartsAgree(parts: readonly ShardPart[]): void {
  if (parts.length === 0) throw new InputError('eastwest merge: Expected the part files (X.part-K-of-N.csv), got nothing (see `eastwest merge --help`)');
  const [first] = parts;
  for (const part of parts) {
    if (part.meta.experimentHash !== first.meta.experimentHash) throw foreign(first, part);
    if (part.meta.codeVersion !== first.meta.codeVersion) {
      throw new InputError(
        `${part.name} was written by eastwest ${part.meta.codeVersion}, but ${first.name} by eastwest ${first.meta.codeVersion}; ` +
          'merge only parts of one code version (rerun the odd shard with the others\' version)',
      );
    }
    if (part.of !== first.of) throw new InputError(`${part.name} is a part of ${part.of} shards, but ${first.name} of ${first.of}; merge the parts of one split`);
    if (part.timeseries?.bucketWidth !== first.timeseries?.bucketWidth) throw differentTimeseries(first, part);
    if ((part.classes === undefined) !== (first.classes === undefined)) throw differentClasses(first, part);
    if ((part.meta.allParams === true) !== (first.meta.allParams === true)) throw differentColumns(first, part);
  }
  rejectDuplicates(parts);
  rejectMissing(parts);
}

function foreign(first: ShardPart, part: ShardPart): InputError {
  const describe = (p: ShardPart): string => `experiment \`${p.meta.experiment}\` (hash ${p.meta.experimentHash.slice(0, 12)}…)`;
  return new InputError(
    `${part.name} is from ${describe(part)}, but ${first.name} is from ${describe(first)}; merge only parts of one experiment, ` +
      'run with the same file and --set options',
  );
}

/** A merged X.timeseries.csv needs every run's buckets, all of one width. */
function differentTimeseries(first: ShardPart, part: ShardPart): InputError {
  const describe = (p: ShardPart): string =>
    p.timeseries === undefined ? 'no time series' : `a time series in buckets of ${formatDuration(p.timeseries.bucketWidth)}`;
  return new InputError(
    `${part.name} has ${describe(part)}, but ${first.name} has ${describe(first)}; ` +
      'merge only parts run with the same --timeseries (rerun the odd shards with it)',
  );
}

/** Parts of one code version have a class table alike, unless a part's files were moved or removed since. */
function differentClasses(first: ShardPart, part: ShardPart): InputError {
  const describe = (p: ShardPart): string => (p.classes === undefined ? 'no class table' : 'a class table');
  return new InputError(`${part.name} has ${describe(part)}, but ${first.name} has ${describe(first)}; merge only parts written alike (rerun the odd shards)`);
}

/** A part's rows are read by its columns, and one merged CSV has one set of them. */
function differentColumns(first: ShardPart, part: ShardPart): InputError {
  const describe = (p: ShardPart): string => (p.meta.allParams === true ? 'was run with --all-params' : 'was run without --all-params');
  return new InputError(
    `${part.name} ${describe(part)}, but ${first.name} ${describe(first)}; merge only parts run alike ` +
      '(rerun the odd shards; `eastwest merge --all-params` adds every parameter to parts run without it)',
  );
}

function rejectDuplicates(parts: readonly ShardPart[]): void {
  const byShard = new Map<number, ShardPart>();
  for (const part of parts) {
    const earlier = byShard.get(part.shard);
    if (earlier !== undefined) {
      const names = earlier.name === part.name ? `twice as ${part.name}` : `twice: ${earlier.name} and ${part.name}`;
      throw new InputError(`Shard ${part.shard} of ${part.of} is given ${names}; give each part once`);
    }
    byShard.set(part.shard, part);
  }
}

function rejectMissing(parts: readonly ShardPart[]): void {
  const { of, name } = parts[0];
  const given = new Set(parts.map((part) => part.shard));
  const missing = Array.from({ length: of }, (_, i) => i + 1).filter((shard) => !given.has(shard));
  if (missing.length === 0) return;
  const expected = missing.map((shard) => name.replace(/\.part-\d+-of-\d+\.csv$/, `.part-${shard}-of-${of}.csv`));
  const shards = missing.length === 1 ? `Shard ${missing[0]} of ${of} is missing` : `Shards ${missing.join(', ')} of ${of} are missing`;
  throw new InputError(`${shards} (expected ${expected.join(', ')}); a merge needs every part`);
}
