import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-rows.js';
import { toCsv } from './results-csv.js';

describe('parseCsv', () => {
  it('reads back what toCsv writes, quotes, commas, empty fields and line breaks included', () => {
    const rows = [
      ['experiment', 'point', 'workload.serviceTime'],
      ['x', '0', '{ dist: lognormal, median: 2ms, p99: 20ms }'],
      ['x', '', 'say "hi"\nthere'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it('reads a last line without a line end', () => {
    expect(parseCsv('a,b\n1,')).toEqual([['a', 'b'], ['1', '']]);
  });
});
