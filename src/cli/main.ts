/**
 * The eastwest executable: wires the real model and the process's streams into runCli.
 * The only file under src/experiment and src/cli that imports models/ (the rest take a
 * ScenarioModel as an argument, so tests can pass a fake one).
 */
import { availableParallelism } from 'node:os';
import { scenarioModel } from '../../models/index.js';
import { runCli } from './cli.js';

const args = process.argv.slice(2);
process.exitCode = await runCli(args, {
  model: scenarioModel,
  // Worker threads import the model themselves, from the same compiled tree as this file.
  modelSource: { moduleUrl: new URL('../../models/index.js', import.meta.url).href, exportName: 'scenarioModel' },
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  commandLine: ['eastwest', ...args],
  env: process.env,
  defaultWorkers: availableParallelism(),
});
