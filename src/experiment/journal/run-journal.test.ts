import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRuns, type RunRecord } from '../run/experiment-runs.js';
import { temporaryFolder, messageOf } from '../testing/experiment-fixtures.js';
import { sealJson, unsealJson } from './checksum.js';
import { decodeRecord, encodeRecord } from './journal-lines.js';
import { openRunJournal, type JournalIdentity } from './run-journal.js';

const IDENTITY: JournalIdentity = { experiment: 'small', experimentHash: 'a'.repeat(64), codeVersion: '0.1.0+abc', file: 'small.yaml' };
const RUNS = listRuns(3, 2);

function record(index: number, metrics: RunRecord['metrics'] = { x: index / 3 }): RunRecord {
  return { run: RUNS[index], metrics, warnings: [`warning ${index}`], events: 100 + index, buildSeconds: 0.01, runSeconds: 0.5, worker: index % 2 };
}

function journalWith(records: readonly RunRecord[], identity = IDENTITY): string {
  const path = join(temporaryFolder(), 'x.csv.journal');
  const { journal } = openRunJournal(path, identity, RUNS, false);
  for (const each of records) journal.add(each);
  journal.close();
  return path;
}

/** Runs asked for a time series in buckets of 1 s. */
const TIMESERIES_IDENTITY: JournalIdentity = { ...IDENTITY, timeseriesBucket: 1e9 };
const timeseriesJournalWith = (records: readonly RunRecord[]): string => journalWith(records, TIMESERIES_IDENTITY);

function withSeries(index: number): RunRecord {
  return { ...record(index), timeseries: [0, 1].map((bucket) => ({ bucket, values: { requests: index + bucket, latency: bucket === 0 ? undefined : 0.5 } })) };
}

describe('journal lines', () => {
  it('give back the very same record, empty and non-finite metrics included', () => {
    const original = record(1, { a: 0.1 + 0.2, empty: undefined, nan: NaN, big: Infinity, small: -Infinity, tiny: 5e-324 });
    expect(decodeRecord(encodeRecord(original))).toEqual(original);
  });

  it('give back a run\'s time series, empty and non-finite values included', () => {
    const timeseries = [{ bucket: 0, values: { requests: 3, latency: 0.1 + 0.2 } }, { bucket: 1, values: { requests: 0, latency: undefined, odd: NaN } }];
    const decoded = decodeRecord(encodeRecord({ ...record(1), timeseries }));
    expect(decoded.timeseries).toEqual(timeseries);
    expect(Object.keys(decoded.timeseries![1].values)).toEqual(['requests', 'latency', 'odd']);
  });

  it('give back a run\'s class rows after its time series, names and empty values included', () => {
    const timeseries = [{ bucket: 0, values: { requests: 3 } }];
    const classes = [{ name: 'gold', values: { requests: 3, latency: undefined } }, { name: 'bronze, "batch"', values: { requests: 0, latency: NaN } }];
    const line = encodeRecord({ ...record(1), timeseries, classes });
    expect(Object.keys(JSON.parse(line)).slice(-3)).toEqual(['timeseries', 'classes', 'sum']);
    const decoded = decodeRecord(line);
    expect(decoded.classes).toEqual(classes);
    expect(decoded.timeseries).toEqual(timeseries);
  });

  it('say what is wrong with class rows that are not rows', () => {
    const plain = unsealJson(encodeRecord(record(1)));
    if (!plain.ok) throw new Error('the record did not seal');
    const sealed = (classes: unknown): string => sealJson(JSON.stringify({ ...JSON.parse(plain.json), classes }));
    expect(messageOf(() => decodeRecord(sealed('gold')))).toBe('`classes` is not a list');
    expect(messageOf(() => decodeRecord(sealed([{ name: 1, values: {} }])))).toBe('`classes[0].name` is not a string');
    expect(messageOf(() => decodeRecord(sealed([{ name: 'gold', values: null }])))).toBe('`classes[0].values` is not an object');
  });

  it('have no time-series field for a run without one, as before time series existed', () => {
    const line = encodeRecord(record(1));
    expect(JSON.parse(line)).not.toHaveProperty('timeseries');
    expect(decodeRecord(line)).not.toHaveProperty('timeseries');
  });
});

