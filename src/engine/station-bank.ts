import { CServerDiscipline, STATION_RECORD_SIZE } from './c-server-discipline.js';
import { JobQueue } from './job-queue.js';
import type { Simulation } from './simulation.js';
import type { Nanoseconds } from './time.js';

export interface StationBankOptions<J> {
  /** Shown in reports (`backend pods`); a station is `<name> <index>`. */
  readonly name: string;
  /**
   * Stations numbered from 0 at the start. A job may name a station past them (a pod the churn
   * created): the bank grows to it, a page at a time.
   */
  readonly stations: number;
  /** Servers c of every station. */
  readonly servers: number;
  /** Which station a job is at: the bank keeps no per-job record, the job knows. */
  readonly stationOf: (job: J) => number;
  /** Called when a server takes the job, with how long it waited in its station's queue. */
  readonly onStart?: (job: J, waited: Nanoseconds) => void;
  /** Called when the job's service ends. */
  readonly onDone: (job: J) => void;
}

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
 * Many identical c-server FIFO stations (a cluster's 300,000 backend pods) run by the same
 * CServerDiscipline as a Station, their records kept in typed arrays instead of one object per
 * station: a job touches one station's 48-byte record, nothing is allocated per job or per
 * station, and a station that never gets a job costs no memory (pages of 4,096 records are
 * allocated on first use). Waiting jobs sit in a JobQueue per station, built only for stations
 * that ever queue. The queues are unbounded.
 */
export class StationBank<J> {
  readonly name: string;
  readonly servers: number;
  private readonly pages: (Float64Array | undefined)[];
  private readonly queues = new Map<number, JobQueue<J>>();
  private readonly discipline: CServerDiscipline<J>;
  private readonly stationOf: (job: J) => number;
  private readonly onDone: (job: J) => void;

  constructor(
    private readonly sim: Simulation,
    options: StationBankOptions<J>,
  ) {
    this.discipline = new CServerDiscipline<J>(sim, {
      owner: `StationBank ${options.name}`,
      servers: options.servers,
      finish: this.complete.bind(this),
      onStart: options.onStart,
    });
    this.name = options.name;
    this.servers = options.servers;
    this.pages = new Array(Math.ceil(options.stations / PAGE_SIZE));
    this.stationOf = options.stationOf;
    this.onDone = options.onDone;
  }

  /** Jobs whose service ended since the last reset. */
  get completed(): number {
    return this.discipline.completed;
  }

  /** Offers `job` to station `station` for `serviceTime` of one server (the queue is unbounded). */
  submit(station: number, job: J, serviceTime: Nanoseconds): void {
    if (!this.discipline.admit(this.page(station), slotOf(station), job, serviceTime)) {
      this.queueOf(station).push(job, serviceTime, this.sim.now);
    }
  }

  /** Jobs waiting (not in service) at one station now. */
  queueLength(station: number): number {
    const page = this.pages[pageOf(station)];
    return page === undefined ? 0 : this.discipline.waiting(page, slotOf(station));
  }

  /** Time-weighted busy fraction of one station's servers over the window (0 if empty). */
  utilization(station: number): number {
    const page = this.pages[pageOf(station)];
    return page === undefined ? 0 : this.discipline.utilization(page, slotOf(station));
  }

  /** Time-weighted mean number of jobs waiting at one station over the window (0 if empty). */
  meanQueueLength(station: number): number {
    const page = this.pages[pageOf(station)];
    return page === undefined ? 0 : this.discipline.meanQueueLength(page, slotOf(station));
  }

  /** Offered load of one station over the window (see CServerDiscipline.offeredLoad; 0 if empty). */
  offeredLoad(station: number): number {
    const page = this.pages[pageOf(station)];
    return page === undefined ? 0 : this.discipline.offeredLoad(page, slotOf(station));
  }

  /** Starts a new measurement window now (end of warmup), keeping jobs in progress. */
  resetStatistics(): void {
    this.discipline.startWindow(this.pages);
  }

  /** The busiest station and the overloaded ones, over the window so far. */
  report(): StationBankReport {
    let maxUtilization = 0;
    let overloaded = 0;
    let worst = -1;
    let worstLoad = 0;
    for (let p = 0; p < this.pages.length; p++) {
      const page = this.pages[p];
      if (page === undefined) continue;
      for (let at = 0; at < page.length; at += STATION_RECORD_SIZE) {
        maxUtilization = Math.max(maxUtilization, this.discipline.utilization(page, at));
        const load = this.discipline.offeredLoad(page, at);
        if (load >= 1) overloaded++;
        if (load > worstLoad) [worst, worstLoad] = [p * PAGE_SIZE + at / STATION_RECORD_SIZE, load];
      }
    }
    const name = worst < 0 ? undefined : `${this.name} ${worst}`;
    return { maxUtilization, overloaded, worst: name, worstOfferedLoad: worstLoad };
  }

  private complete(job: J): void {
    const station = this.stationOf(job);
    const page = this.pages[pageOf(station)] as Float64Array; // allocated when the job came
    // Only a station with waiting jobs has a queue to look up: most completions skip the map.
    if (this.discipline.release(page, slotOf(station))) this.discipline.startNext(this.queueOf(station));
    this.onDone(job);
  }

  private queueOf(station: number): JobQueue<J> {
    let queue = this.queues.get(station);
    if (queue === undefined) this.queues.set(station, (queue = new JobQueue<J>()));
    return queue;
  }

  /** The page holding a station's record, allocated (zeroed: idle, no history) on first use. */
  private page(station: number): Float64Array {
    const index = pageOf(station);
    return this.pages[index] ?? (this.pages[index] = new Float64Array(PAGE_SIZE * STATION_RECORD_SIZE));
  }
}

/** Page of a station (division, not a shift: station numbers may exceed 2^31). */
function pageOf(station: number): number {
  return Math.floor(station / PAGE_SIZE);
}

/** Offset of a station's record within its page. */
function slotOf(station: number): number {
  return (station % PAGE_SIZE) * STATION_RECORD_SIZE;
}
