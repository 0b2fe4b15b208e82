import { closeSync, existsSync, fsyncSync, lstatSync, openSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { formatDuration, type Nanoseconds } from '../../engine/time.js';
import { InputError } from '../../input-error.js';
import { isThereButNotRegular, readRegularFile } from '../output/regular-file.js';
import type { RunId, RunRecord, RunTableName } from '../run/experiment-runs.js';
import { DamagedLineError, decodeHeader, decodeRecord, encodeHeader, encodeRecord, isTornHeader, JOURNAL_MARK, type JournalHeader } from './journal-lines.js';

/** `X.csv.journal`: where the finished runs of the output `X.csv` are kept until it is written. */
export function journalPath(csv: string): string {
  return `${csv}.journal`;
}

/**
 * Who may add to a journal: the same experiment (hash) run by the same code version, asking
 * for the same time series (none, or buckets of one width), so every run in it fits one output.
 */
export interface JournalIdentity {
  readonly experiment: string;
  readonly experimentHash: string;
  readonly codeVersion: string;
  /** The file the experiment came from, for messages. */
  readonly file: string;
  /** The `--timeseries` width; absent (or 0) without one. */
  readonly timeseriesBucket?: Nanoseconds;
  /**
   * Whether the scenario declares class columns, so every run record must carry its class
   * rows. Not in the header: the code version, which the header has, decides it.
   */
  readonly classes?: boolean;
}

export interface OpenedJournal {
  readonly journal: RunJournal;
  /** Runs found in the journal (none for a new one), in journal order. */
  readonly finished: RunRecord[];
  /** Records whose checksum failed: not trusted, so their runs are run again. */
  readonly damaged: readonly DamagedRecord[];
}

/** A journal line that was not trusted, for the message that says so. */
export interface DamagedRecord {
  /** `path:line`. */
  readonly where: string;
  /** `path:line: run record not trusted: its checksum fails (edited or damaged); running its run again (it says run 3: ...)` */
  readonly message: string;
}

/**
 * Opens the journal for an output whose runs are `runs` (docs/design.md, Contracts). Without `resume` an
 * existing journal is bad input: it holds finished work, which is never silently thrown
 * away. With `resume` the journal's runs are read (a torn last line, from a kill in the middle
 * of a write, is cut off) after checking it was written for the same experiment hash and code
 * version; a record whose checksum fails is left out (its run is run again) and reported in
 * `damaged`. A missing or empty journal starts a new one; a file there that is not a journal
 * is refused and left as it is. The journal is only ever opened for appending.
 */
export function openRunJournal(path: string, identity: JournalIdentity, runs: readonly RunId[], resume: boolean): OpenedJournal {
  const exists = existsSync(path);
  if (exists && isThereButNotRegular(path)) throw notAJournal(path, resume ? 'cannot resume' : 'cannot run', 'it is not a regular file: a device, a pipe or a folder');
  if (exists && !resume) throw startsAsJournal(readRegularFile(path)) ? journalExists(path) : notAJournal(path, 'cannot run');
  const lines = exists ? completeLines(path) : [];
  if (lines.length === 0) return { journal: RunJournal.create(path, identity, runs.length), finished: [], damaged: [] };
  checkIdentity(path, lines[0], identity);
  const { finished, damaged } = readRecords(path, lines.slice(1), runs, requiredTables(identity));
  return { journal: RunJournal.append(path, finished.length), finished, damaged };
}

/** An open journal: each append is written and flushed to disk before the next run is counted. */
export class RunJournal {
  private constructor(
    readonly path: string,
    private fd: number | undefined,
    private held: number,
  ) {}

  /** Finished runs in the journal, those read on resume included. */
  get runs(): number {
    return this.held;
  }

  static create(path: string, identity: JournalIdentity, runCount: number): RunJournal {
    const header: JournalHeader = {
      journal: JOURNAL_MARK,
      experiment: identity.experiment,
      experimentHash: identity.experimentHash,
      codeVersion: identity.codeVersion,
      runs: runCount,
      createdAt: new Date().toISOString(),
      ...(identity.timeseriesBucket ? { timeseriesBucketNs: identity.timeseriesBucket } : {}),
    };
    // Append only: 'ax' for a new journal; 'a' when a resume found an empty one (killed before its
    // header was flushed; completeLines cut the torn header off), which the lock makes ours alone.
    const fresh = lstatSync(path, { throwIfNoEntry: false }) === undefined;
    let journal: RunJournal | undefined;
    try {
      journal = new RunJournal(path, openSync(path, fresh ? 'ax' : 'a'), 0);
      journal.writeLine(encodeHeader(header));
      return journal;
    } catch (error) {
      // Found before any run: bad output (exit 2), and a journal that could not be started leaves nothing behind.
      journal?.close();
      if (fresh && journal !== undefined) rmSync(path, { force: true });
      throw new InputError(`Cannot start the journal ${path}: ${(error as Error).message.split('\n')[0]}`);
    }
  }

  static append(path: string, held: number): RunJournal {
    return new RunJournal(path, openSync(path, 'a'), held);
  }

  add(record: RunRecord): void {
    this.writeLine(encodeRecord(record));
    this.held += 1;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** After the results are written: the journal has nothing left to keep. */
  remove(): void {
    this.close();
    rmSync(this.path, { force: true });
  }

  private writeLine(line: string): void {
    if (this.fd === undefined) throw new Error(`The journal ${this.path} is closed`);
    writeSync(this.fd, `${line}\n`);
    fsyncSync(this.fd);
  }
}

/**
 * The journal's complete lines; a torn last line (no newline yet) is cut off the file. A file
 * whose first line is not a journal header is refused before anything is cut, so a file of
 * something else at the journal path is never changed.
 */
function completeLines(path: string): string[] {
  const bytes = readRegularFile(path);
  const end = bytes.lastIndexOf(0x0a) + 1;
  if (!startsAsJournal(bytes)) throw notAJournal(path);
  if (end < bytes.length) truncateSync(path, end);
  return end === 0 ? [] : bytes.subarray(0, end - 1).toString('utf8').split('\n');
}

function notAJournal(path: string, what = 'cannot resume', why = 'its first line is not a journal header'): InputError {
  return new InputError(
    `${path}: ${what}: the file there is not an eastwest run journal (${why}); ` +
      'it is left as it is: move it away, or choose another --out',
  );
}

/** Whether a file at a journal path starts as a journal does (a header, or a header cut short). */
function startsAsJournal(bytes: Buffer): boolean {
  const end = bytes.indexOf(0x0a);
  const first = bytes.subarray(0, end < 0 ? bytes.length : end).toString('utf8');
  return end < 0 ? isTornHeader(first) : decodeHeader(first).kind !== 'foreign';
}

function checkIdentity(path: string, firstLine: string, identity: JournalIdentity): void {
  const read = decodeHeader(firstLine);
  if (read.kind === 'foreign') throw notAJournal(path);
  if (read.kind === 'damaged') {
    const what = read.reason === 'no checksum' ? 'has no checksum' : 'fails its checksum (it was edited or damaged)';
    throw new InputError(`${path}:1: cannot resume: the journal's header ${what}, so what its runs belong to is unknown; remove the journal to start over`);
  }
  const { header } = read;
  const refuse = (what: string): InputError => new InputError(`${path}: cannot resume: ${what}; remove the journal to start over`);
  if (header.experimentHash !== identity.experimentHash) {
    throw refuse(
      `the journal was written for experiment hash ${header.experimentHash.slice(0, 12)}…, but ${identity.file} now resolves to ` +
        `${identity.experimentHash.slice(0, 12)}… (the experiment file or a --set changed since)`,
    );
  }
  if (header.codeVersion !== identity.codeVersion) {
    throw refuse(`the journal was written by eastwest ${header.codeVersion}, this is eastwest ${identity.codeVersion} (results of two code versions must not mix)`);
  }
  const [had, asked] = [header.timeseriesBucketNs || undefined, identity.timeseriesBucket || undefined];
  if (had !== asked) {
    const journal = had === undefined ? 'without --timeseries' : `with --timeseries ${formatDuration(had)}`;
    const run = asked === undefined ? 'has no --timeseries' : `asks for --timeseries ${formatDuration(asked)}`;
    throw refuse(`the journal was written ${journal}, but this run ${run} (resume with the --timeseries of the run that stopped)`);
  }
}

/** The tables of rows per run each record must carry, and what calls for each (for the message when one lacks it). */
function requiredTables(identity: JournalIdentity): [RunTableName, string][] {
  const required: [RunTableName, string][] = [];
  if (identity.timeseriesBucket) required.push(['timeseries', "the journal's header promises"]);
  if (identity.classes === true) required.push(['classes', "the scenario's class columns call for"]);
  return required;
}

function readRecords(path: string, lines: readonly string[], runs: readonly RunId[], required: readonly [RunTableName, string][]): { finished: RunRecord[]; damaged: DamagedRecord[] } {
  const expected = new Map(runs.map((run) => [run.index, run]));
  const seen = new Set<number>();
  const finished: RunRecord[] = [];
  const damaged: DamagedRecord[] = [];
  lines.forEach((line, i) => {
    const where = `${path}:${i + 2}`;
    let record: RunRecord;
    try {
      record = decodeRecord(line);
      const lacking = required.find(([table]) => record[table] === undefined);
      if (lacking !== undefined) throw new Error(`it has no \`${lacking[0]}\`, which ${lacking[1]}`);
    } catch (error) {
      if (error instanceof DamagedLineError) {
        const why = error.reason === 'no checksum' ? 'it has no checksum' : 'its checksum fails (edited or damaged)';
        damaged.push({ where, message: `${where}: run record not trusted: ${why}; running its run again${claimedRun(line)}` });
        return;
      }
      throw new InputError(`${where}: cannot resume: not a run record (${(error as Error).message}); remove the journal to start over`);
    }
    const run = expected.get(record.run.index);
    if (run === undefined || run.point !== record.run.point || run.replication !== record.run.replication || seen.has(run.index)) {
      throw new InputError(`${where}: cannot resume: run ${record.run.index} is not one this output needs, or is there twice; remove the journal to start over`);
    }
    seen.add(run.index);
    finished.push(record);
  });
  return { finished, damaged };
}

/** ` (it says run 3: point 1, replication 1)` when the damaged line still says which run it was: a hint, not trusted either. */
function claimedRun(line: string): string {
  const match = /^\{"run":(\d+),"point":(\d+),"replication":(\d+),/.exec(line);
  return match === null ? '' : ` (it says run ${match[1]}: point ${match[2]}, replication ${match[3]})`;
}

function journalExists(path: string): InputError {
  return new InputError(
    `${path} exists: an earlier run of this output stopped before it finished, and its finished runs are kept there. ` +
      'Pass --resume to run only the missing runs, or remove the journal to start over',
  );
}
