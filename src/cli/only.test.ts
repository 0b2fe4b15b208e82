import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMALL_EXPERIMENT, temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { runCaptured } from './testing/captured-cli.js';

describe('eastwest run --only', () => {
  it('runs one point or one run into files of their own, leaving the full result alone', async () => {
    const cwd = temporaryFolder();
    writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
    await runCaptured(['run', 'small.yaml', '--quiet'], { cwd });
    const full = readFileSync(join(cwd, 'results/small.csv'), 'utf8');
    await runCaptured(['run', 'small.yaml', '--only', '6', '--quiet'], { cwd });
    const one = await runCaptured(['run', 'small.yaml', '--only', '6/1'], { cwd });
    expect(one.stderr).toContain('eastwest: small: --only 6/1: 1 of 14 runs on 1 worker\n');
    expect(readdirSync(join(cwd, 'results')).sort()).toEqual([
      'small.csv', 'small.meta.json', 'small.only-6-1.csv', 'small.only-6-1.meta.json', 'small.only-6-1.summary.csv',
      'small.only-6.csv', 'small.only-6.meta.json', 'small.only-6.summary.csv', 'small.summary.csv',
    ]);
    const lines = full.split('\n');
    expect(readFileSync(join(cwd, 'results/small.only-6.csv'), 'utf8')).toBe([lines[0], lines[13], lines[14], ''].join('\n'));
    expect(readFileSync(join(cwd, 'results/small.only-6-1.csv'), 'utf8')).toBe([lines[0], lines[14], ''].join('\n'));
    expect(readFileSync(join(cwd, 'results/small.csv'), 'utf8')).toBe(full);
  });

  it('exits 2 for an --only with --shard', async () => {
    const cwd = temporaryFolder();
    writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
    const outcome = await runCaptured(['run', 'small.yaml', '--only', '1', '--shard', '1/2'], { cwd });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toBe('error: eastwest run: `--only` picks runs for debugging and does not combine with `--shard` or `--shards`\n');
  });
});
