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
 * The future event set, kept behind this small interface so a faster queue can replace
 * heap-js later without touching the simulation (issue 2: only if bench/ shows the need).
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

/** The default future event set: heap-js's binary heap. */
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
