/** Runs the command line in-process with captured streams, for tests. */
import type { ScenarioModel } from '../../contract/scenario-model.js';
import type { MemoryLimit, ModelSource } from '../../experiment/index.js';
import { fakeModel, fakeModelSource } from '../../experiment/testing/fake-model.js';
import { runCli } from '../cli.js';

export interface CliOutcome {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CaptureOptions {
  readonly cwd: string;
  /** The fake model unless given; with --workers 2 give the matching `modelSource` too. */
  readonly model?: ScenarioModel;
  readonly modelSource?: ModelSource;
  /** Pretend stderr is a terminal (progress bar instead of lines). */
  readonly terminal?: boolean;
  readonly clock?: () => number;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Workers without --workers; 1 here, so tests that do not ask for threads start none. */
  readonly defaultWorkers?: number;
  /** The memory available; the machine's (or its cgroup's) unless given. */
  readonly memoryLimit?: MemoryLimit;
}

export async function runCaptured(args: readonly string[], options: CaptureOptions): Promise<CliOutcome> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, {
    model: options.model ?? fakeModel(),
    modelSource: options.modelSource ?? fakeModelSource(),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.terminal === true },
    cwd: options.cwd,
    commandLine: ['eastwest', ...args],
    env: options.env ?? {},
    defaultWorkers: options.defaultWorkers ?? 1,
    clock: options.clock,
    memoryLimit: options.memoryLimit,
  });
  return { status, stdout, stderr };
}

/** A clock that advances `stepMs` on every reading, so progress lines appear deterministically. */
export function steppingClock(stepMs: number): () => number {
  let now = 0;
  return () => (now += stepMs);
}
