import type { MetricSpec } from '../../src/contract/metric-spec.js';
import type { ParameterSpec } from '../../src/contract/parameter-spec.js';
import type { RunSettings, ScenarioModel, ScenarioValues } from '../../src/contract/scenario-model.js';
import { failureMetricName, type FailureReason } from '../core/failure-reason.js';
import type { AnyModel, MetricEntry } from '../core/model-definition.js';
import type { RequestProbe } from '../core/request-probe.js';
import { ComposedRun } from './composed-run.js';

/** What the window and population of a `failures_<reason>` column are. */
const FAILURE_WINDOW = 'requests that start in the measured window [warmup, warmup + duration], followed until they finish';

/**
 * The scenario the experiment layer sees, composed from a list of models: every model's
 * parameters (with its name), its metrics (with its name), then a `failures_<reason>` column per declared
 * failure reason, its time-series and per-class columns (with its name), and `build`, which
 * wires the models into one run.
 */
export interface ComposedScenario extends ScenarioModel {
  readonly models: readonly AnyModel[];
  /** `observer`, if given, sees every request fact too (traces in tests and debugging). */
  build(values: ScenarioValues, settings: RunSettings, observer?: RequestProbe): ComposedRun;
}

export function composeScenario(models: readonly AnyModel[]): ComposedScenario {
  const parameters = uniqueParameters(models);
  const metrics = [...models.flatMap((model) => named(model, model.metrics)), ...models.flatMap(failureMetrics)];
  const timeseries = models.flatMap((model) => named(model, model.timeseries ?? []));
  const classes = models.flatMap((model) => named(model, model.classes ?? []));
  return {
    models,
    parameters,
    metrics,
    timeseries,
    classes,
    build: (values: ScenarioValues, settings: RunSettings, observer?: RequestProbe) => new ComposedRun(models, values, settings, observer),
  };
}

/** Every failure reason the models declare, in model order. */
export function declaredFailureReasons(models: readonly AnyModel[]): FailureReason[] {
  return models.flatMap((model) => Object.keys(model.failureReasons ?? {}) as FailureReason[]);
}

/** A model's columns (metrics, time-series or class columns) tagged with its name. */
function named(model: AnyModel, columns: readonly MetricEntry[]): MetricSpec[] {
  return columns.map((column) => ({ ...column, model: model.name }));
}

function failureMetrics(model: AnyModel): MetricSpec[] {
  return Object.entries(model.failureReasons ?? {}).map(([reason, happened]) => ({
    name: failureMetricName(reason),
    unit: 'count',
    doc: `Failed requests whose cause was: ${String(happened)}.`,
    window: FAILURE_WINDOW,
    model: model.name,
  }));
}

function uniqueParameters(models: readonly AnyModel[]): ParameterSpec[] {
  const parameters = models.flatMap((model) => (model.parameters.specs as ParameterSpec[]).map((spec) => ({ ...spec, model: model.name })));
  const seen = new Set<string>();
  for (const spec of parameters) {
    if (seen.has(spec.path)) throw new Error(`Two models declare the parameter \`${spec.path}\``);
    seen.add(spec.path);
  }
  return parameters;
}
