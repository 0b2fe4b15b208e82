import type { RunResult, RunSettings } from '../../../src/contract/scenario-model.js';
import { scenarioValues } from '../../../src/contract/scenario-values.js';
import { s } from '../../../src/engine/index.js';
import type { RequestProbe } from '../../core/request-probe.js';
import { scenarioModel } from '../../index.js';

/** A short run: 2 s of warm-up, 10 s measured. */
export const SHORT_RUN: RunSettings = { seed: 1, replication: 0, warmup: s(2), duration: s(10) };

/** Runs the composed scenario with `overrides` (paths as in experiment files) on top of the defaults. */
export function runScenario(overrides: Record<string, unknown>, settings: RunSettings = SHORT_RUN, observer?: RequestProbe): RunResult {
  return scenarioModel.build(scenarioValues(scenarioModel.parameters, overrides), settings, observer).run();
}

/** A constant random quantity, as written in a file. */
export const constant = (value: string) => ({ dist: 'constant', value });
