import type { JobQueue } from './job-queue.js';
import type { Simulation } from './simulation.js';
import type { Nanoseconds } from './time.js';

/**
 * Fields of one station's record. A record is a slice of a Float64Array, so one code path
 * serves a Station (an array of one record) and a StationBank (pages of records) alike.
 */
const BUSY = 0;
const WAITING = 1;
const LAST_CHANGE = 2;
/** ∫ busy servers dt since the window began, in server-nanoseconds. */
const BUSY_AREA = 3;
/** ∫ waiting jobs dt since the window began, in job-nanoseconds. */
const QUEUE_AREA = 4;
/** Service time of the jobs accepted since the window began. */
const DEMAND = 5;

/** Numbers per station record: 6 doubles, 48 bytes (300,000 backend pods take 14 MB; a wider record showed as cache misses at 30k Services). */
export const STATION_RECORD_SIZE = 6;

export interface CServerDisciplineOptions<J> {
  /** Names the owner in errors (`Station coredns-0`, `StationBank backend pod`). */
  readonly owner: string;
  /** Servers c of every station the discipline runs. */
  readonly servers: number;
  /** The owner's completion handler, bound once: it calls `release` and `startNext`. */
  readonly finish: (job: J) => void;
  /** Called when a server takes a job, with how long it waited in the queue. */
  readonly onStart?: (job: J, waited: Nanoseconds) => void;
}

/**
 * The c-server FIFO discipline shared by Station and StationBank: when a job starts, what a
 * completion does, the time-weighted busy and queue areas, and utilisation, mean queue length
 * and offered load over the measurement window. The owner keeps the station records and the
 * waiting jobs (a JobQueue per station); the discipline keeps the window, the completion count
 * and the rules. Nothing is allocated per job.
 *
 * Empty window: over a window of zero length every ratio is 0, as for a station that saw no
 * job. Nothing has been measured yet, and dividing by a floor instead (1 ns) would turn a job
 * accepted at the window's first instant into an offered load of millions. A run never reports
 * over an empty window: an experiment's duration must be > 0.
 */
export class CServerDiscipline<J> {
  readonly servers: number;
  private readonly finish: (job: J) => void;
  private readonly onStart: ((job: J, waited: Nanoseconds) => void) | undefined;
  private windowStart: Nanoseconds;
  private jobsCompleted = 0;

  constructor(
    private readonly sim: Simulation,
    options: CServerDisciplineOptions<J>,
  ) {
    if (!Number.isInteger(options.servers) || options.servers < 1) {
      throw new RangeError(`${options.owner}: expected servers to be an integer >= 1, got ${options.servers}`);
    }
    this.servers = options.servers;
    this.finish = options.finish;
    this.onStart = options.onStart;
    this.windowStart = sim.now;
  }

  /** Jobs whose service ended since the window began. */
  get completed(): number {
    return this.jobsCompleted;
  }

  /** Servers of the station busy now. */
  busy(records: Float64Array, at: number): number {
    return records[at + BUSY];
  }

  /** Jobs waiting at the station now (the owner's JobQueue holds them). */
  waiting(records: Float64Array, at: number): number {
    return records[at + WAITING];
  }

  /**
   * Accepts a job at the station whose record starts at `at`. Returns true if a free server
   * took it; false if it must wait, and the caller then pushes it onto the station's JobQueue.
   */
  admit(records: Float64Array, at: number, job: J, serviceTime: Nanoseconds): boolean {
    this.accumulate(records, at);
    records[at + DEMAND] += serviceTime;
    if (records[at + BUSY] < this.servers) {
      records[at + BUSY]++;
      this.begin(job, serviceTime, 0);
      return true;
    }
    records[at + WAITING]++;
    return false;
  }

  /**
   * Ends one job's service. Returns true if a job waits: its server passes straight to it, and
   * the caller then hands the station's JobQueue to `startNext`. Otherwise the server goes idle.
   */
  release(records: Float64Array, at: number): boolean {
    this.accumulate(records, at);
    this.jobsCompleted++;
    if (records[at + WAITING] > 0) {
      records[at + WAITING]--;
      return true;
    }
    records[at + BUSY]--;
    return false;
  }

  /** Starts the job at the head of `queue` on the server `release` just handed over. */
  startNext(queue: JobQueue<J>): void {
    const serviceTime = queue.headServiceTime;
    const waited = this.sim.now - queue.headArrival;
    this.begin(queue.shift(), serviceTime, waited);
  }

  /** Time-weighted busy fraction of the station's c servers over the window. */
  utilization(records: Float64Array, at: number): number {
    this.accumulate(records, at);
    return this.perWindow(records[at + BUSY_AREA], this.servers);
  }

  /** Time-weighted mean number of jobs waiting (not in service) over the window. */
  meanQueueLength(records: Float64Array, at: number): number {
    this.accumulate(records, at);
    return this.perWindow(records[at + QUEUE_AREA], 1);
  }

  /**
   * Offered load ρ = arrival rate × mean service time ÷ servers, estimated from the service
   * demand accepted in the window. ρ ≥ 1 means a queue that never settles.
   */
  offeredLoad(records: Float64Array, at: number): number {
    return this.perWindow(records[at + DEMAND], this.servers);
  }

  /**
   * Starts a new window now (end of warmup) for every record in `pages`, keeping the jobs in
   * progress: the areas and the demand restart from 0, the busy and waiting counts stay.
   */
  startWindow(pages: readonly (Float64Array | undefined)[]): void {
    for (const records of pages) {
      if (records === undefined) continue;
      for (let at = 0; at < records.length; at += STATION_RECORD_SIZE) {
        this.accumulate(records, at);
        records[at + BUSY_AREA] = 0;
        records[at + QUEUE_AREA] = 0;
        records[at + DEMAND] = 0;
      }
    }
    this.windowStart = this.sim.now;
    this.jobsCompleted = 0;
  }

  private begin(job: J, serviceTime: Nanoseconds, waited: Nanoseconds): void {
    if (this.onStart !== undefined) this.onStart(job, waited);
    this.sim.post(serviceTime, this.finish, job);
  }

  /** `amount` per unit of window time and per server; 0 over an empty window (see above). */
  private perWindow(amount: number, servers: number): number {
    const elapsed = this.sim.now - this.windowStart;
    return elapsed > 0 ? amount / (elapsed * servers) : 0;
  }

  /**
   * Adds the areas under busy servers and waiting jobs since the record's last change. A
   * zeroed record (a new page) needs no start time: its counts are 0, so its first span adds 0.
   */
  private accumulate(records: Float64Array, at: number): void {
    const now = this.sim.now;
    const span = now - records[at + LAST_CHANGE];
    if (span > 0) {
      records[at + BUSY_AREA] += records[at + BUSY] * span;
      records[at + QUEUE_AREA] += records[at + WAITING] * span;
      records[at + LAST_CHANGE] = now;
    }
  }
}
