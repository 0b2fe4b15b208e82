import type { Nanoseconds, Simulation } from '../../src/engine/index.js';
import { QuantileSketch } from '../../src/stats/index.js';
import type { EndpointSlices, ServiceEndpoints } from '../cluster/endpoint-slices.js';
import { CoreTask, type NodeCpu } from '../cluster/node-cpu.js';
import type { ProgrammedViews } from '../cluster/programmed-views.js';
import { SyncRunner, type SyncExecutor, type SyncRunnerOptions } from './sync-runner.js';
import type { SyncCostModel, SyncWorkload } from './sync-workload.js';

export interface NodeProxySyncsOptions {
  readonly runner: SyncRunnerOptions;
  readonly cost: SyncCostModel;
  /** Endpoints of all Services now (the table a sync computes). */
  readonly totalEndpoints: () => number;
  /** Sees every programming latency as it is measured (a sample per changed slice per node), at the sync's end. */
  readonly onProgrammed?: (latency: Nanoseconds) => void;
  /** The oldest change any reader of the EndpointSlices still routes or answers with (default: the nodes' oldest). */
  readonly oldestInUse?: () => number;
  /** The nodes' cores: a sync holds one core of its node for its duration (absent: syncs take no core). */
  readonly cpu?: NodeCpu;
}

/**
 * Every node's kube-proxy control loop (docs/calibration.md, kube-proxy control plane): a watch
 * event tells the node a change exists; its SyncRunner starts a sync when the limiter allows;
 * the sync programs every change delivered before it started (coalesced), takes its mode's
 * cost model's time, and only at its end does the node route with the new view — until then
 * with the previous one. Network programming latency, per changed EndpointSlice per node and
 * pooled over nodes as the Kubernetes SLI, runs from the change's trigger time to the end of
 * the sync that programmed it.
 */
