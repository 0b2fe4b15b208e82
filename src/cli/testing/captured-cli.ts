/** Runs the command line in-process with captured streams, for tests. */
import type { ScenarioModel } from '../../contract/scenario-model.js';
import { fakeModel } from '../../experiment/testing/fake-model.js';
import { runCli } from '../cli.js';

export interface CliOutcome {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CaptureOptions {
  readonly cwd: string;
  readonly model?: ScenarioModel;
  /** Pretend stderr is a terminal (progress bar instead of lines). */
  readonly terminal?: boolean;
  readonly clock?: () => number;
}

export async function runCaptured(args: readonly string[], options: CaptureOptions): Promise<CliOutcome> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, {
    model: options.model ?? fakeModel(),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.terminal === true },
    cwd: options.cwd,
    commandLine: ['eastwest', ...args],
    clock: options.clock,
  });
  return { status, stdout, stderr };
}

/** A clock that advances `stepMs` on every reading, so progress lines appear deterministically. */
export function steppingClock(stepMs: number): () => number {
  let now = 0;
  return () => (now += stepMs);
}
