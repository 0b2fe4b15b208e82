import { StationBank, type Nanoseconds, type Simulation, type StationBankReport } from '../../src/engine/index.js';
import type { Connection } from '../core/connection.js';
import type { UtilizationSource } from '../core/model-definition.js';

/**
 * Work that holds one core of a node for a while and then calls `finish`: a kube-proxy sync.
 * The owner keeps one per thing that runs, so nothing is allocated per job on a hot path.
 */
export class CoreTask {
  constructor(
    readonly node: number,
    readonly finish: () => void,
  ) {}
}

/** A job on a node's cores: a connection's first-packet softirq work, or a task. */
type NodeJob = Connection | CoreTask;

/** The measured window, for the softirq busy time. */
export interface CpuWindow {
  readonly start: Nanoseconds;
  readonly end: Nanoseconds;
}

/** The softirq busy fraction of the nodes' cores over the measured window. */
export interface SoftirqUtilization {
  readonly max: number;
  readonly mean: number;
}

/**
 * Every node's CPU as a c-server FIFO station (c = `cluster.nodeCores`), one StationBank
 * record per node, so 5,000 nodes cost a few pages of typed arrays. Two kinds of work queue
 * there in arrival order: the softirq work of a connection's first packet (its data-plane
 * lookups: the client node's part there, then the endpoint node's part — iptables' full-chain
 * walk of the DNATed packet — there), after which the handshake goes on; and
 * tasks that hold a core for their duration (a kube-proxy sync). FIFO rather than softirq
 * preempting user work: a sync that holds the node's only core delays the packets behind it,
 * as a saturated node's ksoftirqd does. Softirq busy time is kept apart, so the softirq metrics
 * are the data plane's share of the cores, not the syncs'.
 */
export class NodeCpu implements UtilizationSource {
  private readonly bank: StationBank<NodeJob>;
  /** Per node: softirq service time that falls inside the measured window (ns). */
  private readonly softirqBusyNs: Float64Array;
  private softirqServed: ((connection: Connection) => void) | undefined;
  private load: StationBankReport | undefined;

  constructor(
    private readonly sim: Simulation,
    readonly nodes: number,
    readonly cores: number,
    private readonly window: CpuWindow,
  ) {
    this.softirqBusyNs = new Float64Array(nodes);
    this.bank = new StationBank<NodeJob>(sim, {
      name: 'node CPU',
      stations: nodes,
      servers: cores,
      stationOf: (job) => (job instanceof CoreTask ? job.node : softirqNode(job)),
      onStart: (job, waited) => this.started(job, waited),
      onDone: (job) => this.done(job),
    });
  }

  /** Who goes on with a connection once its first packet's softirq work is served (the request flow). */
  onSoftirqServed(handler: (connection: Connection) => void): void {
    this.softirqServed = handler;
  }

  /**
   * Queues the first packet's data-plane work on the cores of the nodes it crosses: the client
   * node's part (`lookupNs` − `serverLookupNs`: the walk to the Service, the endpoint's choice)
   * there, then the DNATed packet's walk on the endpoint's node (`serverLookupNs`, iptables'
   * full chain on a remote node) there; the handshake goes on once both are served.
   */
  softirq(connection: Connection): void {
    connection.softirqWaitNs = 0;
    connection.softirqStage = 0;
    this.bank.submit(connection.clientNode, connection, connection.lookupNs - connection.serverLookupNs);
  }

  /** Holds one core of `task.node` for `duration`, after the work queued before it; then `task.finish`. */
  occupy(task: CoreTask, duration: Nanoseconds): void {
    this.bank.submit(task.node, task, duration);
  }

  startWindow(): void {
    this.bank.resetStatistics();
  }

  /** Ends the measured window: every node's busy fraction (softirq and tasks) and offered load. */
  endWindow(): void {
    this.load = this.bank.report();
  }

  /** The busiest node's cores over the window, softirq and tasks together (`max_station_utilization`). */
  windowMaxUtilization(): number {
    return this.windowLoad().maxUtilization;
  }

  windowLoad(): StationBankReport {
    return this.load ?? { maxUtilization: 0, overloaded: 0, worst: undefined, worstOfferedLoad: 0 };
  }

  /** Softirq busy time ÷ (cores × window), the busiest node's and the mean over all nodes. */
  softirqUtilization(): SoftirqUtilization {
    const capacity = this.cores * (this.window.end - this.window.start);
    let max = 0;
    let sum = 0;
    for (let node = 0; node < this.nodes; node++) {
      const busy = this.softirqBusyNs[node];
      if (busy > max) max = busy;
      sum += busy;
    }
    return { max: max / capacity, mean: sum / this.nodes / capacity };
  }

  /**
   * A job takes a core now. Softirq busy time is counted here, for the part of its service that
   * falls inside the window, so work still running when the run stops is counted too.
   */
  private started(job: NodeJob, waited: Nanoseconds): void {
    if (job instanceof CoreTask) return;
    job.softirqWaitNs += waited;
    const start = this.sim.now;
    const work = job.softirqStage === 0 ? job.lookupNs - job.serverLookupNs : job.serverLookupNs;
    const inside = Math.min(start + work, this.window.end) - Math.max(start, this.window.start);
    if (inside > 0) this.softirqBusyNs[softirqNode(job)] += inside;
  }

  private done(job: NodeJob): void {
    if (job instanceof CoreTask) return job.finish();
    if (job.softirqStage === 0 && job.serverLookupNs > 0) {
      job.softirqStage = 1;
      return this.bank.submit(job.endpointNode, job, job.serverLookupNs);
    }
    const served = this.softirqServed;
    if (served === undefined) throw new Error('NodeCpu served softirq work, but no model said who goes on with the connection');
    served(job);
  }
}

/** The node whose cores a connection's softirq work is on now. */
function softirqNode(connection: Connection): number {
  return connection.softirqStage === 0 ? connection.clientNode : connection.endpointNode;
}
