import { InputError } from '../input-error.js';
import { parseParameterValue, type ParameterSpec, type ParameterValue } from './parameter-spec.js';
import type { ScenarioValues } from './scenario-model.js';

/**
 * Every parameter's parsed value: the default as declared, or the raw value (as written in
 * YAML) given for its path. Throws InputError for an unknown path or a bad value. The
 * experiment layer adds files, sweeps and suggestions on top; tests of models use this alone.
 */
export function scenarioValues(
  parameters: readonly ParameterSpec[],
  overrides: Readonly<Record<string, unknown>> = {},
): ScenarioValues {
  const known = new Set(parameters.map((spec) => spec.path));
  for (const path of Object.keys(overrides)) {
    if (!known.has(path)) throw new InputError(path, 'a known parameter path (see `eastwest describe`)', path);
  }
  const values = new Map<string, ParameterValue>();
  for (const spec of parameters) {
    const raw = Object.hasOwn(overrides, spec.path) ? overrides[spec.path] : spec.default;
    values.set(spec.path, parseParameterValue(spec, raw));
  }
  return values;
}
