import type { MetricSpec, MetricValues } from '../../src/contract/metric-spec.js';
import type { ConfigOf, ParameterTable, ParameterTree } from '../../src/contract/parameter-table.js';
import type { ClassRow, RunSettings } from '../../src/contract/scenario-model.js';
import type { Nanoseconds, Simulation } from '../../src/engine/index.js';
import type { RandomStreams } from '../../src/random/index.js';
import type { FailureReason } from './failure-reason.js';
import type { ProbeList } from './request-probe.js';
import type { SeamRegistry } from './seams.js';

/** A metric as a model declares it; the scenario adds the model's name. */
export type MetricEntry = Omit<MetricSpec, 'model'>;

/** A server whose busy fraction counts in `max_station_utilization` (backend pods, later CoreDNS, node CPU). */
export interface UtilizationSource {
  /** The highest busy fraction of its servers over the measured window; asked at the window's end. */
  windowMaxUtilization(): number;
}

/** A time over which a model's state forgets its start (a pool's idle timeout, a TTL, a sync period). */
export interface TimeConstant {
  /** The parameter that sets it: `workload.idleTimeout`. */
  readonly parameter: string;
  readonly duration: Nanoseconds;
}

/** What a model gets when it is wired into a run. */
export interface WiringContext {
  readonly sim: Simulation;
  readonly streams: RandomStreams;
  readonly settings: RunSettings;
  /** Parts models hand each other; provide yours, take those of models listed before you. */
  readonly seams: SeamRegistry;
  /** Register collectors of request facts here. */
  readonly probes: ProbeList;
  /** Register servers whose utilisation counts in `max_station_utilization`. */
  readonly stations: UtilizationSource[];
}

/** A model wired into one run: the hooks the scenario calls, all optional. */
export interface ModelRun {
  /** After every model is wired, before the clock starts: take late seams, schedule first events. */
  begin?(): void;
  /** The measured window starts (the end of the warm-up). */
  startWindow?(): void;
  /** The measured window ends (its last requests may still be in flight). */
  endWindow?(): void;
  /** This model's metrics, exactly the names it declared (`undefined` for no samples). */
  metrics?(): MetricValues;
  /**
   * With a time series asked for (`settings.timeseriesBucket`): one row per bucket of the
   * measured window (models/core/time-buckets.ts), each exactly its declared `timeseries` columns.
   */
  timeseries?(): readonly MetricValues[];
  /** One row per Service class, in class order, each exactly its declared `classes` columns. */
  classes?(): readonly ClassRow[];
  /** Things the user should know (an overloaded station, Services left out of a map). */
  warnings?(): string[];
  /** The slowest ways its state relaxes, for the warm-up check. */
  timeConstants?(): TimeConstant[];
}

/**
 * One model, in one shape (docs/design.md, Models: one shape): its parameter table (the typed
 * config is derived from it), its metrics, the failure reasons it can cause (each a metric
 * `failures_<reason>`), and one wiring function that builds its parts for a run, registers its
 * collectors and hands its seams to the others. The scenario composes a list of these.
 */
export interface ModelDefinition<T extends ParameterTree> {
  /** Its name in the docs and the metric tables: `proxy`; its folder is models/<name>. */
  readonly name: string;
  readonly parameters: ParameterTable<T>;
  readonly metrics: readonly MetricEntry[];
  /** Its time-series columns (`run --timeseries`), per bucket of the measured window. */
  readonly timeseries?: readonly MetricEntry[];
  /** Its per-Service-class columns (X.classes.csv). */
  readonly classes?: readonly MetricEntry[];
  /** reason → what happened, one line ("a full conntrack table dropped the SYN"). */
  readonly failureReasons?: Readonly<Partial<Record<FailureReason, string>>>;
  wire(config: ConfigOf<T>, context: WiringContext): ModelRun;
}

/** Declares a model, inferring its configuration type from its parameter table. */
export function defineModel<T extends ParameterTree>(definition: ModelDefinition<T>): ModelDefinition<T> {
  return definition;
}

/** A model of any table, as the scenario holds them in a list. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyModel = ModelDefinition<any>;
