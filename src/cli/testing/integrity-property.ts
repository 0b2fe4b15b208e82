/**
 * The integrity property (issue 11), shared by src/cli/integrity-property.test.ts (a few
 * cases, in CI) and bench/integrity-soak.ts (many): for random valid experiments on the fake
 * model, what eastwest keeps between processes — a journal of a run stopped after k runs, the
 * parts of a sharded run — is damaged by random mutations (bits flipped, digits edited, lines
 * deleted, duplicated or swapped, the file cut short, garbage appended, two values swapped,
 * checksums edited, a part left out, given twice or removed), and `run --resume` or `merge`
 * must then end in one of three ways only:
 * - success, with the CSV, summary, time series and class table byte-identical to an uninterrupted run's
 *   (and the meta's warnings the same), saying on stderr only which journal records it did not
 *   trust and ran again;
 * - exit 2 with one line naming the damaged file (the journal, or a part's CSV, time series, class table or meta);
 * - never an exception, exit 1, a stack trace, an internal error, or a silently different result.
 * Each case runs in its own temporary folder, removed at its end. No vitest here, so the soak
 * runs it under plain tsx.
 */
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { fakeModel } from '../../experiment/testing/fake-model.js';
import { runCaptured, type CliOutcome } from './captured-cli.js';

/** A valid experiment for the fake model: a grid of Services × modes, maybe a case, some replications, maybe a time series, maybe class columns. */
export interface ExperimentShape {
  readonly seed: number;
  readonly replications: number;
  readonly services: readonly number[];
  readonly modes: readonly string[];
  readonly withCase: boolean;
  readonly nodeLocalCache: boolean;
  /** Requests per second; a high rate gives warnings (offered load >= 1), which journals and metas keep. */
  readonly rate: number;
  readonly duration: string;
  readonly timeseries: string | undefined;
  /** Whether the fake model declares class columns (so every run gives class rows and X.classes.csv is written). */
  readonly classes: boolean;
}

export const experimentShape: fc.Arbitrary<ExperimentShape> = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  replications: fc.integer({ min: 1, max: 3 }),
  services: fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 3 }),
  modes: fc.subarray(['iptables', 'ipvs', 'nftables', 'ebpf'], { minLength: 1, maxLength: 2 }),
  withCase: fc.boolean(),
  nodeLocalCache: fc.boolean(),
  rate: fc.constantFrom(5, 50, 333.3, 2000),
  duration: fc.constantFrom('2s', '10s', '7500ms'),
  timeseries: fc.constantFrom(undefined, '1s', '750ms'),
  classes: fc.boolean(),
});

function experimentText(shape: ExperimentShape): string {
  return stringify({
    name: 'x',
    seed: shape.seed,
    replications: shape.replications,
    duration: shape.duration,
    warmup: '1s',
    scenario: { workload: { requestsPerSecond: shape.rate }, dns: { nodeLocalCache: shape.nodeLocalCache } },
    sweep: { 'cluster.services': shape.services, 'proxy.mode': shape.modes },
    ...(shape.withCase ? { cases: [{ 'proxy.mode': 'ebpf', 'workload.serviceTime.median': '1ms' }] } : {}),
  });
}

function runCount(shape: ExperimentShape): number {
  return (shape.services.length * shape.modes.length + (shape.withCase ? 1 : 0)) * shape.replications;
}

/** A damage done to a file's bytes; positions are taken modulo what is there. */
export type Mutation =
  | { readonly kind: 'flip'; readonly at: number; readonly bit: number }
  | { readonly kind: 'digit'; readonly nth: number; readonly by: number }
  | { readonly kind: 'deleteLine'; readonly line: number }
  | { readonly kind: 'duplicateLine'; readonly line: number }
  | { readonly kind: 'swapLines'; readonly a: number; readonly b: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'append'; readonly text: string }
  | { readonly kind: 'swapValues'; readonly line: number; readonly a: number; readonly b: number }
  | { readonly kind: 'checksum'; readonly nth: number; readonly by: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string };

