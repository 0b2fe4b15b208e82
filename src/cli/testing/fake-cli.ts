/**
 * The eastwest command line on the fake model, for tests that need it in a child process (a
 * real SIGKILL in the middle of a run): `node --import tsx fake-cli.ts ARGS`, with the fake
 * model's options as JSON in EASTWEST_FAKE_MODEL (`{"classes":true,"killOnRunCall":6}`).
 * Runs in this process (one worker) unless ARGS ask for more.
 */
import { fakeModel, fakeModelSource, type FakeModelOptions } from '../../experiment/testing/fake-model.js';
import { runCli } from '../cli.js';

const options = JSON.parse(process.env.EASTWEST_FAKE_MODEL ?? '{}') as FakeModelOptions;
const args = process.argv.slice(2);

process.exitCode = await runCli(args, {
  model: fakeModel(options),
  modelSource: fakeModelSource(options),
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  commandLine: ['eastwest', ...args],
  env: process.env,
  defaultWorkers: 1,
});
