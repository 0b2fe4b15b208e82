import { describe, expect, it } from 'vitest';
import type { ScenarioModel } from '../contract/scenario-model.js';
import { fakeModel } from '../experiment/testing/fake-model.js';
import { SMALL_EXPERIMENT, temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { InputError } from '../input-error.js';
import { BUG_HINT, takeDebugOption } from './error-report.js';
import { runCaptured } from './testing/captured-cli.js';

function folderWithExperiment(): string {
  const cwd = temporaryFolder();
  writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
  return cwd;
}

/** A model that fails as a bug would, outside any run: reading its parameters throws. */
function brokenModel(): ScenarioModel {
  return {
    ...fakeModel(),
    get parameters(): never {
      throw new TypeError("Cannot read properties of undefined (reading 'path')");
    },
  };
}

/** The fake model, whose build throws `error` (what a model does when its parameters clash). */
function modelBuildThrowing(error: Error): ScenarioModel {
  return { ...fakeModel(), build: () => { throw error; } };
}

const STACK_LINE = /\n\s+at /;

describe('internal errors on the command line', () => {
  it('prints one line saying what failed and that it is a bug, and exits 1', async () => {
    const outcome = await runCaptured(['validate', 'small.yaml'], { cwd: folderWithExperiment(), model: brokenModel() });
    expect(outcome.status).toBe(1);
    expect(outcome.stderr).toBe(`eastwest: internal error: TypeError: Cannot read properties of undefined (reading 'path') — ${BUG_HINT}\n`);
  });

  it('prints the stack with --debug, wherever it is on the command line', async () => {
    for (const args of [['--debug', 'validate', 'small.yaml'], ['validate', 'small.yaml', '--debug']]) {
      const outcome = await runCaptured(args, { cwd: folderWithExperiment(), model: brokenModel() });
      expect(outcome.status).toBe(1);
      expect(outcome.stderr).toMatch(/^eastwest: internal error: TypeError: Cannot read properties of undefined \(reading 'path'\)\nTypeError: /);
      expect(outcome.stderr).toMatch(STACK_LINE);
    }
  });

  it('keeps a failed run to its line and what became of the work, with the stack only under --debug', async () => {
    const cwd = folderWithExperiment();
    const outcome = await runCaptured(['run', 'small.yaml', '--quiet'], { cwd, model: fakeModel({ failOnRunCall: 1 }) });
    expect(outcome.status).toBe(1);
    expect(outcome.stderr).toBe(`error: Run failed: point 0, replication 0 (run 0): fake model failure on run call 1\nNo result files were written.\n(${BUG_HINT})\n`);
    const debug = await runCaptured(['run', 'small.yaml', '--quiet', '--debug'], { cwd, model: fakeModel({ failOnRunCall: 1 }) });
    expect(debug.stderr).toMatch(/^error: Run failed: .*\nNo result files were written\.\nError: fake model failure on run call 1\n\s+at /);
  });

  it('reports a parameter clash a model finds while building as bad input, exit 2, naming the run', async () => {
    const clash = new InputError('churn.failedNodes', 'at most cluster.nodes (100)', 200);
    const outcome = await runCaptured(['validate', 'small.yaml'], { cwd: folderWithExperiment(), model: modelBuildThrowing(clash) });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toBe(
      'error: Run failed: point 0, replication 0 (run 0): Expected `churn.failedNodes` to be at most cluster.nodes (100), got `200`\nNo result files were written.\n',
    );
  });

  it('prints no stack for a thrown non-Error either', async () => {
    const model: ScenarioModel = {
      ...fakeModel(),
      get parameters(): never {
        throw 'a string'; // eslint-disable-line @typescript-eslint/only-throw-error
      },
    };
    const outcome = await runCaptured(['validate', 'small.yaml'], { cwd: folderWithExperiment(), model });
    expect(outcome.stderr).toBe(`eastwest: internal error: a string — ${BUG_HINT}\n`);
  });
});

describe('takeDebugOption', () => {
  it('takes --debug out from anywhere before `--`', () => {
    expect(takeDebugOption(['--debug', 'run', 'x.yaml'])).toEqual({ debug: true, rest: ['run', 'x.yaml'] });
    expect(takeDebugOption(['run', 'x.yaml', '--debug', '--quiet'])).toEqual({ debug: true, rest: ['run', 'x.yaml', '--quiet'] });
    expect(takeDebugOption(['run', 'x.yaml'])).toEqual({ debug: false, rest: ['run', 'x.yaml'] });
    expect(takeDebugOption(['run', '--', '--debug'])).toEqual({ debug: false, rest: ['run', '--', '--debug'] });
  });
});
