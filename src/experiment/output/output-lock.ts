import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { InputError } from '../../input-error.js';
import { NotARegularFileError, readRegularFile } from './regular-file.js';

/** `X.csv.lock`: held by the one process that writes the output `X.csv` (and its journal and siblings). */
export function lockPath(csv: string): string {
  return `${csv}.lock`;
}

/** What a lock file holds: who writes the output. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
  readonly commandLine: readonly string[];
  /** Tells this lock from an earlier one of the same PID (a restarted container reuses PIDs). */
  readonly token: string;
}

export interface LockOptions {
  readonly commandLine: readonly string[];
  /** Told when a stale lock is taken over. */
  readonly onNotice?: (message: string) => void;
}

/** Locks this process holds, by path: another command in this process must not take them, and signals release them. */
const held = new Map<string, OutputLock>();

/**
 * One writer per output (docs/design.md, Contracts, "Command line"): the lock file is created
 * atomically (`wx`) with the holder's PID, host, start time and command line. A lock held by a
 * live process, or by a process on another host (which cannot be checked from here), is bad
 * input (exit 2) naming the holder. A stale lock, of a process that no longer runs on this
 * host, is taken over, saying so. The lock is removed by `release`, at exit, and on SIGINT or
 * SIGTERM (after which the signal ends the process as it would have).
 */
export class OutputLock {
  private released = false;

  private constructor(
    readonly path: string,
    private readonly content: string,
  ) {}

  static acquire(csv: string, options: LockOptions): OutputLock {
    const path = lockPath(csv);
    const holder: LockHolder = {
      pid: process.pid,
      host: hostname(),
      startedAt: new Date().toISOString(),
      commandLine: options.commandLine,
      token: randomBytes(8).toString('hex'),
    };
    const content = `${JSON.stringify(holder)}\n`;
    // A few tries: each failed one took over a stale lock, or found one gone.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      if (createLockFile(path, content, csv)) {
        const lock = new OutputLock(path, content);
        held.set(path, lock);
        watchSignals();
        return lock;
      }
      const found = readLock(path);
      if (found === undefined) continue;
      const stale = staleness(path, found);
      if (stale === undefined) throw lockHeld(csv, path, found);
      if (takeOver(path, found.text)) options.onNotice?.(`took over the stale lock ${path}: ${stale}`);
    }
    throw new InputError(`Cannot write the output \`${csv}\`: its lock ${path} keeps changing hands; another eastwest is starting on it`);
  }

  /** Removes the lock if it is still this one (never another process's). */
  release(): void {
    if (this.released) return;
    this.released = true;
    held.delete(this.path);
    if (held.size === 0) unwatchSignals();
    try {
      if (readRegularFile(this.path).toString('utf8') === this.content) rmSync(this.path, { force: true });
    } catch {
      // Already gone.
    }
  }
}

/** Runs `action` holding the output's lock, released however it ends. */
export async function withOutputLock<T>(csv: string, options: LockOptions, action: (lock: OutputLock) => Promise<T> | T): Promise<T> {
  const lock = OutputLock.acquire(csv, options);
  try {
    return await action(lock);
  } finally {
    lock.release();
  }
}

/** True when this call created the lock file; false when one exists. */
function createLockFile(path: string, content: string, csv: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new InputError(`Cannot write the output \`${csv}\`: cannot create its lock ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

interface FoundLock {
  readonly text: string;
  /** Undefined when the file is not a lock eastwest wrote whole (a crash between create and write leaves it empty). */
  readonly holder?: LockHolder;
  readonly ageMs: number;
}

function readLock(path: string): FoundLock | undefined {
  let text: string;
  let ageMs: number;
  try {
    text = readRegularFile(path).toString('utf8');
    ageMs = Date.now() - statSync(path).mtimeMs;
  } catch (error) {
    // A device or a pipe at the lock path is not a lock (and is not read: it may never end).
    if (error instanceof NotARegularFileError) return { text: '(not a regular file)', ageMs: 0 };
    return undefined; // Released meanwhile: try again.
  }
  try {
    const holder = JSON.parse(text) as LockHolder;
    const valid = Number.isInteger(holder?.pid) && typeof holder.host === 'string';
    return valid ? { text, holder, ageMs } : { text, ageMs };
  } catch {
    return { text, ageMs };
  }
}

/** A lock left unwritten this long is a crash's, not a process still writing it. */
const UNWRITTEN_LOCK_MS = 10_000;

/** Why the lock is stale, or undefined when its holder may still run. */
function staleness(path: string, found: FoundLock): string | undefined {
  const { holder } = found;
  if (holder === undefined) return isTornLock(found.text) && found.ageMs > UNWRITTEN_LOCK_MS ? 'it names no process (a crash while it was created)' : undefined;
  if (holder.host !== hostname()) return undefined;
  if (holder.pid === process.pid) return held.has(path) ? undefined : `process ${holder.pid} on ${holder.host} is this one, restarted`;
  return isAlive(holder.pid) ? undefined : `process ${holder.pid} on ${holder.host} no longer runs`;
}

/** An empty lock file or the start of one: what a crash between creating and writing it leaves. Anything else is not eastwest's. */
function isTornLock(text: string): boolean {
  const start = '{"pid":';
  return text.length <= start.length ? start.startsWith(text) : text.startsWith(start);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the stale lock whose content was `stale`, unless another process took it over
 * first: the lock is moved aside atomically and checked; if it is no longer the stale one, it
 * is put back. True when the stale lock was removed.
 */
function takeOver(path: string, stale: string): boolean {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch {
    return false; // Gone meanwhile.
  }
  if (readRegularFile(aside).toString('utf8') === stale) {
    rmSync(aside, { force: true });
    return true;
  }
  try {
    linkSync(aside, path);
  } catch {
    // Another lock appeared meanwhile; the one moved aside goes back only where none is.
  }
  rmSync(aside, { force: true });
  return false;
}

function lockHeld(csv: string, path: string, found: FoundLock): InputError {
  const { holder } = found;
  if (holder === undefined && !isTornLock(found.text)) {
    return new InputError(`Cannot write the output \`${csv}\`: ${path} exists and is not an eastwest lock (it is left as it is); move it away, or choose another --out`);
  }
  const who =
    holder === undefined
      ? 'another eastwest (its lock is being created)'
      : `another eastwest: process ${holder.pid} on ${holder.host}${holder.host === hostname() ? '' : ' (another host: whether it still runs cannot be checked from here)'}, ` +
        `since ${holder.startedAt}${Array.isArray(holder.commandLine) ? `, \`${holder.commandLine.join(' ')}\`` : ''}`;
  return new InputError(
    `Cannot write the output \`${csv}\`: it is being written by ${who}; its lock is ${path}. ` +
      'Wait for it to finish, or remove the lock if that process is gone',
  );
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
let watching = false;

function watchSignals(): void {
  if (watching) return;
  watching = true;
  process.on('exit', releaseAll);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function unwatchSignals(): void {
  if (!watching) return;
  watching = false;
  process.off('exit', releaseAll);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

function releaseAll(): void {
  for (const lock of [...held.values()]) lock.release();
}

/** Releases the locks, then lets the signal end the process as it would have without this handler. */
function onSignal(signal: NodeJS.Signals): void {
  releaseAll();
  unwatchSignals();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}
