/**
 * Runs the eastwest command line from source in a child process (Node with tsx's loader on
 * src/cli/main.ts, the real model), for tests that need a second process: a lock held by
 * another PID, a signal. Unlike bin/eastwest.js it needs no build, so it tests this checkout.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../experiment/index.js';

const MAIN = join(packageRoot(), 'src/cli/main.ts');
const NODE_ARGS = ['--import', import.meta.resolve('tsx'), MAIN];

export interface SpawnedOutcome {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface SpawnOptions {
  /** Modules imported before eastwest (`node --import`), such as kill-before-rename.ts. */
  readonly preload?: readonly string[];
  /** Added to this process's environment. */
  readonly env?: Readonly<Record<string, string>>;
}

/** `eastwest ARGS` in `cwd`, to its end (at most `timeoutMs`). */
export function eastwestSync(args: readonly string[], cwd: string, timeoutMs = 60_000, options: SpawnOptions = {}): SpawnedOutcome {
  const preload = (options.preload ?? []).flatMap((module) => ['--import', module]);
  const nodeArgs = [NODE_ARGS[0], NODE_ARGS[1], ...preload, ...NODE_ARGS.slice(2)];
  const env = { ...process.env, ...options.env };
  const result = spawnSync(process.execPath, [...nodeArgs, ...args], { cwd, encoding: 'utf8', timeout: timeoutMs, env });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** A running `eastwest ARGS` in `cwd`, and a promise of how it ended. */
export function spawnEastwest(args: readonly string[], cwd: string): { child: ChildProcess; ended: Promise<SpawnedOutcome> } {
  const child = spawn(process.execPath, [...NODE_ARGS, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const ended = new Promise<SpawnedOutcome>((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })));
  return { child, ended };
}
