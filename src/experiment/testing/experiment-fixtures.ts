/** Helpers for the experiment and command-line tests: temporary folders and small files. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { ScenarioModel } from '../../contract/scenario-model.js';
import { parseExperimentText } from '../spec/experiment-file.js';
import { resolveExperiment, type ResolveOptions } from '../spec/resolve-experiment.js';
import type { ResolvedExperiment } from '../spec/resolved-experiment.js';
import { fakeModel } from './fake-model.js';

const createdFolders: string[] = [];
// Removed after each test file (this module is evaluated once per file), so repeated test
// runs do not fill /tmp.
afterAll(() => {
  for (const folder of createdFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

export function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'eastwest-test-'));
  createdFolders.push(folder);
  return folder;
}

export function writeExperiment(folder: string, fileName: string, text: string): string {
  const path = join(folder, fileName);
  writeFileSync(path, text);
  return path;
}

/** Resolves YAML text as if read from `x.yaml`, with the fake model unless given another. */
export function resolveText(text: string, options: ResolveOptions = {}, model: ScenarioModel = fakeModel()): ResolvedExperiment {
  return resolveExperiment(parseExperimentText(text, 'x.yaml'), 'x.yaml', model, options);
}

/** The message `resolveText` throws, for exact-message assertions. */
export function resolveError(text: string, options: ResolveOptions = {}): string {
  try {
    resolveText(text, options);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the experiment to be rejected');
}

/** A small valid experiment: 2 × 3 grid plus one case, 2 replications = 14 runs. */
export const SMALL_EXPERIMENT = `
name: small
description: A small sweep for tests
seed: 7
replications: 2
duration: 10s
warmup: 1s
scenario:
  workload: { requestsPerSecond: 50 }
sweep:
  proxy.mode: [iptables, ipvs]
  cluster.services: [10, 100, 1000]
cases:
  - { proxy.mode: ebpf, workload.serviceTime.median: 1ms }
`;

/** The message of the error `action` throws; fails the test when it throws nothing. */
export function messageOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}
