import type { Simulation } from './simulation.js';
import type { Nanoseconds } from './time.js';

const EMPTY_RING = new Float64Array(0);
const MIN_RING = 8;

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
  /**
   * Start of the statistics window, at or before now: a station built lazily in the middle
   * of a measurement counts as idle since then (it did not exist, so it served nothing).
   */
  readonly measureFrom?: Nanoseconds;
}

/**
 * A c-server FIFO queue (M/G/c when fed Poisson arrivals). CoreDNS replicas and backend pods
 * are Stations. Per job it allocates no closure and no record: the queue is a ring of jobs
 * beside a ring of their service times and arrival times, and the completion handler is bound
 * once (a Station with three closures per job ran about 3× slower, DESIGN.md §5).
 */
export class Station<J> {
  readonly name: string;
  readonly servers: number;
  readonly queueCapacity: number;
  private readonly onStart: ((job: J, waited: Nanoseconds) => void) | undefined;
  private readonly onDone: (job: J) => void;
  private readonly finish: (job: J) => void;

  private busy = 0;
  // Rings start empty: most stations of a large cluster (backend pods) never queue a job.
  private ringJobs: (J | undefined)[] = [];
  private ringServiceTimes: Float64Array = EMPTY_RING;
  private ringArrivals: Float64Array = EMPTY_RING;
  private head = 0;
  private waiting = 0;

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
    if (!Number.isInteger(options.servers) || options.servers < 1) {
      throw new RangeError(`Station ${options.name}: expected servers to be an integer >= 1, got ${options.servers}`);
    }
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
    const measureFrom = options.measureFrom ?? sim.now;
    if (!(measureFrom <= sim.now)) {
      throw new RangeError(`Station ${options.name}: expected measureFrom <= now (${sim.now} ns), got ${measureFrom}`);
    }
    this.windowStart = measureFrom;
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
    if (this.waiting >= this.queueCapacity) {
      this.jobsRefused++;
      return false;
    }
    this.accumulate();
    this.demandSubmitted += serviceTime;
    this.enqueue(job, serviceTime);
    return true;
  }

  get busyServers(): number {
    return this.busy;
  }

  get queueLength(): number {
    return this.waiting;
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
    if (this.waiting > 0) this.startNextWaiting();
    this.onDone(job);
  }

  private startNextWaiting(): void {
    const slot = this.head;
    const job = this.ringJobs[slot] as J;
    const serviceTime = this.ringServiceTimes[slot];
    const waited = this.sim.now - this.ringArrivals[slot];
    this.ringJobs[slot] = undefined; // let the job be collected once served
    this.head = (slot + 1) & (this.ringJobs.length - 1);
    this.waiting--;
    this.begin(job, serviceTime, waited);
  }

  private enqueue(job: J, serviceTime: Nanoseconds): void {
    if (this.waiting === this.ringJobs.length) this.growRing();
    const slot = (this.head + this.waiting) & (this.ringJobs.length - 1);
    this.ringJobs[slot] = job;
    this.ringServiceTimes[slot] = serviceTime;
    this.ringArrivals[slot] = this.sim.now;
    this.waiting++;
  }

  /** Doubles the rings (sizes stay powers of two so a slot is a mask, not a modulo). */
  private growRing(): void {
    const size = this.ringJobs.length;
    const newSize = Math.max(2 * size, MIN_RING);
    const jobs: (J | undefined)[] = new Array(newSize);
    const serviceTimes = new Float64Array(newSize);
    const arrivals = new Float64Array(newSize);
    for (let i = 0; i < this.waiting; i++) {
      const from = (this.head + i) & (size - 1);
      jobs[i] = this.ringJobs[from];
      serviceTimes[i] = this.ringServiceTimes[from];
      arrivals[i] = this.ringArrivals[from];
    }
    this.ringJobs = jobs;
    this.ringServiceTimes = serviceTimes;
    this.ringArrivals = arrivals;
    this.head = 0;
  }

  /** Adds the areas under busy servers and queue length since the last change. */
  private accumulate(): void {
    const now = this.sim.now;
    const span = now - this.lastChange;
    if (span > 0) {
      this.busyArea += this.busy * span;
      this.queueArea += this.waiting * span;
      this.lastChange = now;
    }
  }
}
