import { describe, expect, it } from 'vitest';
import { ms, s, Simulation, us, type Nanoseconds } from '../../src/engine/index.js';
import { constantSampler } from '../../src/random/index.js';
import { NodeCpu } from '../cluster/node-cpu.js';
import { testCluster } from '../cluster/testing/test-cluster.js';
import type { Connection } from '../core/connection.js';
import type { Request } from '../core/request.js';
import { ProbeList } from '../core/request-probe.js';
import { FIXED_LOOKUP_LATENCY, FixedLatencyResolver } from '../dns/testing/fixed-latency-resolver.js';
import { NetworkPaths, type PathTimes } from '../network/network-paths.js';
import { PLACED, type DataPlane } from '../proxy/data-plane.js';
import { BackendPods } from './backend-pods.js';
import { ConnectionPools } from './connection-pools.js';
import { RequestFlow } from './request-flow.js';
import { ServiceTimes } from './service-times.js';
import { ScriptedStream } from '../../src/random/testing/scripted-stream.js';

const RTT = us(50);
const SERVICE_TIME = ms(2);
/** One dial: the lookup, then a handshake round trip (no proxy cost in this data plane). */
const DIAL = FIXED_LOOKUP_LATENCY + RTT;
/** One request on an open connection: a round trip and the service time. */
const EXCHANGE = RTT + SERVICE_TIME;

/** One client, one Service with one pod on another node, constant times; calls at the given times. */
function flowWithCalls(callTimes: readonly Nanoseconds[]) {
  const sim = new Simulation();
  const cluster = testCluster({ nodes: 2, services: 1, endpointsPerService: 1 });
  const dataPlane: DataPlane = {
    connect(connection: Connection) {
      connection.endpointIndex = 0;
      connection.endpointPod = 0;
      connection.endpointNode = 0;
      connection.lookupNs = 0;
      connection.firstPacketNs = RTT;
      return PLACED;
    },
    connectVia: () => PLACED,
    release: () => undefined,
    warnings: () => [],
  };
  const settled: Array<{ latency: number; dialled: boolean }> = [];
  const probes = new ProbeList();
  const dials: Connection[] = [];
  probes.add({
    connected: (connection) => void dials.push(connection),
    completed: (request: Request, latency) => void settled.push({ latency, dialled: request.dialled }),
  });
  let flow: RequestFlow | undefined;
  const pods = new BackendPods(sim, 1, [10], () => 0, (request) => flow?.served(request));
  const pools = new ConnectionPools(sim, { requestsPerConnection: 100, maxIdlePerService: 2, maxIdleConnections: 100, idleTimeout: s(90) }, () => undefined);
  flow = new RequestFlow({
    sim,
    cluster,
    pools,
    pods,
    samplers: { client: constantSampler(0), serviceTime: new ServiceTimes(cluster, { dist: 'constant', value: SERVICE_TIME }, new ScriptedStream([])) },
    targets: { count: 1, choose: (request) => void (request.service = 0) },
    network: new NetworkPaths(...[0, 0, 0].map(() => ({ sampler: constantSampler(RTT), median: RTT })) as [PathTimes, PathTimes, PathTimes]),
    resolver: new FixedLatencyResolver(sim),
    dataPlane,
    nodeCpu: new NodeCpu(sim, cluster.nodes, 16, { start: 0, end: s(10) }),
    probe: probes,
    connectTimeout: s(30),
    requestTimeout: s(30),
    windowStart: 0,
    windowEnd: s(10),
  });
  const started = flow;
  for (const at of callTimes) sim.scheduleAt(at, () => started.start());
  sim.run(s(1));
  return { settled, dials, pools };
}

describe('RequestFlow with Go\'s Transport (hand-worked timelines, constant times)', () => {
  it('serves a request on a connection freed while its own dial is under way, and pools the dial when it lands', () => {
    // A calls at 0 and dials: established at DIAL, response at DIAL + EXCHANGE ≈ 2.87 ms.
    // B calls at 2.5 ms, finds A's connection busy, dials (lands at 2.5 ms + DIAL ≈ 3.32 ms),
    // but A's connection comes back first, at 2.87 ms, and is handed to B.
    const b = ms(2.5);
    const { settled, dials, pools } = flowWithCalls([0, b]);
    expect(settled.map((r) => r.latency)).toEqual([DIAL + EXCHANGE, DIAL + EXCHANGE - b + EXCHANGE]);
    expect(settled.map((r) => r.dialled)).toEqual([true, true]);
    // Both dials were made; B's landed with nobody waiting and went idle (at 3.32 ms), then
    // A's connection too (at 4.92 ms), which, most recently used, is handed out first.
    expect(dials).toHaveLength(2);
    expect(pools.openConnections).toBe(2);
    expect(pools.takeIdle(0)).toBe(dials[0]);
    expect(pools.takeIdle(0)).toBe(dials[1]);
  });

  it('sends a request on its own dial when no connection is freed first', () => {
    // B calls at 1 ms: its dial lands at 1 ms + DIAL ≈ 1.82 ms, before A's connection is free (2.87 ms).
    const { settled } = flowWithCalls([0, ms(1)]);
    expect(settled.map((r) => r.latency)).toEqual([DIAL + EXCHANGE, DIAL + EXCHANGE]);
  });

  it('reuses the idle connection for a later call without dialling', () => {
    const { settled, dials } = flowWithCalls([0, ms(10)]);
    expect(settled.map((r) => r.latency)).toEqual([DIAL + EXCHANGE, EXCHANGE]);
    expect(settled.map((r) => r.dialled)).toEqual([true, false]);
    expect(dials).toHaveLength(1);
  });
});
