import { describe, expect, it } from 'vitest';
import { outputPaths } from '../output/output-files.js';
import { messageOf } from '../testing/experiment-fixtures.js';
import { parseOnly, parseShard, selectionInfix, selectRuns } from './run-selection.js';

const indices = (selection: Parameters<typeof selectRuns>[0]): number[] => selectRuns(selection, 7, 2).map((run) => run.index);

describe('run selections', () => {
  it('gives shard K of N the runs whose index is K-1 modulo N, so the shards partition the runs', () => {
    expect(indices(parseShard('1/3'))).toEqual([0, 3, 6, 9, 12]);
    expect(indices(parseShard('3/3'))).toEqual([2, 5, 8, 11]);
    const all = [1, 2, 3].flatMap((k) => indices(parseShard(`${k}/3`))).sort((a, b) => a - b);
    expect(all).toEqual(indices({ kind: 'all' }));
  });

  it('takes the union of several --only, a whole point or one run each', () => {
    expect(indices(parseOnly(['3'], 7, 2))).toEqual([6, 7]);
    expect(indices(parseOnly(['6/1', '0', '6/1'], 7, 2))).toEqual([0, 1, 13]);
  });

  it('names the files by inserting .part-K-of-N or .only-… before .csv, several --only in point order', () => {
    expect(outputPaths('x', undefined, '/w', parseShard('2/3'))).toEqual({ csv: '/w/results/x.part-2-of-3.csv', meta: '/w/results/x.part-2-of-3.meta.json' });
    expect(outputPaths('x', 'out/y.csv', '/w', parseOnly(['12'], 20, 2)).summary).toBe('/w/out/y.only-12.summary.csv');
    expect(selectionInfix(parseOnly(['12/0'], 20, 2))).toBe('.only-12-0');
    expect(selectionInfix(parseOnly(['12', '3/1', '12/1'], 20, 2))).toBe('.only-3-1.only-12');
  });

  it('rejects an --only outside the experiment, or malformed', () => {
    expect(messageOf(() => parseOnly(['7'], 7, 2))).toBe('--only 7: Expected a point from 0 to 6, got `7`');
    expect(messageOf(() => parseOnly(['6/2'], 7, 2))).toBe('--only 6/2: Expected a replication from 0 to 1, got `2`');
    expect(messageOf(() => parseOnly(['a'], 7, 2))).toBe('--only a: Expected `--only POINT` or `--only POINT/REPLICATION` (e.g. `12` or `12/0`), got `a`');
  });
});
