import { describe, expect, it } from 'vitest';
import { ms, Simulation, type Nanoseconds } from '../../src/engine/index.js';
import { constantSampler } from '../../src/random/index.js';
import { ClosedLoopCallers, DOWN_NODE_RETRY } from './closed-loop-callers.js';

/** Callers whose calls take `callTime` each and fail to start while `down(client, now)` holds. */
function callersWith(options: { callers: number; perPod: number; think: Nanoseconds; callTime: Nanoseconds; until: Nanoseconds; down?: (client: number, now: Nanoseconds) => boolean }) {
  const sim = new Simulation();
  const calls: Array<{ caller: number; client: number; at: Nanoseconds }> = [];
  const loop: ClosedLoopCallers = new ClosedLoopCallers(sim, {
    callers: options.callers,
    callersPerClientPod: options.perPod,
    startOffset: constantSampler(0),
    thinkTime: constantSampler(options.think),
    until: options.until,
    call: (caller, client) => {
      if (options.down?.(client, sim.now)) return false;
      calls.push({ caller, client, at: sim.now });
      sim.post(options.callTime, () => loop.settled(caller));
      return true;
    },
  });
  loop.begin();
  sim.run();
  return calls;
}

describe('ClosedLoopCallers', () => {
  it('calls again a think time after each call settles, and starts nothing at or after the window end', () => {
    const calls = callersWith({ callers: 1, perPod: 1, think: ms(1), callTime: ms(2), until: ms(9) });
    expect(calls.map(({ at }) => at)).toEqual([0, ms(3), ms(6)]);
  });

  it('gives client pod k the callers k × callersPerClientPod to (k + 1) × callersPerClientPod − 1', () => {
    const calls = callersWith({ callers: 6, perPod: 3, think: 0, callTime: ms(1), until: ms(1) });
    expect(calls.map(({ caller, client }) => [caller, client])).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 1],
      [4, 1],
      [5, 1],
    ]);
  });

  it("retries a think time plus DOWN_NODE_RETRY later while its pod's node is down, and resumes after", () => {
    const calls = callersWith({ callers: 1, perPod: 1, think: 0, callTime: ms(50), until: ms(260), down: (_, now) => now < ms(150) });
    expect(calls.map(({ at }) => at)).toEqual([2 * DOWN_NODE_RETRY, 2 * DOWN_NODE_RETRY + ms(50)]);
  });
});