export class NodeProxySyncs {
  private readonly runners: SyncRunner[];
  /** Per node: the newest change delivered to it. */
  private readonly delivered: Float64Array;
  /** Per node, for the sync running: the change it programs from, to, and how long it takes. */
  private readonly syncFrom: Float64Array;
  private readonly syncTo: Float64Array;
  private readonly syncDuration: Float64Array;
  /** Per node, for the sync running: the Services it leaves programmed. */
  private readonly syncServices: Float64Array;
  private syncsSinceForget = 0;
  /**
   * The diff of each (from, to) pair of changes some node synced, by `diffKey`: nodes sync
   * the same pairs (a change reaches thousands of nodes, which sync it from the same version),
   * and the diff depends on the pair alone, so it is computed once per pair instead of once per
   * node. Cleared whenever old versions are forgotten, so it holds pairs of recent changes only.
   */
  private readonly diffs = new Map<number, SyncDiff>();
  private measuring = false;
  readonly syncDurations = new QuantileSketch();
  readonly programmingLatencies = new QuantileSketch();
  /** Time spent syncing, summed over nodes, in the measured window (ns). */
  busyTime: Nanoseconds = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly slices: EndpointSlices,
    private readonly views: ProgrammedViews,
    nodes: number,
    private readonly options: NodeProxySyncsOptions,
  ) {
    this.delivered = new Float64Array(nodes);
    this.syncFrom = new Float64Array(nodes);
    this.syncTo = new Float64Array(nodes);
    this.syncDuration = new Float64Array(nodes);
    this.syncServices = new Float64Array(nodes);
    this.runners = Array.from(
      { length: nodes },
      (_, node) => new SyncRunner(sim, options.runner, () => this.startSync(node), () => this.endSync(node), onCores(options.cpu, node)),
    );
  }

  /** Starts every node's periodic timer. */
  start(): void {
    for (const runner of this.runners) runner.start();
  }

  /** Counts syncs and latencies from now on. */
  startWindow(): void {
    this.measuring = true;
  }

  /** Stops counting: syncs that end after the measured window are not in its figures. */
  endWindow(): void {
    this.measuring = false;
  }

  /** The watch delivered change `version` to `node`'s kube-proxy. */
  deliver(node: number, version: number): void {
    if (version > this.delivered[node]) this.delivered[node] = version;
    this.runners[node].request();
  }

  private startSync(node: number): Nanoseconds {
    const from = this.views.versionOf(node);
    const to = this.delivered[node];
    const work = this.workload(from, to, this.views.serviceCount(node));
    const duration = this.options.cost.duration(work);
    this.syncServices[node] = work.services;
    this.syncFrom[node] = from;
    this.syncTo[node] = to;
    this.syncDuration[node] = duration;
    return duration;
  }

  private endSync(node: number): void {
    const from = this.syncFrom[node];
    const to = this.syncTo[node];
    const duration = this.syncDuration[node];
    if (this.measuring) {
      this.syncDurations.add(duration);
      this.busyTime += duration;
      for (const version of this.slices.versionsBetween(from, to)) {
        const latency = this.sim.now - version.triggerTime;
        for (let slice = 0; slice < version.changedSlices; slice++) {
          this.programmingLatencies.add(latency);
          this.options.onProgrammed?.(latency);
        }
      }
    }
    this.views.advance(node, to, this.syncServices[node]);
    // Forgetting costs O(nodes); once per `nodes` syncs keeps it O(1) a sync.
    if (++this.syncsSinceForget >= this.runners.length) {
      this.syncsSinceForget = 0;
      this.diffs.clear();
      this.slices.forgetBefore(this.options.oldestInUse?.() ?? this.views.oldestProgrammed());
    }
  }

  /**
   * What a sync from change `from` to `to` must do, on a node that has `services` Services
   * programmed: the Services changed in between (created and deleted ones too), each diffed once.
   */
  private workload(from: number, to: number, services: number): SyncWorkload {
    const diff = from < to ? this.diffOf(from, to) : NO_CHANGE;
    return {
      services: diff.servicesAfter ?? services,
      endpoints: this.options.totalEndpoints(),
      changedServices: diff.changedServices,
      changedServiceEndpoints: diff.changedServiceEndpoints,
      endpointOperations: diff.endpointOperations,
      removedEndpoints: diff.removedEndpoints,
      full: false,
    };
  }

  /** The diff from change `from` to `to` (from < to), computed once per pair while recent. */
  private diffOf(from: number, to: number): SyncDiff {
    const key = diffKey(from, to);
    if (key === undefined) return this.computeDiff(from, to);
    let diff = this.diffs.get(key);
    if (diff === undefined) this.diffs.set(key, (diff = this.computeDiff(from, to)));
    return diff;
  }

  private computeDiff(from: number, to: number): SyncDiff {
    const before = new Map<number, ServiceEndpoints | undefined>();
    const after = new Map<number, ServiceEndpoints>();
    let servicesAfter: number | undefined;
    for (const version of this.slices.versionsBetween(from, to)) {
      if (!before.has(version.service)) before.set(version.service, visibleAt(version.previous, from));
      after.set(version.service, version);
      servicesAfter = version.servicesAfter;
    }
    let changedServiceEndpoints = 0;
    let endpointOperations = 0;
    let removedEndpoints = 0;
    for (const [service, now] of after) {
      const old = before.get(service);
      const oldPods = (old ?? this.slices.initialVersion(service)).endpoints.pods;
      const newPods = now.endpoints.pods;
      const oldSet = new Set(oldPods);
      const newSet = new Set(newPods);
      const removed = oldPods.filter((pod) => !newSet.has(pod)).length;
      const added = newPods.filter((pod) => !oldSet.has(pod)).length;
      changedServiceEndpoints += now.readyPods.length > 0 ? now.readyPods.length : now.fallbackPods.length;
      removedEndpoints += removed;
      endpointOperations += added + removed;
    }
    return { servicesAfter, changedServices: after.size, changedServiceEndpoints, endpointOperations, removedEndpoints };
  }
}

/** The part of a SyncWorkload that depends only on the changes synced. */
interface SyncDiff {
  /** Services once the last change is in (undefined: no change, the node's count stays). */
  readonly servicesAfter: number | undefined;
  readonly changedServices: number;
  readonly changedServiceEndpoints: number;
  readonly endpointOperations: number;
  readonly removedEndpoints: number;
}

const NO_CHANGE: SyncDiff = { servicesAfter: undefined, changedServices: 0, changedServiceEndpoints: 0, endpointOperations: 0, removedEndpoints: 0 };

/** One number for the pair (from, to), or undefined past 2^26 changes (then the diff is not kept). */
function diffKey(from: number, to: number): number | undefined {
  return to < 2 ** 26 ? from * 2 ** 26 + to : undefined;
}

/**
 * A node's syncs run on one of its cores, after the work queued there: one task per node, made
 * at its first sync (a node's syncs never overlap), so a sync allocates no task of its own.
 */
function onCores(cpu: NodeCpu | undefined, node: number): SyncExecutor | undefined {
  if (cpu === undefined) return undefined;
  let task: CoreTask | undefined;
  return (duration, finish) => cpu.occupy((task ??= new CoreTask(node, finish)), duration);
}

/** The newest of a chain of versions at or below `bound` (undefined: the initial state). */
function visibleAt(version: ServiceEndpoints | undefined, bound: number): ServiceEndpoints | undefined {
  while (version !== undefined && version.version > bound) version = version.previous;
  return version;
}

