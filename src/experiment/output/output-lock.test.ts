import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageOf, temporaryFolder } from '../testing/experiment-fixtures.js';
import { lockPath, OutputLock, withOutputLock } from './output-lock.js';

const COMMAND = ['eastwest', 'run', 'x.yaml'];

/** A PID that ran and ended: no process has it now (unless the system reused it since, which tests can ignore). */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', '']).pid;
  if (pid === undefined) throw new Error('could not start a process');
  return pid;
}

function writeLock(csv: string, holder: Record<string, unknown>): string {
  const path = lockPath(csv);
  writeFileSync(path, `${JSON.stringify({ startedAt: '2026-01-01T00:00:00.000Z', commandLine: ['eastwest', 'run', 'other.yaml'], token: 'x', ...holder })}\n`);
  return path;
}

describe('OutputLock', () => {
  it('creates X.csv.lock holding this PID, host and command line, and removes it on release', () => {
    const csv = join(temporaryFolder(), 'x.csv');
    const lock = OutputLock.acquire(csv, { commandLine: COMMAND });
    expect(lock.path).toBe(`${csv}.lock`);
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname(), commandLine: COMMAND });
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    OutputLock.acquire(csv, { commandLine: COMMAND }).release();
  });

  it('refuses a second writer of the same output while the first holds it, naming the holder', () => {
    const csv = join(temporaryFolder(), 'x.csv');
    const first = OutputLock.acquire(csv, { commandLine: COMMAND });
    const message = messageOf(() => OutputLock.acquire(csv, { commandLine: COMMAND }));
    expect(message).toMatch(
      new RegExp(`^Cannot write the output \`${csv}\`: it is being written by another eastwest: process ${process.pid} on ${hostname()}, since \\S+, \`eastwest run x\\.yaml\`; its lock is ${csv}\\.lock\\. Wait for it to finish, or remove the lock if that process is gone$`),
    );
    first.release();
  });

  it('takes over a stale lock, of a process that no longer runs on this host, saying so', () => {
    const csv = join(temporaryFolder(), 'x.csv');
    const pid = deadPid();
    writeLock(csv, { pid, host: hostname() });
    const notices: string[] = [];
    const lock = OutputLock.acquire(csv, { commandLine: COMMAND, onNotice: (message) => notices.push(message) });
    expect(notices).toEqual([`took over the stale lock ${csv}.lock: process ${pid} on ${hostname()} no longer runs`]);
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('takes over a lock with this PID that this process does not hold (a restarted container reuses PIDs)', () => {
    const csv = join(temporaryFolder(), 'x.csv');
    writeLock(csv, { pid: process.pid, host: hostname() });
    const notices: string[] = [];
    OutputLock.acquire(csv, { commandLine: COMMAND, onNotice: (message) => notices.push(message) }).release();
    expect(notices).toEqual([`took over the stale lock ${csv}.lock: process ${process.pid} on ${hostname()} is this one, restarted`]);
  });

  it('refuses a lock of another host, whose process cannot be checked from here', () => {
    const csv = join(temporaryFolder(), 'x.csv');
    writeLock(csv, { pid: deadPid(), host: 'node-7.example' });
    expect(messageOf(() => OutputLock.acquire(csv, { commandLine: COMMAND }))).toContain(
      'on node-7.example (another host: whether it still runs cannot be checked from here), since 2026-01-01T00:00:00.000Z, `eastwest run other.yaml`',
    );
  });

  it('refuses a lock file with no holder yet (being created), and takes it over once it is old', () => {
    const csv = join(temporaryFolder(), 'x.csv');
    const path = lockPath(csv);
    writeFileSync(path, '');
    expect(messageOf(() => OutputLock.acquire(csv, { commandLine: COMMAND }))).toContain('it is being written by another eastwest (its lock is being created)');
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(path, minuteAgo, minuteAgo);
    const notices: string[] = [];
    OutputLock.acquire(csv, { commandLine: COMMAND, onNotice: (message) => notices.push(message) }).release();
    expect(notices).toEqual([`took over the stale lock ${path}: it names no process (a crash while it was created)`]);
  });

  it('refuses, and leaves as it is, a file at the lock path that is not an eastwest lock, however old', () => {
    const csv = join(temporaryFolder(), 'x.csv');
    const path = lockPath(csv);
    writeFileSync(path, 'my notes');
    const dayAgo = new Date(Date.now() - 86_400_000);
    utimesSync(path, dayAgo, dayAgo);
    expect(messageOf(() => OutputLock.acquire(csv, { commandLine: COMMAND }))).toBe(
      `Cannot write the output \`${csv}\`: ${path} exists and is not an eastwest lock (it is left as it is); move it away, or choose another --out`,
    );
    expect(readFileSync(path, 'utf8')).toBe('my notes');
  });

  it('leaves a lock that is no longer its own when released', () => {
    const csv = join(temporaryFolder(), 'x.csv');
    const lock = OutputLock.acquire(csv, { commandLine: COMMAND });
    writeLock(csv, { pid: process.pid, host: 'elsewhere' });
    lock.release();
    expect(existsSync(lockPath(csv))).toBe(true);
  });

  it('is released when the action throws', async () => {
    const csv = join(temporaryFolder(), 'x.csv');
    await expect(withOutputLock(csv, { commandLine: COMMAND }, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(lockPath(csv))).toBe(false);
  });
});
