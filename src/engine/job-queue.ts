import type { Nanoseconds } from './time.js';

const EMPTY_RING = new Float64Array(0);
const MIN_RING = 8;

/**
 * The FIFO of jobs waiting at a station: a ring of jobs beside rings of their service times
 * and arrival times, so queueing a job allocates nothing once the ring has grown. Rings start
 * empty: most stations of a large cluster (backend pods) never queue a job.
 */
export class JobQueue<J> {
  private jobs: (J | undefined)[] = [];
  private serviceTimes: Float64Array = EMPTY_RING;
  private arrivals: Float64Array = EMPTY_RING;
  private head = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(job: J, serviceTime: Nanoseconds, arrivedAt: Nanoseconds): void {
    if (this.count === this.jobs.length) this.grow();
    const slot = (this.head + this.count) & (this.jobs.length - 1);
    this.jobs[slot] = job;
    this.serviceTimes[slot] = serviceTime;
    this.arrivals[slot] = arrivedAt;
    this.count++;
  }

  /** Service time of the job at the head (call only when not empty). */
  get headServiceTime(): Nanoseconds {
    return this.serviceTimes[this.head];
  }

  /** Arrival time of the job at the head (call only when not empty). */
  get headArrival(): Nanoseconds {
    return this.arrivals[this.head];
  }

  /** Removes and returns the head job (call only when not empty). */
  shift(): J {
    const slot = this.head;
    const job = this.jobs[slot] as J;
    this.jobs[slot] = undefined; // let the job be collected once served
    this.head = (slot + 1) & (this.jobs.length - 1);
    this.count--;
    return job;
  }

  /** Doubles the rings (sizes stay powers of two so a slot is a mask, not a modulo). */
  private grow(): void {
    const size = this.jobs.length;
    const newSize = Math.max(2 * size, MIN_RING);
    const jobs: (J | undefined)[] = new Array(newSize);
    const serviceTimes = new Float64Array(newSize);
    const arrivals = new Float64Array(newSize);
    for (let i = 0; i < this.count; i++) {
      const from = (this.head + i) & (size - 1);
      jobs[i] = this.jobs[from];
      serviceTimes[i] = this.serviceTimes[from];
      arrivals[i] = this.arrivals[from];
    }
    this.jobs = jobs;
    this.serviceTimes = serviceTimes;
    this.arrivals = arrivals;
    this.head = 0;
  }
}
