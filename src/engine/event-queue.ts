import { Heap } from 'heap-js';

/**
 * A scheduled event. The record is the cancellation handle too; `handler` is a function the
 * model built once (a bound method), so scheduling allocates this record and nothing else.
 */
export interface ScheduledEvent<T = unknown> {
  readonly time: number;
  readonly priority: number;
  /** Insertion sequence: breaks ties so same-time, same-priority events run FIFO. */
  readonly sequence: number;
  readonly handler: (data: T) => void;
  readonly data: T;
  /** True until the event runs or is cancelled; a cancelled record is skipped when it surfaces. */
  pending: boolean;
  /** Posted without a handle (Simulation.post): the record is reused once it has run. */
  readonly recyclable: boolean;
}

/**
 * The future event set, kept behind this small interface so a queue can be replaced without
 * touching the simulation: heap-js's until issue 14, now TypedHeapEventQueue (bench/README.md).
 */
export interface EventQueue {
  add(event: ScheduledEvent<any>): void;
  /** Removes and returns the earliest event by (time, priority, sequence). */
  pop(): ScheduledEvent<any> | undefined;
  peek(): ScheduledEvent<any> | undefined;
  readonly size: number;
}

/** Total order of docs/design.md, Determinism: time, then priority (lower first), then insertion order. */
export function compareEvents(a: ScheduledEvent<any>, b: ScheduledEvent<any>): number {
  return a.time - b.time || a.priority - b.priority || a.sequence - b.sequence;
}

/** heap-js's binary heap: the default future event set until issue 14, kept as the reference the typed heap is tested against. */
export class HeapEventQueue implements EventQueue {
  private readonly heap = new Heap<ScheduledEvent<any>>(compareEvents);

  add(event: ScheduledEvent<any>): void {
    this.heap.add(event);
  }

  pop(): ScheduledEvent<any> | undefined {
    return this.heap.pop();
  }

  peek(): ScheduledEvent<any> | undefined {
    return this.heap.peek();
  }

  get size(): number {
    return this.heap.length;
  }
}

/** Events the typed heap has room for at first; it doubles as needed. */
const INITIAL_CAPACITY = 64;

/**
 * A future event set built for this job: an array-backed 4-ary min-heap whose event times sit
 * in a Float64Array beside the records (a parallel array, slot for slot). Sifting compares
 * times in the typed array — the four children of a slot are 32 contiguous bytes — and reads a
 * record only when two times are equal, to order them by priority and then sequence exactly as
 * compareEvents does. Moving an entry moves a number and a reference; nothing is allocated per
 * event, and the arrays double when full (they never shrink: a run's peak stays allocated).
 */
export class TypedHeapEventQueue implements EventQueue {
  private times = new Float64Array(INITIAL_CAPACITY);
  private events: (ScheduledEvent<any> | undefined)[] = new Array<ScheduledEvent<any> | undefined>(INITIAL_CAPACITY).fill(undefined);
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(event: ScheduledEvent<any>): void {
    if (this.count === this.times.length) this.grow();
    const times = this.times;
    const events = this.events;
    const time = event.time;
    let hole = this.count++;
    while (hole > 0) {
      const parent = (hole - 1) >> 2;
      const parentTime = times[parent];
      if (parentTime < time || (parentTime === time && tieBefore(events[parent] as ScheduledEvent<any>, event))) break;
      times[hole] = parentTime;
      events[hole] = events[parent];
      hole = parent;
    }
    times[hole] = time;
    events[hole] = event;
  }

  peek(): ScheduledEvent<any> | undefined {
    return this.count > 0 ? this.events[0] : undefined;
  }

  pop(): ScheduledEvent<any> | undefined {
    if (this.count === 0) return undefined;
    const events = this.events;
    const top = events[0];
    const last = --this.count;
    if (last > 0) this.siftDown(this.times[last], events[last] as ScheduledEvent<any>, last);
    events[last] = undefined; // let a cancelled record's data be collected
    return top;
  }

  /** Puts (time, event), taken from slot `size`, into the hole at the root. */
  private siftDown(time: number, event: ScheduledEvent<any>, size: number): void {
    const times = this.times;
    const events = this.events;
    let hole = 0;
    for (;;) {
      const first = 4 * hole + 1;
      if (first >= size) break;
      // The earliest of the (up to four) children.
      let best = first;
      let bestTime = times[first];
      const end = first + 4 < size ? first + 4 : size;
      for (let child = first + 1; child < end; child++) {
        const childTime = times[child];
        if (childTime < bestTime || (childTime === bestTime && tieBefore(events[child] as ScheduledEvent<any>, events[best] as ScheduledEvent<any>))) {
          best = child;
          bestTime = childTime;
        }
      }
      if (time < bestTime || (time === bestTime && tieBefore(event, events[best] as ScheduledEvent<any>))) break;
      times[hole] = bestTime;
      events[hole] = events[best];
      hole = best;
    }
    times[hole] = time;
    events[hole] = event;
  }

  private grow(): void {
    const capacity = 2 * this.times.length;
    const times = new Float64Array(capacity);
    times.set(this.times);
    this.times = times;
    const events = new Array<ScheduledEvent<any> | undefined>(capacity).fill(undefined);
    for (let i = 0; i < this.count; i++) events[i] = this.events[i];
    this.events = events;
  }
}

/**
 * Whether `a` runs before `b` when their times are equal: compareEvents' priority and
 * sequence terms, written the same way (a priority difference of NaN counts as equal there).
 */
function tieBefore(a: ScheduledEvent<any>, b: ScheduledEvent<any>): boolean {
  const byPriority = a.priority - b.priority;
  if (byPriority) return byPriority < 0;
  return a.sequence < b.sequence;
}
