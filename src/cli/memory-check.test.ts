import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MemoryItem, ScenarioValues } from '../contract/scenario-model.js';
import type { MemoryLimit } from '../experiment/index.js';
import { fakeModel, type FakeModel } from '../experiment/testing/fake-model.js';
import { SMALL_EXPERIMENT, temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { runCaptured } from './testing/captured-cli.js';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/** Plenty of memory, and a heap as large: what a test machine is assumed to have. */
const ROOMY: MemoryLimit = { bytes: 64 * GIB, source: 'the machine\'s memory', heapBytes: 16 * GIB };
const TINY: MemoryLimit = { bytes: 200 * MIB, source: 'the cgroup limit (/sys/fs/cgroup/memory.max)', heapBytes: 16 * GIB };

/** The fake model with an estimate of 1 MiB per Service: SMALL_EXPERIMENT's largest point (1,000 Services) needs 1000 MiB. */
function modelWithEstimate(bytesPerService = MIB): FakeModel {
  const estimateMemory = (values: ScenarioValues): MemoryItem[] => [{ what: 'Services', count: values.get('cluster.services') as number, bytesEach: bytesPerService }];
  return { ...fakeModel(), estimateMemory };
}

function folderWithExperiment(): string {
  const cwd = temporaryFolder();
  writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
  return cwd;
}

/** Validate's output with wrapped lines joined again. */
const unwrapped = (text: string): string => text.replace(/\n {12}/g, ' ');

describe('the memory estimate', () => {
  it('is printed by validate next to the time estimate: the largest run, per worker, and this process', async () => {
    const outcome = await runCaptured(['validate', 'small.yaml', '--workers', '2'], { cwd: folderWithExperiment(), model: modelWithEstimate(), memoryLimit: ROOMY });
    expect(outcome.status).toBe(0);
    expect(unwrapped(outcome.stdout)).toContain(
      '\nmemory      about 2.2 GiB: 2 workers × 1000 MiB per run (point 2: Services: 1,000 × 1 MiB = 1000 MiB) + 128 MiB for this process; 64 GiB available (the machine\'s memory)\n',
    );
  });

  it('refuses with exit 2, showing the estimate and the limit, runs that would not fit, before any run', async () => {
    const model = modelWithEstimate();
    const outcome = await runCaptured(['validate', 'small.yaml', '--workers', '1'], { cwd: folderWithExperiment(), model, memoryLimit: TINY });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toBe(
      'error: small.yaml: the runs would need about 1.1 GiB of memory, over the 200 MiB available (the cgroup limit (/sys/fs/cgroup/memory.max)); ' +
        'estimate: about 1.1 GiB: 1000 MiB per run (point 2: Services: 1,000 × 1 MiB = 1000 MiB) + 128 MiB for this process; 200 MiB available ' +
        '(the cgroup limit (/sys/fs/cgroup/memory.max)); shrink the scenario or the sweep, or pass --force to run it anyway\n',
    );
    expect(model.builds).toHaveLength(0);
  });

  it('suggests the number of workers that would fit', async () => {
    const limit = { ...TINY, bytes: 3 * GIB };
    const outcome = await runCaptured(['validate', 'small.yaml', '--workers', '4'], { cwd: folderWithExperiment(), model: modelWithEstimate(), memoryLimit: limit });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toContain('4 workers × 1000 MiB per run');
    expect(outcome.stderr).toContain('use fewer workers (--workers 2 fits), or pass --force');
  });

  it('refuses a run larger than one JavaScript heap, whatever the machine has', async () => {
    const limit = { ...ROOMY, heapBytes: 512 * MIB };
    const outcome = await runCaptured(['validate', 'small.yaml', '--workers', '1'], { cwd: folderWithExperiment(), model: modelWithEstimate(), memoryLimit: limit });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toMatch(/^error: small\.yaml: a run would need about 1000 MiB of memory, over the 512 MiB one JavaScript heap may hold here \(node --max-old-space-size; 64 GiB available in all/);
  });

  it('is overridden by --force: validate shows it, over the limit, without calibrating', async () => {
    const model = modelWithEstimate();
    const outcome = await runCaptured(['validate', 'small.yaml', '--workers', '1', '--force'], { cwd: folderWithExperiment(), model, memoryLimit: TINY });
    expect(outcome.status).toBe(0);
    expect(unwrapped(outcome.stdout)).toContain('\nestimate    not measured: the runs would not fit in memory (see below), so no calibration run was made\n');
    expect(unwrapped(outcome.stdout)).toMatch(/\nmemory {6}about 1\.1 GiB: .*; OVER the memory available \(--force\)\n/);
    expect(model.builds).toHaveLength(0);
  });

  it('refuses the grid from its size alone, before building its points, when its bookkeeping would not fit', async () => {
    const cwd = temporaryFolder();
    writeExperiment(cwd, 'wide.yaml', `name: wide\nduration: 1s\nreplications: 9\nsweep:\n  cluster.services: [${Array.from({ length: 1000 }, (_, i) => i + 1).join(', ')}]\n`);
    const outcome = await runCaptured(['validate', 'wide.yaml', '--force'], { cwd, memoryLimit: TINY });
    expect(outcome.status).toBe(0);
    const refused = await runCaptured(['validate', 'wide.yaml'], { cwd, memoryLimit: { ...TINY, bytes: 130 * MIB } });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(
      "error: wide.yaml: the grid's 1,000 points and 9,000 runs alone would need about 147 MiB of memory, over the 130 MiB available " +
        '(the cgroup limit (/sys/fs/cgroup/memory.max)); shrink the sweep, or pass --force to run it anyway\n',
    );
  });

  it('makes run refuse, writing nothing, a run that would not fit in this machine, unless --force', async () => {
    const cwd = folderWithExperiment();
    const model = modelWithEstimate(2 ** 50); // a pebibyte per Service: no machine has that
    const refused = await runCaptured(['run', 'small.yaml', '--quiet'], { cwd, model });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^error: small\.yaml: a run would need about 1000 PiB of memory, over the .* one JavaScript heap may hold here/);
    expect(model.builds).toHaveLength(0);
    expect(existsSync(join(cwd, 'results'))).toBe(false);
    const forced = await runCaptured(['run', 'small.yaml', '--quiet', '--force'], { cwd, model });
    expect(forced.status).toBe(0);
    expect(readdirSync(join(cwd, 'results'))).toContain('small.csv');
  });

  it('makes run count its workers as validate does: 1 worker fits where 2 do not', async () => {
    // 1 worker: 1000 MiB + 128 MiB; 2 workers: 2 × (1000 + 64) MiB + 128 MiB.
    const limit = { ...TINY, bytes: 1536 * MIB };
    const cwd = folderWithExperiment();
    const model = modelWithEstimate();
    const validated = await runCaptured(['validate', 'small.yaml', '--workers', '2'], { cwd, model, memoryLimit: limit });
    const refused = await runCaptured(['run', 'small.yaml', '--quiet', '--workers', '2'], { cwd, model, memoryLimit: limit });
    expect(validated.status).toBe(2);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(validated.stderr);
    expect(refused.stderr).toContain('2 workers × 1000 MiB per run');
    expect(refused.stderr).toContain('use fewer workers (--workers 1 fits)');
    expect(model.builds).toHaveLength(0);
    expect(existsSync(join(cwd, 'results'))).toBe(false);
    const ran = await runCaptured(['run', 'small.yaml', '--quiet', '--workers', '1'], { cwd, model, memoryLimit: limit });
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    expect(readdirSync(join(cwd, 'results'))).toContain('small.csv');
  });

  it('counts nothing for runs of a model without an estimate', async () => {
    const outcome = await runCaptured(['validate', 'small.yaml', '--workers', '1'], { cwd: folderWithExperiment(), memoryLimit: ROOMY });
    expect(unwrapped(outcome.stdout)).toContain('\nmemory      about 128 MiB: runs not estimated (the model gives no estimate) + 128 MiB for this process;');
  });
});
