import type { MetricValues } from '../../src/contract/metric-spec.js';
import type { BuiltScenario, RunResult, RunSettings, ScenarioValues } from '../../src/contract/scenario-model.js';
import { Simulation } from '../../src/engine/index.js';
import { RandomStreams } from '../../src/random/index.js';
import { FailureCounts } from '../core/failure-counts.js';
import type { AnyModel, ModelRun, UtilizationSource, WiringContext } from '../core/model-definition.js';
import { ProbeList, type RequestProbe } from '../core/request-probe.js';
import { SeamRegistry } from '../core/seams.js';
import { WarmupCheck } from '../core/warmup-check.js';
import { declaredFailureReasons } from './compose-scenario.js';

/**
 * One run of the composed models: wires each (in list order) with its typed config, calls
 * `begin` on each, opens and closes the measured window at warm-up and warm-up + duration, runs
 * the clock until the last measured request settles, and gathers each model's metrics —
 * checking they are exactly the ones it declared — then the failure counts and warnings.
 */
export class ComposedRun implements BuiltScenario {
  private readonly sim = new Simulation();
  private readonly failures: FailureCounts;
  private readonly warmupCheck: WarmupCheck;
  private readonly runs: Array<{ readonly model: AnyModel; readonly run: ModelRun }>;

  constructor(
    models: readonly AnyModel[],
    values: ScenarioValues,
    private readonly settings: RunSettings,
    observer?: RequestProbe,
  ) {
    const probes = new ProbeList();
    this.failures = new FailureCounts(declaredFailureReasons(models));
    this.warmupCheck = new WarmupCheck(settings.warmup, settings.duration);
    probes.add(this.failures);
    probes.add(this.warmupCheck);
    if (observer !== undefined) probes.add(observer);
    const stations: UtilizationSource[] = [];
    const context: WiringContext = {
      sim: this.sim,
      streams: new RandomStreams(settings.seed, settings.replication),
      settings,
      seams: new SeamRegistry(),
      probes,
      stations,
    };
    this.runs = models.map((model) => ({ model, run: model.wire(model.parameters.read(values), context) }));
  }

  run(): RunResult {
    const { warmup, duration } = this.settings;
    for (const { run } of this.runs) run.begin?.();
    this.sim.scheduleAt(warmup, () => this.runs.forEach(({ run }) => run.startWindow?.()));
    this.sim.scheduleAt(warmup + duration, () => this.runs.forEach(({ run }) => run.endWindow?.()));
    this.sim.run();
    const timeConstants = this.runs.flatMap(({ run }) => run.timeConstants?.() ?? []);
    return {
      metrics: { ...Object.assign({}, ...this.runs.map(metricsOf)), ...this.failures.values() },
      warnings: [...this.runs.flatMap(({ run }) => run.warnings?.() ?? []), ...this.warmupCheck.warnings(timeConstants)],
      events: this.sim.eventsProcessed,
    };
  }
}

/** A model's metrics, exactly the names it declared: a missing or extra key is a bug in the model. */
function metricsOf({ model, run }: { readonly model: AnyModel; readonly run: ModelRun }): MetricValues {
  const values = run.metrics?.() ?? {};
  const declared = model.metrics.map((metric) => metric.name);
  const produced = Object.keys(values);
  const missing = declared.filter((name) => !Object.hasOwn(values, name));
  const extra = produced.filter((name) => !declared.includes(name));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(`Model ${model.name} produced metrics that differ from its declared ones (missing: ${missing.join(', ') || 'none'}; undeclared: ${extra.join(', ') || 'none'})`);
  }
  return values;
}
