/**
 * The eastwest executable: wires the real model and the process's streams into runCli.
 * The only file under src/experiment and src/cli that imports models/ (the rest take a
 * ScenarioModel as an argument, so tests can pass a fake one).
 */
import { availableParallelism } from 'node:os';
import { scenarioModel } from '../../models/index.js';
import { scenarioMemoryItems } from '../../models/scenario/memory-estimate.js';
import { runCli } from './cli.js';
import { reportError, takeDebugOption } from './error-report.js';

const args = process.argv.slice(2);
const { debug } = takeDebugOption(args);

// runCli reports every error a command throws; these catch what escapes it (an error thrown
// from a callback, a rejection nobody awaited), so no input ever ends in a bare stack.
process.on('uncaughtException', (error) => exitAfter(error));
process.on('unhandledRejection', (error) => exitAfter(error));
// A reader that goes away (`eastwest describe | head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? process.exit(process.exitCode ?? 0) : exitAfter(error)));
}

process.exitCode = await runCli(args, {
  // The memory estimate `validate` prints and `run` checks (models/scenario/memory-estimate.ts).
  model: { ...scenarioModel, estimateMemory: scenarioMemoryItems },
  // Worker threads import the model themselves, from the same compiled tree as this file.
  modelSource: { moduleUrl: new URL('../../models/index.js', import.meta.url).href, exportName: 'scenarioModel' },
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  commandLine: ['eastwest', ...args],
  env: process.env,
  defaultWorkers: availableParallelism(),
});

function exitAfter(error: unknown): never {
  process.exit(reportError(error, process.stderr, debug));
}
