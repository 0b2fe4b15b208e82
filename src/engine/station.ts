import type { Simulation } from './simulation.js';
import { JobQueue } from './job-queue.js';
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
 * identical ones (backend pods) are a StationBank. Per job it allocates no closure and no
 * record: waiting jobs sit in a JobQueue of rings, and the completion handler is bound once
 * (a Station with three closures per job ran about 3× slower, docs/design.md, Scale).
 */
export class Station<J> {
  readonly name: string;
  readonly servers: number;
  readonly queueCapacity: number;
  private readonly onStart: ((job: J, waited: Nanoseconds) => void) | undefined;
  private readonly onDone: (job: J) => void;
  private readonly finish: (job: J) => void;

  private busy = 0;
  private readonly waitingJobs = new JobQueue<J>();

  private windowStart: Nanoseconds;
  private lastChange: Nanoseconds;
  private busyArea = 0;
  private queueArea = 0;
  private demandSubmitted = 0;
  private jobsCompleted = 0;
  private jobsRefused = 0;

  constructor(
    private readonly sim: Simulation,
    options: StationOptions<J>,
  ) {
    requireServers(`Station ${options.name}`, options.servers);
    const capacity = options.queueCapacity ?? Number.POSITIVE_INFINITY;
    if (!(capacity >= 0)) {
      throw new RangeError(`Station ${options.name}: expected queueCapacity >= 0, got ${options.queueCapacity}`);
    }
    this.name = options.name;
    this.servers = options.servers;
    this.queueCapacity = capacity;
    this.onStart = options.onStart;
    this.onDone = options.onDone;
    this.finish = this.complete.bind(this);
    this.windowStart = sim.now;
    this.lastChange = sim.now;
  }

  /** Offers a job needing `serviceTime` ns of a server; returns false if the queue is full. */
  submit(job: J, serviceTime: Nanoseconds): boolean {
    if (this.busy < this.servers) {
      this.accumulate();
      this.demandSubmitted += serviceTime;
      this.begin(job, serviceTime, 0);
      return true;
    }
    if (this.waitingJobs.length >= this.queueCapacity) {
      this.jobsRefused++;
      return false;
    }
    this.accumulate();
    this.demandSubmitted += serviceTime;
    this.waitingJobs.push(job, serviceTime, this.sim.now);
    return true;
  }

  get busyServers(): number {
    return this.busy;
  }

  get queueLength(): number {
    return this.waitingJobs.length;
  }

  /** Jobs whose service ended since the last reset. */
  get completed(): number {
    return this.jobsCompleted;
  }

  /** Jobs refused by a full queue since the last reset. */
  get refused(): number {
    return this.jobsRefused;
  }

  /** Time-weighted busy fraction of the c servers since the last reset (or construction). */
  utilization(): number {
    this.accumulate();
    const elapsed = this.sim.now - this.windowStart;
    return elapsed > 0 ? this.busyArea / (elapsed * this.servers) : 0;
  }

  /** Time-weighted mean number of jobs waiting (not in service). */
  meanQueueLength(): number {
    this.accumulate();
    const elapsed = this.sim.now - this.windowStart;
    return elapsed > 0 ? this.queueArea / elapsed : 0;
  }

  /**
   * Offered load ρ = arrival rate × mean service time ÷ servers, estimated from the service
   * demand accepted in the window. ρ ≥ 1 means a queue that never settles.
   */
  offeredLoad(): number {
    const elapsed = this.sim.now - this.windowStart;
    return elapsed > 0 ? this.demandSubmitted / (elapsed * this.servers) : 0;
  }

  /** Starts a new measurement window now (end of warmup), keeping jobs in progress. */
  resetStatistics(): void {
    this.accumulate();
    this.windowStart = this.sim.now;
    this.busyArea = 0;
    this.queueArea = 0;
    this.demandSubmitted = 0;
    this.jobsCompleted = 0;
    this.jobsRefused = 0;
  }

  private begin(job: J, serviceTime: Nanoseconds, waited: Nanoseconds): void {
    this.busy++;
    if (this.onStart !== undefined) this.onStart(job, waited);
    this.sim.post(serviceTime, this.finish, job);
  }

  private complete(job: J): void {
    this.accumulate();
    this.busy--;
    this.jobsCompleted++;
    if (this.waitingJobs.length > 0) this.startNextWaiting();
    this.onDone(job);
  }

  private startNextWaiting(): void {
    const queue = this.waitingJobs;
    const serviceTime = queue.headServiceTime;
    const waited = this.sim.now - queue.headArrival;
    this.begin(queue.shift(), serviceTime, waited);
  }

  /** Adds the areas under busy servers and queue length since the last change. */
  private accumulate(): void {
    const now = this.sim.now;
    const span = now - this.lastChange;
    if (span > 0) {
      this.busyArea += this.busy * span;
      this.queueArea += this.waitingJobs.length * span;
      this.lastChange = now;
    }
  }
}

/** Checks a station's server count c: an integer >= 1 (shared by Station and StationBank). */
export function requireServers(what: string, servers: number): void {
  if (!Number.isInteger(servers) || servers < 1) {
    throw new RangeError(`${what}: expected servers to be an integer >= 1, got ${servers}`);
  }
}