describe('openRunJournal', () => {
  it('starts a journal with a header line naming the experiment hash and code version', () => {
    const path = journalWith([record(0)]);
    const [header, first] = readFileSync(path, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(header).toMatchObject({ journal: 'eastwest run journal', experiment: 'small', experimentHash: IDENTITY.experimentHash, codeVersion: '0.1.0+abc', runs: 6 });
    expect(first).toMatchObject({ run: 0, point: 0, replication: 0, metrics: { x: 0 }, worker: 0 });
  });

  it('refuses an existing journal without --resume, telling the user what to do', () => {
    const path = journalWith([record(0)]);
    expect(messageOf(() => openRunJournal(path, IDENTITY, RUNS, false))).toBe(
      `${path} exists: an earlier run of this output stopped before it finished, and its finished runs are kept there. ` +
        'Pass --resume to run only the missing runs, or remove the journal to start over',
    );
  });

  it('reads the finished runs back on --resume and appends after them', () => {
    const path = journalWith([record(0), record(3)]);
    const { journal, finished } = openRunJournal(path, IDENTITY, RUNS, true);
    expect(finished).toEqual([record(0), record(3)]);
    journal.add(record(5));
    journal.close();
    expect(openRunJournal(path, IDENTITY, RUNS, true).finished.map((each) => each.run.index)).toEqual([0, 3, 5]);
  });

  it('ignores a torn last line and cuts it off, so the next run appends on a line of its own', () => {
    const path = journalWith([record(0), record(1)]);
    appendFileSync(path, encodeRecord(record(2)).slice(0, 25));
    const { journal, finished } = openRunJournal(path, IDENTITY, RUNS, true);
    expect(finished.map((each) => each.run.index)).toEqual([0, 1]);
    journal.add(record(2));
    journal.close();
    expect(openRunJournal(path, IDENTITY, RUNS, true).finished.map((each) => each.run.index)).toEqual([0, 1, 2]);
  });

  it('starts over when --resume finds no journal, or one killed before its header was written', () => {
    const folder = temporaryFolder();
    expect(openRunJournal(join(folder, 'none.csv.journal'), IDENTITY, RUNS, true).finished).toEqual([]);
    writeFileSync(join(folder, 'torn.csv.journal'), '{"journal":"eastw');
    expect(openRunJournal(join(folder, 'torn.csv.journal'), IDENTITY, RUNS, true).finished).toEqual([]);
    expect(readFileSync(join(folder, 'torn.csv.journal'), 'utf8')).toMatch(/^\{"journal":"eastwest run journal",.*\}\n$/);
  });

  it('refuses to resume a journal of another experiment hash, saying so', () => {
    const path = journalWith([record(0)]);
    const changed = { ...IDENTITY, experimentHash: 'b'.repeat(64) };
    expect(messageOf(() => openRunJournal(path, changed, RUNS, true))).toBe(
      `${path}: cannot resume: the journal was written for experiment hash aaaaaaaaaaaa…, but small.yaml now resolves to ` +
        'bbbbbbbbbbbb… (the experiment file or a --set changed since); remove the journal to start over',
    );
  });

  it('refuses to resume a journal of another code version, saying so', () => {
    const path = journalWith([record(0)]);
    expect(messageOf(() => openRunJournal(path, { ...IDENTITY, codeVersion: '0.2.0' }, RUNS, true))).toBe(
      `${path}: cannot resume: the journal was written by eastwest 0.1.0+abc, this is eastwest 0.2.0 ` +
        '(results of two code versions must not mix); remove the journal to start over',
    );
  });

  it('records the time-series width in the header only when there is one', () => {
    const header = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8').split('\n')[0]);
    expect(header(journalWith([]))).not.toHaveProperty('timeseriesBucketNs');
    expect(header(timeseriesJournalWith([]))).toMatchObject({ timeseriesBucketNs: 1e9 });
  });

  it('resumes a journal whose records carry the class rows the scenario calls for, and refuses one whose records lack them', () => {
    const classes = [{ name: 'gold', values: { requests: 1 } }];
    const path = journalWith([{ ...record(0), classes }]);
    expect(openRunJournal(path, { ...IDENTITY, classes: true }, RUNS, true).finished.map((each) => each.classes)).toEqual([classes]);
    const bare = journalWith([record(0)]);
    expect(messageOf(() => openRunJournal(bare, { ...IDENTITY, classes: true }, RUNS, true))).toBe(
      `${bare}:2: cannot resume: not a run record (it has no \`classes\`, which the scenario's class columns call for); remove the journal to start over`,
    );
  });

  it('resumes a journal with the same time-series width, each run with its rows', () => {
    const path = timeseriesJournalWith([withSeries(0), withSeries(4)]);
    expect(openRunJournal(path, TIMESERIES_IDENTITY, RUNS, true).finished).toEqual([withSeries(0), withSeries(4)]);
  });

  it('refuses to resume with another time-series width, or with one where the journal had none and the other way round', () => {
    const refusal = (path: string, what: string): string =>
      `${path}: cannot resume: ${what} (resume with the --timeseries of the run that stopped); remove the journal to start over`;
    const timed = timeseriesJournalWith([withSeries(0)]);
    expect(messageOf(() => openRunJournal(timed, { ...IDENTITY, timeseriesBucket: 5e8 }, RUNS, true))).toBe(
      refusal(timed, 'the journal was written with --timeseries 1s, but this run asks for --timeseries 500ms'),
    );
    expect(messageOf(() => openRunJournal(timed, IDENTITY, RUNS, true))).toBe(refusal(timed, 'the journal was written with --timeseries 1s, but this run has no --timeseries'));
    const plain = journalWith([record(0)]);
    expect(messageOf(() => openRunJournal(plain, TIMESERIES_IDENTITY, RUNS, true))).toBe(
      refusal(plain, 'the journal was written without --timeseries, but this run asks for --timeseries 1s'),
    );
  });

  it('refuses a run without its time series in a journal whose header promises one', () => {
    const path = timeseriesJournalWith([withSeries(0)]);
    appendFileSync(path, `${encodeRecord(record(1))}\n`);
    expect(messageOf(() => openRunJournal(path, TIMESERIES_IDENTITY, RUNS, true))).toBe(
      `${path}:3: cannot resume: not a run record (it has no \`timeseries\`, which the journal's header promises); remove the journal to start over`,
    );
  });

  it('leaves out a record whose checksum fails or is missing, saying where, so its run is run again', () => {
    const path = journalWith([record(0, { x: 117 }), record(1), record(2), record(3)]);
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[1] = lines[1].replace('"x":117', '"x":118');
    lines[3] = lines[3].replace(/,"sum":"[0-9a-f]{16}"\}$/, '}');
    writeFileSync(path, lines.join('\n'));
    const { finished, damaged } = openRunJournal(path, IDENTITY, RUNS, true);
    expect(finished.map((each) => each.run.index)).toEqual([1, 3]);
    expect(damaged.map((each) => each.message)).toEqual([
      `${path}:2: run record not trusted: its checksum fails (edited or damaged); running its run again (it says run 0: point 0, replication 0)`,
      `${path}:4: run record not trusted: it has no checksum; running its run again (it says run 2: point 1, replication 0)`,
    ]);
  });

  it('refuses to resume a journal whose header fails its checksum, keeping the journal', () => {
    const path = journalWith([record(0)]);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"runs":6', '"runs":7'));
    expect(messageOf(() => openRunJournal(path, IDENTITY, RUNS, true))).toBe(
      `${path}:1: cannot resume: the journal's header fails its checksum (it was edited or damaged), so what its runs belong to is unknown; remove the journal to start over`,
    );
    expect(existsSync(path)).toBe(true);
  });

  it('refuses, and leaves as it is, a file at the journal path that is not a journal, torn last line or not', () => {
    const folder = temporaryFolder();
    for (const [name, text] of [['notes.csv.journal', 'my notes, no newline'], ['data.csv.journal', 'a,b\n1,2\n3,']]) {
      const path = join(folder, name);
      writeFileSync(path, text);
      expect(messageOf(() => openRunJournal(path, IDENTITY, RUNS, true))).toBe(
        `${path}: cannot resume: the file there is not an eastwest run journal (its first line is not a journal header); it is left as it is: move it away, or choose another --out`,
      );
      expect(readFileSync(path, 'utf8')).toBe(text);
    }
  });

  it('refuses a journal line that is not a run this output needs', () => {
    const path = journalWith([record(0)]);
    appendFileSync(path, `${encodeRecord(record(0))}\n`);
    expect(messageOf(() => openRunJournal(path, IDENTITY, RUNS, true))).toBe(
      `${path}:3: cannot resume: run 0 is not one this output needs, or is there twice; remove the journal to start over`,
    );
    expect(existsSync(path)).toBe(true);
  });
});
