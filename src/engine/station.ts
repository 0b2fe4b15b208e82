import { CServerDiscipline, STATION_RECORD_SIZE } from './c-server-discipline.js';
import { JobQueue } from './job-queue.js';
import type { Simulation } from './simulation.js';
import type { Nanoseconds } from './time.js';

export interface StationOptions<J> {
  /** Shown in warnings and errors (`coredns-0`, `pod svc-12/3`). */
  readonly name: string;
  /** Number of servers c: jobs served at once. */
  readonly servers: number;
  /** Most jobs that may wait (not counting those in service); a job beyond it is refused. */
  readonly queueCapacity?: number;
  /** Called when a server takes the job, with how long it waited in the queue. */
  readonly onStart?: (job: J, waited: Nanoseconds) => void;
  /** Called when the job's service ends. */
  readonly onDone: (job: J) => void;
}

/**
 * A c-server FIFO queue (M/G/c when fed Poisson arrivals), e.g. a CoreDNS replica; many
 * identical ones (backend pods) are a StationBank. Both run the same CServerDiscipline; a
 * Station adds a bounded waiting room. Per job it allocates no closure and no record: waiting
 * jobs sit in a JobQueue of rings, and the completion handler is bound once (a Station with
 * three closures per job ran about 3× slower, docs/design.md, Scale).
 */
export class Station<J> {
  readonly name: string;
  readonly servers: number;
  readonly queueCapacity: number;
  private readonly onDone: (job: J) => void;
  private readonly discipline: CServerDiscipline<J>;
  /** This station's record: the discipline's counts and areas. */
  private readonly record = new Float64Array(STATION_RECORD_SIZE);
  private readonly waitingJobs = new JobQueue<J>();
  private jobsRefused = 0;

  constructor(
    private readonly sim: Simulation,
    options: StationOptions<J>,
  ) {
    const owner = `Station ${options.name}`;
    this.discipline = new CServerDiscipline<J>(sim, {
      owner,
      servers: options.servers,
      finish: this.complete.bind(this),
      onStart: options.onStart,
    });
    const capacity = options.queueCapacity ?? Number.POSITIVE_INFINITY;
    if (!(capacity >= 0)) throw new RangeError(`${owner}: expected queueCapacity >= 0, got ${options.queueCapacity}`);
    this.name = options.name;
    this.servers = options.servers;
    this.queueCapacity = capacity;
    this.onDone = options.onDone;
  }

  /** Offers a job needing `serviceTime` ns of a server; returns false if the queue is full. */
  submit(job: J, serviceTime: Nanoseconds): boolean {
    const queue = this.waitingJobs;
    // A full waiting room refuses a job only when no server is free to take it.
    if (queue.length >= this.queueCapacity && this.discipline.busy(this.record, 0) === this.servers) {
      this.jobsRefused++;
      return false;
    }
    if (!this.discipline.admit(this.record, 0, job, serviceTime)) queue.push(job, serviceTime, this.sim.now);
    return true;
  }

  get busyServers(): number {
    return this.discipline.busy(this.record, 0);
  }

  get queueLength(): number {
    return this.waitingJobs.length;
  }

  /** Jobs whose service ended since the last reset. */
  get completed(): number {
    return this.discipline.completed;
  }

  /** Jobs refused by a full queue since the last reset. */
  get refused(): number {
    return this.jobsRefused;
  }

  /** Time-weighted busy fraction of the c servers since the last reset (0 over an empty window). */
  utilization(): number {
    return this.discipline.utilization(this.record, 0);
  }

  /** Time-weighted mean number of jobs waiting (not in service); 0 over an empty window. */
  meanQueueLength(): number {
    return this.discipline.meanQueueLength(this.record, 0);
  }

  /** Offered load ρ over the window (see CServerDiscipline.offeredLoad); 0 over an empty window. */
  offeredLoad(): number {
    return this.discipline.offeredLoad(this.record, 0);
  }

  /** Starts a new measurement window now (end of warmup), keeping jobs in progress. */
  resetStatistics(): void {
    this.discipline.startWindow([this.record]);
    this.jobsRefused = 0;
  }

  private complete(job: J): void {
    if (this.discipline.release(this.record, 0)) this.discipline.startNext(this.waitingJobs);
    this.onDone(job);
  }
}
