import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRuns, type RunRecord } from '../run/experiment-runs.js';
import { temporaryFolder, messageOf } from '../testing/experiment-fixtures.js';
import { decodeRecord, encodeRecord } from './journal-lines.js';
import { openRunJournal, type JournalIdentity } from './run-journal.js';

const IDENTITY: JournalIdentity = { experiment: 'small', experimentHash: 'a'.repeat(64), codeVersion: '0.1.0+abc', file: 'small.yaml' };
const RUNS = listRuns(3, 2);

function record(index: number, metrics: RunRecord['metrics'] = { x: index / 3 }): RunRecord {
  return { run: RUNS[index], metrics, warnings: [`warning ${index}`], events: 100 + index, buildSeconds: 0.01, runSeconds: 0.5, worker: index % 2 };
}

function journalWith(records: readonly RunRecord[]): string {
  const path = join(temporaryFolder(), 'x.csv.journal');
  const { journal } = openRunJournal(path, IDENTITY, RUNS, false);
  for (const each of records) journal.add(each);
  journal.close();
  return path;
}

describe('journal lines', () => {
  it('give back the very same record, empty and non-finite metrics included', () => {
    const original = record(1, { a: 0.1 + 0.2, empty: undefined, nan: NaN, big: Infinity, small: -Infinity, tiny: 5e-324 });
    expect(decodeRecord(encodeRecord(original))).toEqual(original);
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

  it('refuses a journal line that is not a run this output needs', () => {
    const path = journalWith([record(0)]);
    appendFileSync(path, `${encodeRecord(record(0))}\n`);
    expect(messageOf(() => openRunJournal(path, IDENTITY, RUNS, true))).toBe(
      `${path}:3: cannot resume: run 0 is not one this output needs, or is there twice; remove the journal to start over`,
    );
    expect(existsSync(path)).toBe(true);
  });
});