const GARBAGE = fc.oneof(
  fc.constantFrom('\n', 'garbage', 'garbage\n', '{}\n', '{"run":0}\n', '\u0000\u0000\u0000', '\n\n', ',', '"sum":"0000000000000000"}\n', '\ufffd\n'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }).map((text) => `${text}\n`),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('digit' as const), nth: fc.nat(), by: fc.integer({ min: 1, max: 9 }) }),
  fc.record({ kind: fc.constant('deleteLine' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateLine' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('append' as const), text: GARBAGE }),
  fc.record({ kind: fc.constant('swapValues' as const), line: fc.nat(), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('checksum' as const), nth: fc.nat(), by: fc.integer({ min: 1, max: 15 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: GARBAGE }),
);

/** Applies a mutation to a file's bytes (as latin1 text, one character per byte, so every byte survives). */
export function mutate(bytes: Buffer, change: Mutation): Buffer {
  const text = bytes.toString('latin1');
  const asBytes = (value: string): string => Buffer.from(value, 'utf8').toString('latin1');
  const lines = text.split('\n');
  const lineAt = (n: number): number => n % lines.length;
  let result: string;
  switch (change.kind) {
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const copy = Buffer.from(bytes);
      copy[change.at % copy.length] ^= 1 << change.bit;
      return copy;
    }
    case 'digit':
      result = replaceNth(text, /\d/g, change.nth, (digit) => String((Number(digit) + change.by) % 10));
      break;
    case 'deleteLine':
      lines.splice(lineAt(change.line), 1);
      result = lines.join('\n');
      break;
    case 'duplicateLine': {
      const at = lineAt(change.line);
      lines.splice(at, 0, lines[at]);
      result = lines.join('\n');
      break;
    }
    case 'swapLines': {
      const [a, b] = [lineAt(change.a), lineAt(change.b)];
      [lines[a], lines[b]] = [lines[b], lines[a]];
      result = lines.join('\n');
      break;
    }
    case 'truncate':
      result = text.slice(0, change.at % (text.length + 1));
      break;
    case 'append':
      result = text + asBytes(change.text);
      break;
    case 'swapValues': {
      const at = lineAt(change.line);
      lines[at] = swapNumbers(lines[at], change.a, change.b);
      result = lines.join('\n');
      break;
    }
    case 'checksum':
      // A hex digit of a checksum: the 16 digits ending a journal line, the 16 or 64 of a part's meta.
      result = editChecksum(text, change.nth, change.by);
      break;
    case 'insert': {
      const at = change.at % (text.length + 1);
      result = text.slice(0, at) + asBytes(change.text) + text.slice(at);
      break;
    }
  }
  return Buffer.from(result, 'latin1');
}

/** Changes one hex digit of one checksum (a quoted string of 16 or 64 hex digits). */
function editChecksum(text: string, nth: number, by: number): string {
  const sums = [...text.matchAll(/"([0-9a-f]{16}|[0-9a-f]{64})"/g)];
  if (sums.length === 0) return text;
  const sum = sums[nth % sums.length];
  const digit = sum.index! + 1 + (Math.floor(nth / sums.length) % sum[1].length);
  return text.slice(0, digit) + ((parseInt(text[digit], 16) + by) % 16).toString(16) + text.slice(digit + 1);
}

/** Replaces the nth (modulo their count) match of `pattern` (global) with `replace` of it. */
function replaceNth(text: string, pattern: RegExp, nth: number, replace: (match: string) => string): string {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return text;
  const match = matches[nth % matches.length];
  return text.slice(0, match.index) + replace(match[0]) + text.slice(match.index! + match[0].length);
}

/** Swaps two numbers of a line (JSON values or CSV cells alike). */
function swapNumbers(line: string, a: number, b: number): string {
  const matches = [...line.matchAll(/-?\d+(\.\d+)?(e[+-]?\d+)?/g)];
  if (matches.length < 2) return line;
  const [first, second] = [matches[a % matches.length], matches[b % matches.length]].sort((x, y) => x.index! - y.index!);
  if (first.index === second.index) return line;
  return (
    line.slice(0, first.index) + second[0] + line.slice(first.index! + first[0].length, second.index) + first[0] + line.slice(second.index! + second[0].length)
  );
}

/** Where a failed expectation stops the case, with what was seen. */
class Violation extends Error {}

function check(condition: boolean, what: string, outcome?: CliOutcome): void {
  if (!condition) throw new Violation(`${what}${outcome === undefined ? '' : `\nstatus ${outcome.status}\nstderr: ${outcome.stderr}\nstdout: ${outcome.stdout.slice(0, 500)}`}`);
}

/** A stack frame line in anything printed: never, for any input. */
const STACK = /\n\s+at .*[:(]\d+/;

function checkNoCrash(outcome: CliOutcome): void {
  check(!STACK.test(outcome.stdout + outcome.stderr), 'a stack trace was printed', outcome);
  check(!/internal error/.test(outcome.stderr), 'an internal error was reported', outcome);
}

/** A refusal: exit 2 and one line naming the file (`named` matches it). */
function checkRefusal(outcome: CliOutcome, named: RegExp): void {
  check(outcome.status === 2, 'expected success or exit 2', outcome);
  check(/^error: [^\n]*\n$/.test(outcome.stderr), 'a refusal must be one line', outcome);
  check(named.test(outcome.stderr), `the refusal must name the damaged file (${named})`, outcome);
}

/**
 * A folder for one case, removed as it ends: in memory (/dev/shm) where there is one, where
 * the fsyncs of journal lines and output sets cost nothing, so many cases fit in a CI minute.
 */
function caseFolder(): string {
  const inMemory = '/dev/shm';
  let base = tmpdir();
  try {
    accessSync(inMemory, constants.W_OK);
    base = inMemory;
  } catch {
    // No tmpfs here: the system's temporary folder.
  }
  return mkdtempSync(join(base, 'eastwest-integrity-'));
}

const read = (cwd: string, file: string): Buffer | undefined => (existsSync(join(cwd, file)) ? readFileSync(join(cwd, file)) : undefined);

/** The files a result is: CSV, summary, time series (when asked), class table (when declared), and the meta's warnings. */
function resultOf(cwd: string, csv: string, shape: ExperimentShape): Record<string, string | undefined> {
  const stem = csv.slice(0, -'.csv'.length);
  const meta = read(cwd, `${stem}.meta.json`);
  return {
    csv: read(cwd, csv)?.toString('latin1'),
    summary: read(cwd, `${stem}.summary.csv`)?.toString('latin1'),
    timeseries: shape.timeseries !== undefined ? read(cwd, `${stem}.timeseries.csv`)?.toString('latin1') : undefined,
    classes: shape.classes ? read(cwd, `${stem}.classes.csv`)?.toString('latin1') : undefined,
    warnings: meta === undefined ? undefined : JSON.stringify((JSON.parse(meta.toString('utf8')) as { warnings?: unknown }).warnings ?? []),
  };
}

function checkSameResult(got: Record<string, string | undefined>, reference: Record<string, string | undefined>, outcome: CliOutcome): void {
  for (const [file, text] of Object.entries(reference)) {
    check(got[file] === text, `success, but the ${file} differs from an uninterrupted run's: a silently different result`, outcome);
  }
}

/** `eastwest run` in `cwd` with the fake model (in-process, one worker), with class columns as the shape says. */
function eastwest(cwd: string, shape: ExperimentShape, args: readonly string[], failOnRunCall?: number): Promise<CliOutcome> {
  return runCaptured(args, { cwd, model: fakeModel({ classes: shape.classes, ...(failOnRunCall === undefined ? {} : { failOnRunCall }) }) });
}

/** What an uninterrupted run gives: its files, and the lines it prints (the points' warnings, with --quiet). */
interface Reference {
  readonly files: Record<string, string | undefined>;
  readonly notices: ReadonlySet<string>;
}

/** Runs the experiment uninterrupted into ref/x.csv: what every other way must give. */
async function reference(cwd: string, shape: ExperimentShape, series: readonly string[]): Promise<Reference> {
  writeFileSync(join(cwd, 'x.yaml'), experimentText(shape));
  const outcome = await eastwest(cwd, shape, ['run', 'x.yaml', '--out', 'ref/x.csv', '--quiet', ...series]);
  check(outcome.status === 0, 'the uninterrupted run failed', outcome);
  return { files: resultOf(cwd, 'ref/x.csv', shape), notices: new Set(linesOf(outcome.stderr)) };
}

const linesOf = (text: string): string[] => text.split('\n').filter((line) => line !== '');

/** Success says nothing but what the uninterrupted run said, and the journal records it ran again. */
function checkNotices(outcome: CliOutcome, expected: Reference, allowed?: RegExp): void {
  const odd = linesOf(outcome.stderr).filter((line) => !expected.notices.has(line) && !(allowed?.test(line) ?? false));
  check(odd.length === 0, `on success stderr says only what an uninterrupted run says${allowed === undefined ? '' : ' and which records it ran again'}`, outcome);
}

export interface JournalCase {
  readonly shape: ExperimentShape;
  /** Runs finished before the stop (1 to runs − 1, modulo). */
  readonly finished: number;
  readonly mutations: readonly Mutation[];
}

export const journalCase: fc.Arbitrary<JournalCase> = fc.record({
  shape: experimentShape.filter((shape) => runCount(shape) >= 2),
  finished: fc.nat(),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
});

/**
 * How a case ended: the uninterrupted result (`same`), the same after running again records
 * it did not trust (`rerun`), or refused with exit 2 naming the file (`refused`).
 */
export type CaseOutcome = 'same' | 'rerun' | 'refused';

/** A run stopped after k runs, its journal damaged, then `run --resume`. */
export async function checkJournalCase({ shape, finished, mutations }: JournalCase): Promise<CaseOutcome> {
  const cwd = caseFolder();
  try {
    const series = shape.timeseries === undefined ? [] : ['--timeseries', shape.timeseries];
    const expected = await reference(cwd, shape, series);
    const k = 1 + (finished % (runCount(shape) - 1));
    const stopped = await eastwest(cwd, shape, ['run', 'x.yaml', '--quiet', ...series], k + 1);
    check(stopped.status === 1 && existsSync(join(cwd, 'results/x.csv.journal')), `the run stopped after ${k} runs left no journal`, stopped);
    const journal = join(cwd, 'results/x.csv.journal');
    writeFileSync(journal, mutations.reduce(mutate, readFileSync(journal)));
    const resumed = await eastwest(cwd, shape, ['run', 'x.yaml', '--resume', '--quiet', ...series]);
    checkNoCrash(resumed);
    if (resumed.status === 0) {
      checkNotices(resumed, expected, /^warning: \S*results\/x\.csv\.journal:\d+: run record not trusted: .*; running its run again/);
      checkSameResult(resultOf(cwd, 'results/x.csv', shape), expected.files, resumed);
      check(!existsSync(journal), 'the journal was left after a successful resume', resumed);
      return /run record not trusted/.test(resumed.stderr) ? 'rerun' : 'same';
    }
    checkRefusal(resumed, /^error: \S*results\/x\.csv\.journal(:\d+)?: /);
    check(!existsSync(join(cwd, 'results/x.csv')), 'a refused resume wrote results', resumed);
    return 'refused';
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** Which file of which part a mutation damages. */
export interface PartMutation {
  readonly part: number;
  readonly file: 'csv' | 'timeseries' | 'classes' | 'meta';
  readonly mutation: Mutation;
}

export interface PartsCase {
  readonly shape: ExperimentShape;
  readonly shards: number;
  readonly mutations: readonly PartMutation[];
  /** What is given to merge: every part in some order, maybe one left out or given twice. */
  readonly order: readonly number[];
  readonly omit: number | undefined;
  readonly repeat: number | undefined;
}

export const partsCase: fc.Arbitrary<PartsCase> = fc.record({
  shape: experimentShape.filter((shape) => runCount(shape) >= 2),
  shards: fc.integer({ min: 2, max: 4 }),
  mutations: fc.array(
    fc.record({ part: fc.nat(), file: fc.constantFrom('csv' as const, 'timeseries' as const, 'classes' as const, 'meta' as const), mutation }),
    { minLength: 0, maxLength: 3 },
  ),
  order: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
  omit: fc.option(fc.nat(), { freq: 8 }).map((value) => value ?? undefined),
  repeat: fc.option(fc.nat(), { freq: 8 }).map((value) => value ?? undefined),
});

/** A sharded run, its parts damaged (or left out, or given twice), then `merge`. */
export async function checkPartsCase(test: PartsCase): Promise<CaseOutcome> {
  const { shape } = test;
  const cwd = caseFolder();
  try {
    const series = shape.timeseries === undefined ? [] : ['--timeseries', shape.timeseries];
    const expected = await reference(cwd, shape, series);
    const shards = Math.min(test.shards, runCount(shape));
    for (let shard = 1; shard <= shards; shard++) {
      const outcome = await eastwest(cwd, shape, ['run', 'x.yaml', '--shard', `${shard}/${shards}`, '--out', 'parts/x.csv', '--quiet', ...series]);
      check(outcome.status === 0, `shard ${shard}/${shards} failed`, outcome);
    }
    const partName = (part: number): string => `parts/x.part-${part + 1}-of-${shards}`;
    for (const { part, file, mutation: change } of test.mutations) {
      const path = join(cwd, `${partName(part % shards)}.${file === 'csv' ? 'csv' : file === 'meta' ? 'meta.json' : `${file}.csv`}`);
      if (existsSync(path)) writeFileSync(path, mutate(readFileSync(path), change));
    }
    const given = Array.from({ length: shards }, (_, i) => i)
      .map((part, i) => ({ part, key: test.order[i] }))
      .sort((a, b) => a.key - b.key)
      .map(({ part }) => part)
      .filter((part) => test.omit === undefined || part !== test.omit % shards);
    if (test.repeat !== undefined) given.push(test.repeat % shards);
    const merged = await eastwest(cwd, shape, ['merge', ...given.map((part) => `${partName(part)}.csv`), '--out', 'merged/x.csv', '--quiet']);
    checkNoCrash(merged);
    if (merged.status === 0) {
      checkNotices(merged, expected);
      checkSameResult(resultOf(cwd, 'merged/x.csv', shape), expected.files, merged);
      return 'same';
    }
    checkRefusal(merged, /parts\/x\.part-\d+-of-\d+\.(csv|timeseries\.csv|classes\.csv|meta\.json)/);
    check(!existsSync(join(cwd, 'merged/x.csv')), 'a refused merge wrote results', merged);
    return 'refused';
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}
