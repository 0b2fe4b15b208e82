import type { MetricValues } from '../../src/contract/metric-spec.js';
import type { BuiltScenario, ClassRow, RunProgressListener, RunResult, RunSettings, ScenarioValues, TimeseriesRow } from '../../src/contract/scenario-model.js';
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

  run(progress?: RunProgressListener): RunResult {
    const { warmup, duration } = this.settings;
    this.sim.onProgress(progress);
    for (const { run } of this.runs) run.begin?.();
    this.sim.scheduleAt(warmup, () => this.runs.forEach(({ run }) => run.startWindow?.()));
    this.sim.scheduleAt(warmup + duration, () => this.runs.forEach(({ run }) => run.endWindow?.()));
    this.sim.run();
    const timeConstants = this.runs.flatMap(({ run }) => run.timeConstants?.() ?? []);
    const timeseries = this.timeseries();
    const classes = this.classes();
    return {
      metrics: { ...Object.assign({}, ...this.runs.map(metricsOf)), ...this.failures.values() },
      warnings: [...this.runs.flatMap(({ run }) => run.warnings?.() ?? []), ...this.warmupCheck.warnings(timeConstants)],
      events: this.sim.eventsProcessed,
      ...(timeseries === undefined ? {} : { timeseries }),
      ...(classes === undefined ? {} : { classes }),
    };
  }

  /**
   * Every model's class rows joined class by class, when any model declares class columns: in
   * the order of the first such model's rows, which every other such model must give too (the
   * same class names in the same order), so a joined row never mixes two classes' figures.
   */
  private classes(): ClassRow[] | undefined {
    const perModel = this.runs.filter(({ model }) => (model.classes ?? []).length > 0).map(classesOf);
    if (perModel.length === 0) return undefined;
    const [first, ...others] = perModel;
    for (const other of others) checkSameClasses(first, other);
    return first.rows.map((row, i) => ({ name: row.name, values: Object.assign({}, ...perModel.map(({ rows }) => rows[i].values)) as MetricValues }));
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

/** A model's class rows and its name: one row per class, names unique, each exactly its declared columns. */
function classesOf({ model, run }: { readonly model: AnyModel; readonly run: ModelRun }): { readonly model: string; readonly rows: readonly ClassRow[] } {
  const rows = run.classes?.() ?? [];
  const names = rows.map((row) => row.name);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) throw new Error(`Model ${model.name} produced two class rows named \`${twice}\``);
  for (const row of rows) checkKeys(model.name, `class columns for class \`${row.name}\``, (model.classes ?? []).map((column) => column.name), row.values);
  return { model: model.name, rows };
}

/** Two models' class rows must name the same classes in the same order: anything else is a bug in one of them. */
function checkSameClasses(first: ReturnType<typeof classesOf>, other: ReturnType<typeof classesOf>): void {
  const [expected, found] = [first.rows.map((row) => row.name), other.rows.map((row) => row.name)];
  if (JSON.stringify(expected) !== JSON.stringify(found)) {
    throw new Error(`Model ${other.model} produced class rows for ${describeNames(found)}, but model ${first.model} for ${describeNames(expected)}; every model must give the same classes in the same order`);
  }
}

function describeNames(names: readonly string[]): string {
  return names.length === 0 ? 'no class' : names.map((name) => `\`${name}\``).join(', ');
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
