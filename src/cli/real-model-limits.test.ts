import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { scenarioModel } from '../../models/index.js';
import { scenarioMemoryItems } from '../../models/scenario/memory-estimate.js';
import type { ParameterSpec } from '../contract/parameter-spec.js';
import { formatDuration, MAX_DURATION } from '../engine/time.js';
import { temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { runCaptured } from './testing/captured-cli.js';

/** The real model as main.ts wires it, with its memory estimate. */
const model = { ...scenarioModel, estimateMemory: scenarioMemoryItems };

/** Every parameter at its documented maximum (every duration at the 30-day cap, every flag on). */
function atMaximum(spec: ParameterSpec): unknown {
  switch (spec.kind) {
    case 'integer':
    case 'number':
      return spec.max ?? Number.MAX_SAFE_INTEGER;
    case 'duration':
      return formatDuration(spec.max ?? MAX_DURATION);
    case 'distribution':
      return spec.valueUnit === 'duration' ? { dist: 'lognormal', median: '720h', p99: '720h' } : { dist: 'constant', value: 1e300 };
    case 'choice':
      return spec.choices[spec.choices.length - 1];
    case 'boolean':
      return true;
    case 'mix':
      return spec.choices[0];
  }
}

function folderWith(text: string): string {
  const cwd = temporaryFolder();
  writeExperiment(cwd, 'x.yaml', text);
  return cwd;
}

describe('validate with the real model at the limits', () => {
  it('refuses every parameter at its documented maximum with exit 2 and the memory estimate, at once, in bounded memory', async () => {
    const scenario = Object.fromEntries(scenarioModel.parameters.map((spec) => [spec.path, atMaximum(spec)]));
    // churn.rollout and churn.scaleReplicas > 0 clash (a model refuses both in one run); the memory check comes first.
    const cwd = folderWith(stringify({ name: 'all-max', duration: '719h', warmup: '1h', scenario }));
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const refused = await runCaptured(['validate', 'x.yaml'], { cwd, model });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^error: x\.yaml: a run would need about [\d.]+ PiB of memory, over the .* one JavaScript heap may hold here/);
    const forced = await runCaptured(['validate', 'x.yaml', '--force'], { cwd, model });
    expect(forced.status).toBe(0);
    expect(forced.stdout).toContain('estimate    not measured: the runs would not fit in memory');
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it('refuses a tiny positive request rate, which crashed a run before', async () => {
    const outcome = await runCaptured(['validate', 'x.yaml'], { cwd: folderWith('name: x\nduration: 1s\nscenario:\n  workload: { requestsPerSecond: 1e-300 }\n'), model });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toContain('Expected `workload.requestsPerSecond` to be a number > 0 and <= 10000000, at least 0.000001 per second when positive');
  });
});
