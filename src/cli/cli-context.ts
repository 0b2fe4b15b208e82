import type { ScenarioModel } from '../contract/scenario-model.js';
import type { TextOutput } from './progress-reporter.js';

/**
 * Everything a command touches outside its arguments, passed in so tests run commands
 * in-process with a fake model, captured streams and a fake clock.
 */
export interface CliContext {
  readonly model: ScenarioModel;
  readonly stdout: TextOutput;
  readonly stderr: TextOutput;
  /** Relative paths (the file, --out, results/) are relative to this folder. */
  readonly cwd: string;
  /** The command line as typed, for the meta (`eastwest run x.yaml --set seed=2`). */
  readonly commandLine: readonly string[];
  /** Wall clock in milliseconds (performance.now by default). */
  readonly clock?: () => number;
}
