import { describe, expect, it } from 'vitest';
import { ms, Simulation, us, type Nanoseconds } from '../../src/engine/index.js';
import { newConnection, type Connection } from '../core/connection.js';
import { CoreTask, NodeCpu } from './node-cpu.js';

/** A connection from a client on `node` whose first packet costs `lookupNs` of softirq work. */
function firstPacket(node: number, lookupNs: Nanoseconds): Connection {
  const connection = newConnection();
  connection.clientNode = node;
  connection.lookupNs = lookupNs;
  return connection;
}

function nodeCpu(cores: number, window = { start: 0, end: ms(100) }) {
  const sim = new Simulation();
  const cpu = new NodeCpu(sim, 2, cores, window);
  const served: Array<{ at: Nanoseconds; waited: Nanoseconds }> = [];
  cpu.onSoftirqServed((connection) => void served.push({ at: sim.now, waited: connection.softirqWaitNs }));
  return { sim, cpu, served };
}

describe('NodeCpu', () => {
  it("makes a first packet wait behind a sync that holds its node's only core, and leaves other nodes alone", () => {
    const { sim, cpu, served } = nodeCpu(1);
    let syncEnded = -1;
    sim.scheduleAt(0, () => cpu.occupy(new CoreTask(0, () => (syncEnded = sim.now)), ms(10)));
    sim.scheduleAt(ms(1), () => cpu.softirq(firstPacket(0, us(50))));
    sim.scheduleAt(ms(1), () => cpu.softirq(firstPacket(1, us(50))));
    sim.run();
    expect(syncEnded).toBe(ms(10));
    expect(served).toEqual([
      { at: ms(1) + us(50), waited: 0 }, // node 1: its core is free
      { at: ms(10) + us(50), waited: ms(9) },
    ]);
  });

  it("runs a remote endpoint's part of the walk on that node's cores, after the client's part, waiting there too", () => {
    const { sim, cpu, served } = nodeCpu(1);
    const crossing = firstPacket(0, us(100));
    crossing.endpointNode = 1;
    crossing.serverLookupNs = us(60);
    // Node 1's only core is busy until 1 ms: the 60 µs there wait behind it.
    sim.scheduleAt(0, () => cpu.occupy(new CoreTask(1, () => undefined), ms(1)));
    sim.scheduleAt(0, () => cpu.softirq(crossing));
    sim.run();
    expect(served).toEqual([{ at: ms(1) + us(60), waited: ms(1) - us(40) }]);
    const utilization = cpu.softirqUtilization();
    // 40 µs on node 0 and 60 µs on node 1, over a 100 ms window of one core each.
    expect(utilization.max).toBeCloseTo(us(60) / ms(100), 12);
    expect(utilization.mean).toBeCloseTo(us(50) / ms(100), 12);
  });

  it('serves as many first packets at once as the node has cores', () => {
    const { sim, cpu, served } = nodeCpu(2);
    sim.scheduleAt(0, () => [1, 2, 3].forEach(() => cpu.softirq(firstPacket(0, us(100)))));
    sim.run();
    expect(served.map(({ at }) => at)).toEqual([us(100), us(100), us(200)]);
  });

  it("counts only softirq work, and only its part inside the window, in the softirq utilisation", () => {
    const { sim, cpu } = nodeCpu(2, { start: ms(1), end: ms(3) });
    sim.scheduleAt(0, () => cpu.occupy(new CoreTask(0, () => undefined), ms(3))); // a sync: not softirq
    sim.scheduleAt(us(500), () => cpu.softirq(firstPacket(0, ms(1)))); // half of it inside
    sim.scheduleAt(ms(2), () => cpu.softirq(firstPacket(1, ms(2)))); // half of it inside
    sim.run();
    const window = 2 * ms(2); // 2 cores × 2 ms
    expect(cpu.softirqUtilization()).toEqual({ max: ms(1) / window, mean: (ms(0.5) + ms(1)) / 2 / window });
  });
});
