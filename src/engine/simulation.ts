import { HeapEventQueue, TypedHeapEventQueue, type EventQueue, type ScheduledEvent } from './event-queue.js';
import { roundHalfUp, type Nanoseconds } from './time.js';

export type EventHandler<T> = (data: T) => void;
export type EventHandle = ScheduledEvent<any>;

/** The record as the kernel fills it in when it reuses one (the public view is read-only). */
type MutableEvent = { -readonly [K in keyof ScheduledEvent<any>]: ScheduledEvent<any>[K] };

const RELEASED = (): void => undefined;

/** Default event priority; lower numbers run first among events at the same time. */
export const DEFAULT_PRIORITY = 0;

/**
 * The simulation kernel (SimPy's split, ns-3's vocabulary): a clock, a future event set and
 * schedule / cancel / now / step / run. Everything else — stations, models — is built on this
 * public API and never touches the queue. No module state: every run owns its instance.
 */
export class Simulation {
  private clock: Nanoseconds = 0;
  private sequence = 0;
  private processed = 0;
  private cancelledPending = 0;
  private stopRequested = false;
  private tracer: ((event: ScheduledEvent<any>) => void) | undefined;
  private progressListener: ((now: Nanoseconds) => void) | undefined;
  private progressEvery = 0;
  private eventsUntilProgress = 0;
  /** Records of posted events that have run, ready for reuse: no allocation per event. */
  private readonly freeRecords: MutableEvent[] = [];

  constructor(private readonly queue: EventQueue = new TypedHeapEventQueue()) {}

  /** Current simulated time in integer nanoseconds. */
  get now(): Nanoseconds {
    return this.clock;
  }

  /** Events executed so far (cancelled ones excluded). */
  get eventsProcessed(): number {
    return this.processed;
  }

  /** Events scheduled and neither run nor cancelled. */
  get pendingEvents(): number {
    return this.queue.size - this.cancelledPending;
  }

  /**
   * Calls `tracer` with every event just before it runs (time, priority, sequence, data):
   * for trace fingerprints in determinism tests and for debugging a model.
   */
  trace(tracer: ((event: ScheduledEvent<any>) => void) | undefined): void {
    this.tracer = tracer;
  }

  /**
   * Calls `listener(now)` after every `everyEvents` events, for a progress display (how much
   * simulated time is done). A count of events, not a timer, so the calls fall on the same
   * events in every run; the listener must only read `now` (it cannot schedule), so results
   * are the same with or without one. `undefined` removes it.
   */
  onProgress(listener: ((now: Nanoseconds) => void) | undefined, everyEvents = 1 << 15): void {
    if (!(everyEvents >= 1) || !Number.isInteger(everyEvents)) throw new RangeError(`Expected a whole number of events >= 1, got ${everyEvents}`);
    this.progressListener = listener;
    this.progressEvery = everyEvents;
    this.eventsUntilProgress = everyEvents;
  }

  /**
   * Runs `handler(data)` after `delay` nanoseconds (0 = now, after the events already due) and
   * returns a handle for `cancel`.
   */
  schedule<T>(delay: Nanoseconds, handler: EventHandler<T>, data?: T, priority = DEFAULT_PRIORITY): EventHandle {
    return this.enqueue(this.timeAfter(delay), handler, data as T, priority, false);
  }

  /** Runs `handler(data)` at absolute time `time` (not before now); returns a handle. */
  scheduleAt<T>(time: Nanoseconds, handler: EventHandler<T>, data?: T, priority = DEFAULT_PRIORITY): EventHandle {
    return this.enqueue(this.checkedTime(time), handler, data as T, priority, false);
  }

  /**
   * Like `schedule`, without a handle: the event cannot be cancelled, so its record is reused
   * after it runs. Models use this on hot paths (a Station's completions, a request's next
   * step): the kernel then allocates nothing per event, and the garbage collector, which
   * otherwise takes a second core's worth of time from a parallel sweep, has less to do.
   */
  post<T>(delay: Nanoseconds, handler: EventHandler<T>, data?: T, priority = DEFAULT_PRIORITY): void {
    this.enqueue(this.timeAfter(delay), handler, data as T, priority, true);
  }

