import type { ScenarioModel } from '../contract/scenario-model.js';
import type { MemoryLimit, ModelSource } from '../experiment/index.js';
import type { TextOutput } from './progress-reporter.js';

/**
 * Everything a command touches outside its arguments, passed in so tests run commands
 * in-process with a fake model, captured streams and a fake clock.
 */
export interface CliContext {
  readonly model: ScenarioModel;
  /** Where worker threads import the same model from (a model object cannot be posted to a thread). */
  readonly modelSource: ModelSource;
  readonly stdout: TextOutput;
  readonly stderr: TextOutput;
  /** Relative paths (the file, --out, results/) are relative to this folder. */
  readonly cwd: string;
  /** The command line as typed, for the meta (`eastwest run x.yaml --set seed=2`). */
  readonly commandLine: readonly string[];
  /** Environment variables (JOB_COMPLETION_INDEX for `--shards`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Workers without `--workers`: one per core for the real command line. */
  readonly defaultWorkers: number;
  /** Wall clock in milliseconds (performance.now by default). */
  readonly clock?: () => number;
  /** The memory runs may use (the cgroup limit or the machine's by default); tests pass a small one. */
  readonly memoryLimit?: MemoryLimit;
}
