import { JobQueue } from './job-queue.js';
import type { Simulation } from './simulation.js';
import { requireServers } from './station.js';
import type { Nanoseconds } from './time.js';

export interface StationBankOptions<J> {
  /** Shown in reports (`backend pods`); a station is `<name> <index>`. */
  readonly name: string;
  /** Number of stations, numbered from 0. */
  readonly stations: number;
  /** Servers c of every station. */
  readonly servers: number;
  /** Which station a job is at: the bank keeps no per-job record, the job knows. */
  readonly stationOf: (job: J) => number;
  /** Called when the job's service ends. */
  readonly onDone: (job: J) => void;
}

/** Fields of one station, interleaved so a station's state sits in one cache line. */
const BUSY = 0;
const LAST_CHANGE = 1;
const BUSY_AREA = 2;
const DEMAND = 3;
const STRIDE = 4;
/** Stations per page: pages are allocated on first use, so untouched stations cost nothing. */
const PAGE_SIZE = 4096;

/** The busiest station at the end of a window, and how many were overloaded. */
export interface StationBankReport {
  readonly maxUtilization: number;
  /** Stations whose offered load was >= 1 in the window. */
  readonly overloaded: number;
  readonly worst: string | undefined;
  readonly worstOfferedLoad: number;
}

/**
 * Many identical c-server FIFO stations (a cluster's 300,000 backend pods) with the Station's
 * behaviour and statistics, kept as typed arrays instead of one object per station: a job
 * touches one cache line of state, nothing is allocated per station, and a station that never
 * gets a job costs no memory (pages of 4,096 are allocated on first use). Waiting jobs sit in a
 * JobQueue per station, built only for stations that ever queue.
 */
export class StationBank<J> {
  readonly name: string;
  readonly servers: number;
  private readonly pages: (Float64Array | undefined)[];
  private readonly queues = new Map<number, JobQueue<J>>();
  private readonly stationOf: (job: J) => number;
  private readonly onDone: (job: J) => void;
  private readonly finish: (job: J) => void;
  private windowStart: Nanoseconds;
  private jobsCompleted = 0;

  constructor(
    private readonly sim: Simulation,
    options: StationBankOptions<J>,
  ) {
    requireServers(`StationBank ${options.name}`, options.servers);
    this.name = options.name;
    this.servers = options.servers;
    this.pages = new Array(Math.ceil(options.stations / PAGE_SIZE));
    this.stationOf = options.stationOf;
    this.onDone = options.onDone;
    this.finish = this.complete.bind(this);
    this.windowStart = sim.now;
  }

  /** Jobs whose service ended since the last reset. */
  get completed(): number {
    return this.jobsCompleted;
  }

  /** Offers `job` to station `station` for `serviceTime` of one server (the queue is unbounded). */
  submit(station: number, job: J, serviceTime: Nanoseconds): void {
    const page = this.page(station);
    const base = slotOf(station);
    this.accumulate(page, base);
    page[base + DEMAND] += serviceTime;
    if (page[base + BUSY] < this.servers) return this.begin(page, base, job, serviceTime);
    let queue = this.queues.get(station);
    if (queue === undefined) this.queues.set(station, (queue = new JobQueue<J>()));
    queue.push(job, serviceTime, this.sim.now);
  }

  /** Time-weighted busy fraction of one station's servers since the window began. */
  utilization(station: number): number {
    return this.busyArea(station) / (this.elapsed() * this.servers);
  }

  /** Offered load of one station: service demand accepted in the window ÷ (window × servers). */
  offeredLoad(station: number): number {
    const page = this.pages[pageOf(station)];
    const demand = page === undefined ? 0 : page[slotOf(station) + DEMAND];
    return demand / (this.elapsed() * this.servers);
  }

  /** Starts a new measurement window now (end of warmup), keeping jobs in progress. */
  resetStatistics(): void {
    this.windowStart = this.sim.now;
    this.jobsCompleted = 0;
    for (const page of this.pages) {
      if (page === undefined) continue;
      for (let base = 0; base < page.length; base += STRIDE) {
        this.accumulate(page, base);
        page[base + BUSY_AREA] = 0;
        page[base + DEMAND] = 0;
      }
    }
  }

  /** The busiest station and the overloaded ones, over the window so far. */
  report(): StationBankReport {
    let maxUtilization = 0;
    let overloaded = 0;
    let worst = -1;
    let worstLoad = 0;
    for (let p = 0; p < this.pages.length; p++) {
      if (this.pages[p] === undefined) continue;
      for (let i = 0; i < PAGE_SIZE; i++) {
        const station = p * PAGE_SIZE + i;
        maxUtilization = Math.max(maxUtilization, this.utilization(station));
        const load = this.offeredLoad(station);
        if (load >= 1) overloaded++;
        if (load > worstLoad) [worst, worstLoad] = [station, load];
      }
    }
    const name = worst < 0 ? undefined : `${this.name} ${worst}`;
    return { maxUtilization, overloaded, worst: name, worstOfferedLoad: worstLoad };
  }

  private begin(page: Float64Array, base: number, job: J, serviceTime: Nanoseconds): void {
    page[base + BUSY]++;
    this.sim.post(serviceTime, this.finish, job);
  }

  private complete(job: J): void {
    const station = this.stationOf(job);
    const page = this.page(station);
    const base = slotOf(station);
    this.accumulate(page, base);
    page[base + BUSY]--;
    this.jobsCompleted++;
    const queue = this.queues.get(station);
    if (queue !== undefined && queue.length > 0) {
      const serviceTime = queue.headServiceTime;
      this.begin(page, base, queue.shift(), serviceTime);
    }
    this.onDone(job);
  }

  private busyArea(station: number): number {
    const page = this.pages[pageOf(station)];
    if (page === undefined) return 0;
    const base = slotOf(station);
    this.accumulate(page, base);
    return page[base + BUSY_AREA];
  }

  private elapsed(): Nanoseconds {
    return Math.max(this.sim.now - this.windowStart, 1);
  }

  private page(station: number): Float64Array {
    const index = pageOf(station);
    let page = this.pages[index];
    if (page === undefined) {
      page = this.pages[index] = new Float64Array(PAGE_SIZE * STRIDE);
      const now = this.sim.now;
      for (let base = 0; base < page.length; base += STRIDE) page[base + LAST_CHANGE] = now;
    }
    return page;
  }

  /** Adds the area under the busy-server count since the station's last change. */
  private accumulate(page: Float64Array, base: number): void {
    const now = this.sim.now;
    const span = now - page[base + LAST_CHANGE];
    if (span > 0) {
      page[base + BUSY_AREA] += page[base + BUSY] * span;
      page[base + LAST_CHANGE] = now;
    }
  }
}

/** Page of a station (division, not a shift: station numbers may exceed 2^31). */
function pageOf(station: number): number {
  return Math.floor(station / PAGE_SIZE);
}

/** Offset of a station's fields within its page. */
function slotOf(station: number): number {
  return (station % PAGE_SIZE) * STRIDE;
}
