import { describe, expect, it } from 'vitest';
import { Simulation, ms, s, type Nanoseconds } from '../../src/engine/index.js';
import { EndpointSlices, type EndpointState } from '../cluster/endpoint-slices.js';
import { testCluster } from '../cluster/testing/test-cluster.js';
import { EndpointSliceController } from './endpoint-slice-controller.js';

const onePod = (pod: number): EndpointState => ({
  pods: Int32Array.of(pod), ready: Uint8Array.of(1), serving: Uint8Array.of(1), terminating: Uint8Array.of(0),
});

function controller(batchPeriod = 0) {
  const sim = new Simulation();
  const slices = new EndpointSlices(testCluster({ nodes: 2, services: 200, endpointsPerService: 1 }));
  const writes: Array<{ at: Nanoseconds; service: number; trigger: Nanoseconds; pod: number }> = [];
  const c = new EndpointSliceController(sim, slices, { writesPerSecond: 20, burst: 30, batchPeriod }, (v) =>
    writes.push({ at: sim.now, service: v.service, trigger: v.triggerTime, pod: v.readyPods[0] }));
  return { sim, c, writes };
}

describe('EndpointSliceController (API client 20 writes/s, burst 30; a queued Service is queued once)', () => {
  it('writes a burst of 30 at once, then one every 50 ms', () => {
    const { sim, c, writes } = controller();
    sim.scheduleAt(0, () => { for (let service = 0; service < 100; service++) c.changed(service, onePod(1_000 + service), 0); });
    sim.run(s(10));
    expect(writes.length).toBe(100);
    expect(writes.slice(0, 30).every((w) => w.at === 0)).toBe(true);
    expect(writes[30].at).toBe(ms(50));
    expect(writes[99].at).toBe(70 * ms(50));
  });

  it('coalesces changes to a waiting Service into one write carrying the oldest trigger time and the newest state', () => {
    const { sim, c, writes } = controller();
    sim.scheduleAt(0, () => { for (let service = 0; service < 40; service++) c.changed(service, onePod(1_000 + service), 0); });
    // Service 35 is still waiting (writes 31-40 go out at 50, 100, ... 500 ms) when it changes again.
    sim.scheduleAt(ms(120), () => c.changed(35, onePod(7_777), ms(120)));
    sim.run(s(10));
    const ofService35 = writes.filter((w) => w.service === 35);
    expect(ofService35).toEqual([{ at: ms(300), service: 35, trigger: 0, pod: 7_777 }]);
    expect(writes.length).toBe(40);
  });

  it('with a batch period, writes a Service once per period, carrying every change made in it', () => {
    const { sim, c, writes } = controller(s(1));
    for (const [at, pod] of [[0, 1], [ms(300), 2], [ms(900), 3], [ms(1_500), 4]]) sim.scheduleAt(at, () => c.changed(7, onePod(pod), at));
    sim.run(s(10));
    expect(writes).toEqual([
      { at: s(1), service: 7, trigger: 0, pod: 3 },
      { at: ms(2_500), service: 7, trigger: ms(1_500), pod: 4 },
    ]);
  });
});
