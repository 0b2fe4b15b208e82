import { describe, expect, it } from 'vitest';
import { Simulation, ms, us, type Nanoseconds } from '../../src/engine/index.js';
import { WatchFanOut } from './watch-fan-out.js';

function fanOut(watchers: number) {
  const sim = new Simulation();
  const received: Array<{ watcher: number; event: number; at: Nanoseconds }> = [];
  const watch = new WatchFanOut<number>(sim, { watchers, costPerWatcher: us(2), deliveryDelay: ms(1) }, (watcher, event) =>
    received.push({ watcher, event, at: sim.now }));
  return { sim, watch, received };
}

describe('WatchFanOut (the API server sends every write to every watcher)', () => {
  it('delivers each event once to every watcher, the p-th after (p + 1) hand-offs plus the delivery delay', () => {
    const { sim, watch, received } = fanOut(500);
    sim.scheduleAt(ms(10), () => watch.publish(7));
    sim.run();
    expect(new Set(received.map((r) => r.watcher)).size).toBe(500);
    const delays = received.map((r) => r.at - ms(10) - ms(1)).sort((a, b) => a - b);
    expect(delays).toEqual(Array.from({ length: 500 }, (_, p) => (p + 1) * us(2)));
  });

  it('queues a burst: the last watcher of the k-th write waits k × W × cost, growing with writes × watchers', () => {
    for (const watchers of [1_000, 5_000]) {
      const { sim, watch, received } = fanOut(watchers);
      sim.scheduleAt(0, () => { for (let k = 0; k < 20; k++) watch.publish(k); });
      sim.run();
      const lastOfLast = Math.max(...received.filter((r) => r.event === 19).map((r) => r.at));
      expect(lastOfLast).toBe(20 * watchers * us(2) + ms(1));
      expect(received.length).toBe(20 * watchers);
    }
  });

  it('serves watchers in a different order per event, so no node is always last', () => {
    const { sim, watch, received } = fanOut(100);
    sim.scheduleAt(0, () => { for (let k = 0; k < 50; k++) watch.publish(k); });
    sim.run();
    const lastServed = new Set<number>();
    for (let k = 0; k < 50; k++) {
      const ofEvent = received.filter((r) => r.event === k);
      lastServed.add(ofEvent.reduce((a, b) => (b.at > a.at ? b : a)).watcher);
    }
    expect(lastServed.size).toBeGreaterThan(30);
  });
});
