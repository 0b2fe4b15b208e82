import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.js';
import { ms, s } from './time.js';

describe('Simulation', () => {
  it('runs same-time events in scheduling order', () => {
    const sim = new Simulation();
    const order: number[] = [];
    for (let i = 0; i < 50; i++) sim.schedule(ms(1), (n: number) => order.push(n), i);
    sim.run();
    expect(order).toEqual([...Array(50).keys()]);
  });

  it('runs a lower priority number first at the same time, FIFO within a priority', () => {
    const sim = new Simulation();
    const order: string[] = [];
    const log = (label: string) => order.push(label);
    sim.schedule(ms(1), log, 'b1', 5);
    sim.schedule(ms(1), log, 'a1', 1);
    sim.schedule(ms(1), log, 'b2', 5);
    sim.schedule(ms(1), log, 'a2', 1);
    sim.schedule(ms(1), log, 'z', -3);
    sim.run();
    expect(order).toEqual(['z', 'a1', 'a2', 'b1', 'b2']);
  });

  it('orders events by time before priority and sequence', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    sim.schedule(ms(3), () => seen.push(sim.now), undefined, -100);
    sim.schedule(ms(1), () => seen.push(sim.now), undefined, 100);
    sim.scheduleAt(ms(2), () => seen.push(sim.now));
    sim.run();
    expect(seen).toEqual([ms(1), ms(2), ms(3)]);
  });

  it('puts an event scheduled with zero delay after the events already due now', () => {
    const sim = new Simulation();
    const order: string[] = [];
    sim.schedule(0, () => {
      order.push('first');
      sim.schedule(0, () => order.push('third'));
    });
    sim.schedule(0, () => order.push('second'));
    sim.run();
    expect(order).toEqual(['first', 'second', 'third']);
  });

  it('skips a cancelled event and reports whether a cancel took effect', () => {
    const sim = new Simulation();
    const ran: string[] = [];
    const keep = sim.schedule(ms(1), () => ran.push('keep'));
    const drop = sim.schedule(ms(1), () => ran.push('drop'));
    expect(sim.pendingEvents).toBe(2);
    expect(sim.cancel(drop)).toBe(true);
    expect(sim.cancel(drop)).toBe(false);
    expect(sim.pendingEvents).toBe(1);
    sim.run();
    expect(ran).toEqual(['keep']);
    expect(sim.cancel(keep)).toBe(false);
    expect(sim.pendingEvents).toBe(0);
    expect(sim.eventsProcessed).toBe(1);
  });

  it('lets a handler cancel a later event at the same time', () => {
    const sim = new Simulation();
    const ran: string[] = [];
    let victim = sim.schedule(ms(1), () => ran.push('victim'));
    sim.schedule(0, () => sim.cancel(victim));
    victim = sim.schedule(ms(1), () => ran.push('victim'));
    sim.schedule(ms(1), () => ran.push('other'));
    sim.run();
    expect(ran).toEqual(['victim', 'other']);
  });

  it('runs events up to and including `until`, then leaves the clock there', () => {
    const sim = new Simulation();
    const ran: number[] = [];
    for (const t of [1, 2, 3, 4]) sim.scheduleAt(s(t), () => ran.push(t));
    sim.run(s(2));
    expect(ran).toEqual([1, 2]);
    expect(sim.now).toBe(s(2));
    sim.run(s(2.5));
    expect(sim.now).toBe(s(2.5));
    expect(sim.pendingEvents).toBe(2);
    sim.run();
    expect(ran).toEqual([1, 2, 3, 4]);
    expect(sim.now).toBe(s(4));
  });

  it('stops a run after the event that calls stop, leaving later events pending', () => {
    const sim = new Simulation();
    const ran: number[] = [];
    for (const t of [1, 2, 3]) sim.scheduleAt(s(t), () => {
      ran.push(t);
      if (t === 2) sim.stop();
    });
    sim.run(s(10));
    expect(ran).toEqual([1, 2]);
    expect(sim.now).toBe(s(2));
    expect(sim.pendingEvents).toBe(1);
    sim.run();
    expect(ran).toEqual([1, 2, 3]);
  });

  it('steps one event at a time and reports when none is left', () => {
    const sim = new Simulation();
    sim.schedule(ms(5), () => undefined);
    expect(sim.step()).toBe(true);
    expect(sim.now).toBe(ms(5));
    expect(sim.step()).toBe(false);
  });

  it('orders posted and scheduled events together by time, priority and insertion', () => {
    const sim = new Simulation();
    const order: string[] = [];
    const log = (label: string) => order.push(label);
    sim.post(ms(1), log, 'post-1');
    sim.schedule(ms(1), log, 'schedule-2');
    sim.postAt(ms(1), log, 'post-3');
    sim.post(ms(1), log, 'post-first', -1);
    sim.post(0, log, 'now');
    sim.run();
    expect(order).toEqual(['now', 'post-first', 'post-1', 'schedule-2', 'post-3']);
  });

  it('reuses a posted event\'s record after it ran, without keeping its data', () => {
    const sim = new Simulation();
    const seen: unknown[] = [];
    sim.trace((event) => seen.push(event));
    sim.post(ms(1), () => undefined, { big: 'payload' });
    sim.run();
    const record = seen[0] as { data: unknown; recyclable: boolean };
    expect(record.recyclable).toBe(true);
    expect(record.data).toBeUndefined();
    sim.post(ms(1), () => undefined, 'second');
    sim.run();
    expect(seen[1]).toBe(seen[0]); // the same record, reused
  });

  it('validates posted delays and times like scheduled ones', () => {
    const sim = new Simulation();
    sim.run(s(1));
    expect(() => sim.post(-1, () => undefined)).toThrow('got -1');
    expect(() => sim.postAt(0, () => undefined)).toThrow('Cannot schedule in the past');
  });

  it('rounds delays to whole nanoseconds', () => {
    const sim = new Simulation();
    sim.schedule(1.6, () => undefined);
    sim.run();
    expect(sim.now).toBe(2);
  });

  it('rejects a negative, NaN or infinite delay with the value in the message', () => {
    const sim = new Simulation();
    expect(() => sim.schedule(-5, () => undefined)).toThrow('got -5');
    expect(() => sim.schedule(Number.NaN, () => undefined)).toThrow('got NaN');
    expect(() => sim.schedule(Number.POSITIVE_INFINITY, () => undefined)).toThrow('got Infinity');
  });

  it('rejects scheduling in the past and running until a time before now', () => {
    const sim = new Simulation();
    sim.run(s(10));
    expect(() => sim.scheduleAt(s(9), () => undefined)).toThrow(
      'Cannot schedule in the past: time 9000000000 ns is before now (10000000000 ns)',
    );
    expect(() => sim.run(s(1))).toThrow('Cannot run until 1000000000 ns: it is before now (10000000000 ns)');
  });
});
