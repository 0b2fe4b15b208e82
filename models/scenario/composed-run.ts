import type { MetricValues } from '../../src/contract/metric-spec.js';
import type { BuiltScenario, RunResult, RunSettings, ScenarioValues, TimeseriesRow } from '../../src/contract/scenario-model.js';
import { Simulation } from '../../src/engine/index.js';
import { RandomStreams } from '../../src/random/index.js';
import { FailureCounts } from '../core/failure-counts.js';
import type { AnyModel, ModelRun, UtilizationSource, WiringContext } from '../core/model-definition.js';
import { ProbeList, type RequestProbe } from '../core/request-probe.js';
import { SeamRegistry } from '../core/seams.js';
import { TimeBuckets } from '../core/time-buckets.js';
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
    const timeseries = this.timeseries();
    const classes = this.runs.flatMap(({ run }) => run.classes?.() ?? []);
    return {
      metrics: { ...Object.assign({}, ...this.runs.map(metricsOf)), ...this.failures.values() },
      warnings: [...this.runs.flatMap(({ run }) => run.warnings?.() ?? []), ...this.warmupCheck.warnings(timeConstants)],
      events: this.sim.eventsProcessed,
      ...(timeseries === undefined ? {} : { timeseries }),
      ...(classes.length === 0 ? {} : { classes }),
    };
  }

  /** Every model's rows joined bucket by bucket, when a time series was asked for. */
  private timeseries(): TimeseriesRow[] | undefined {
    const buckets = new TimeBuckets(this.settings);
    if (!buckets.enabled) return undefined;
    const perModel = this.runs.map((entry) => timeseriesOf(entry, buckets.count));
    return Array.from({ length: buckets.count }, (_, bucket) => ({
      bucket,
      values: Object.assign({}, ...perModel.map((rows) => rows[bucket])) as MetricValues,
    }));
  }
}

/** A model's time-series rows: one per bucket, each exactly its declared columns. */
function timeseriesOf({ model, run }: { readonly model: AnyModel; readonly run: ModelRun }, buckets: number): readonly MetricValues[] {
  const declared = model.timeseries ?? [];
  if (declared.length === 0) return [];
  const rows = run.timeseries?.() ?? [];
  if (rows.length !== buckets) throw new Error(`Model ${model.name} produced ${rows.length} time-series rows for ${buckets} buckets`);
  for (const row of rows) checkKeys(model.name, 'time-series columns', declared.map((column) => column.name), row);
  return rows;
}

/** A model's metrics, exactly the names it declared: a missing or extra key is a bug in the model. */
function metricsOf({ model, run }: { readonly model: AnyModel; readonly run: ModelRun }): MetricValues {
  const values = run.metrics?.() ?? {};
  checkKeys(model.name, 'metrics', model.metrics.map((metric) => metric.name), values);
  return values;
}

/** A missing or extra key is a bug in the model. */
function checkKeys(model: string, what: string, declared: readonly string[], values: MetricValues): void {
  const missing = declared.filter((name) => !Object.hasOwn(values, name));
  const extra = Object.keys(values).filter((name) => !declared.includes(name));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(`Model ${model} produced ${what} that differ from its declared ones (missing: ${missing.join(', ') || 'none'}; undeclared: ${extra.join(', ') || 'none'})`);
  }
}
