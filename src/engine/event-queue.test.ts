import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HeapEventQueue, TypedHeapEventQueue, type EventQueue, type ScheduledEvent } from './event-queue.js';

type Op = { readonly kind: 'add'; readonly time: number; readonly priority: number } | { readonly kind: 'pop' } | { readonly kind: 'peek' };

/** Few distinct times and priorities, so equal times and equal (time, priority) pairs are common. */
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('add' as const), time: fc.integer({ min: 0, max: 12 }), priority: fc.integer({ min: -2, max: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('pop' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('peek' as const) }) },
);

/** Applies the operations to a queue; returns the sequence numbers of what pop and peek gave. */
function replay(queue: EventQueue, ops: readonly Op[]): (number | null)[] {
  const out: (number | null)[] = [];
  let sequence = 0;
  for (const o of ops) {
    if (o.kind === 'add') {
      const event: ScheduledEvent<undefined> = { time: o.time, priority: o.priority, sequence: sequence++, handler: () => undefined, data: undefined, pending: true, recyclable: false };
      queue.add(event);
    } else {
      const event = o.kind === 'pop' ? queue.pop() : queue.peek();
      out.push(event === undefined ? null : event.sequence);
    }
    out.push(queue.size);
  }
  while (queue.size > 0) out.push((queue.pop() as ScheduledEvent).sequence);
  return out;
}

describe('TypedHeapEventQueue', () => {
  it('pops and peeks exactly what heap-js does, for any interleaving of adds and pops', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        expect(replay(new TypedHeapEventQueue(), ops)).toEqual(replay(new HeapEventQueue(), ops));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the order past many doublings, with wide times and ties', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 40 }), fc.boolean(), fc.integer({ min: 0, max: 3 })), { minLength: 500, maxLength: 3000 }), (adds) => {
        const ops: Op[] = [];
        for (const [time, tie, pops] of adds) {
          ops.push({ kind: 'add', time: tie ? 1000 : time, priority: time % 3 });
          for (let i = 0; i < pops % 2; i++) ops.push({ kind: 'pop' });
        }
        expect(replay(new TypedHeapEventQueue(), ops)).toEqual(replay(new HeapEventQueue(), ops));
      }),
      { numRuns: 40 },
    );
  });

  it('returns undefined from an empty queue and drops its references on pop', () => {
    const queue = new TypedHeapEventQueue();
    expect(queue.pop()).toBeUndefined();
    expect(queue.peek()).toBeUndefined();
    const event: ScheduledEvent<object> = { time: 1, priority: 0, sequence: 0, handler: () => undefined, data: {}, pending: true, recyclable: false };
    queue.add(event);
    expect(queue.peek()).toBe(event);
    expect(queue.pop()).toBe(event);
    expect((queue as unknown as { events: unknown[] }).events[0]).toBeUndefined();
    expect(queue.size).toBe(0);
  });
});