  /** Like `scheduleAt`, without a handle (see `post`). */
  postAt<T>(time: Nanoseconds, handler: EventHandler<T>, data?: T, priority = DEFAULT_PRIORITY): void {
    this.enqueue(this.checkedTime(time), handler, data as T, priority, true);
  }

  /**
   * Cancels a scheduled event; returns false if it already ran or was cancelled. The record
   * stays in the heap and is skipped when it surfaces (lazy deletion: O(1) here, no search).
   */
  cancel(handle: EventHandle): boolean {
    if (!handle.pending) return false;
    handle.pending = false;
    this.cancelledPending++;
    return true;
  }

  /** Runs the next event, if any; returns whether one ran. */
  step(): boolean {
    const event = this.nextLiveEvent();
    if (event === undefined) return false;
    this.execute(event);
    return true;
  }

  /**
   * Runs every event due at or before `until`, then leaves the clock at `until`. Without
   * `until` it runs until no event is left. A handler may call `stop()` to end it early:
   * then the clock stays at the stopping event's time.
   */
  run(until: Nanoseconds = Number.POSITIVE_INFINITY): void {
    if (Number.isNaN(until) || until < this.clock) {
      throw new RangeError(`Cannot run until ${until} ns: it is before now (${this.clock} ns)`);
    }
    this.stopRequested = false;
    for (let event = this.nextLiveEvent(); event !== undefined && event.time <= until; event = this.nextLiveEvent()) {
      this.execute(event);
      if (this.stopRequested) return;
    }
    if (until !== Number.POSITIVE_INFINITY) this.clock = until;
  }

  /** Makes the current `run` return after the event now running (e.g. the last measured request ended). */
  stop(): void {
    this.stopRequested = true;
  }

  private timeAfter(delay: Nanoseconds): Nanoseconds {
    if (!(delay >= 0) || !Number.isFinite(delay)) {
      throw new RangeError(`Expected a delay >= 0 ns and finite, got ${delay}`);
    }
    return this.clock + roundHalfUp(delay);
  }

  private checkedTime(time: Nanoseconds): Nanoseconds {
    if (!Number.isFinite(time)) throw new RangeError(`Expected a finite event time, got ${time}`);
    if (time < this.clock) {
      throw new RangeError(`Cannot schedule in the past: time ${time} ns is before now (${this.clock} ns)`);
    }
    return roundHalfUp(time);
  }

  private enqueue<T>(time: Nanoseconds, handler: EventHandler<T>, data: T, priority: number, recyclable: boolean): EventHandle {
    const sequence = this.sequence++;
    let event = recyclable ? this.freeRecords.pop() : undefined;
    if (event === undefined) {
      event = { time, priority, sequence, handler, data, pending: true, recyclable };
    } else {
      event.time = time;
      event.priority = priority;
      event.sequence = sequence;
      event.handler = handler;
      event.data = data;
      event.pending = true;
    }
    this.queue.add(event);
    return event;
  }

  /** Peeks past cancelled records, dropping them, without removing the live one. */
  private nextLiveEvent(): ScheduledEvent<any> | undefined {
    let event = this.queue.peek();
    while (event !== undefined && !event.pending) {
      this.queue.pop();
      this.cancelledPending--;
      event = this.queue.peek();
    }
    return event;
  }

  private execute(event: ScheduledEvent<any>): void {
    this.queue.pop();
    this.clock = event.time;
    event.pending = false; // a late cancel() of a handle that already ran reports false
    this.processed++;
    if (this.tracer !== undefined) this.tracer(event);
    event.handler(event.data);
    if (event.recyclable) this.recycle(event as MutableEvent);
    if (this.progressListener !== undefined && --this.eventsUntilProgress === 0) {
      this.eventsUntilProgress = this.progressEvery;
      this.progressListener(this.clock);
    }
  }

  /** Drops the record's references (so its data can be collected) and keeps it for reuse. */
  private recycle(event: MutableEvent): void {
    event.handler = RELEASED;
    event.data = undefined;
    this.freeRecords.push(event);
  }
}
