import { parseParameterValue, type ParameterSpec } from '../contract/parameter-spec.js';
import { canonicalJson } from '../experiment/spec/canonical-json.js';
import type { CanonicalExperiment } from '../experiment/spec/resolved-experiment.js';
import { pathsOverlap } from '../experiment/spec/scenario-assignments.js';

/** A scenario parameter the experiment sets away from its default, as written. */
export interface ChangedParameter {
  readonly path: string;
  readonly value: unknown;
  readonly defaultValue: unknown;
}

/**
 * The base scenario's parameters whose values differ from the model's defaults, in table
 * order, leaving out those a sweep or case varies (the set-up lists those with their values).
 * Values are compared as parsed, so `2000us` where the default is `2ms` is no change.
 */
export function changedParameters(canonical: CanonicalExperiment, parameters: readonly ParameterSpec[]): ChangedParameter[] {
  const varied = [...canonical.sweep.map((axis) => axis.path), ...canonical.cases.flatMap((overrides) => Object.keys(overrides))];
  return parameters
    .filter((spec) => !varied.some((path) => pathsOverlap(path, spec.path)))
    .filter((spec) => Object.hasOwn(canonical.scenario, spec.path) && !sameValue(spec, canonical.scenario[spec.path], spec.default))
    .map((spec) => ({ path: spec.path, value: canonical.scenario[spec.path], defaultValue: spec.default }));
}

function sameValue(spec: ParameterSpec, written: unknown, defaultValue: unknown): boolean {
  try {
    return canonicalJson(parseParameterValue(spec, written)) === canonicalJson(parseParameterValue(spec, defaultValue));
  } catch {
    return canonicalJson(written) === canonicalJson(defaultValue);
  }
}
