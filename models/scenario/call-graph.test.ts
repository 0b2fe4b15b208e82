import { describe, expect, it } from 'vitest';
import type { ClassRow, RunSettings } from '../../src/contract/scenario-model.js';
import { scenarioValues } from '../../src/contract/scenario-values.js';
import { s } from '../../src/engine/index.js';
import { clusterModel } from '../cluster/cluster-model.js';
import type { Request } from '../core/request.js';
import type { RequestProbe } from '../core/request-probe.js';
import { fixedResolverModel } from '../dns/testing/fixed-latency-resolver.js';
import { networkModel } from '../network/network-model.js';
import { proxyModel } from '../proxy/proxy-model.js';
import { workloadModel } from '../workload/workload-model.js';
import { composeScenario } from './compose-scenario.js';
import { runScenario } from './testing/run-scenario.js';

/** Keep-alive reaches steady state over about one idle timeout (90 s): warm up past it. */
const STEADY: RunSettings = { seed: 1, replication: 0, warmup: s(100), duration: s(20) };
const SHORT: RunSettings = { seed: 1, replication: 0, warmup: s(1), duration: s(10) };
const KEEP_ALIVE = { 'cluster.nodes': 10, 'cluster.endpointsPerService': 2, 'workload.requestsPerSecond': 500, 'workload.requestsPerConnection': 100, 'workload.idleTimeout': '90s' };
const row = (rows: readonly ClassRow[] | undefined, name: string) => (rows ?? []).find((r) => r.name === name)?.values ?? {};

/** Every (client pod, Service) call a run made. */
function calls(run: (observer: RequestProbe) => unknown): Array<[number, number]> {
  const seen: Array<[number, number]> = [];
  const record = (request: Request) => seen.push([request.client, request.service]);
  run({ completed: record, failed: record });
  return seen;
}

/** The Services called by the client pods of each calling Service (client mod `services`, one namespace). */
function calledByService(seen: Array<[number, number]>, services: number): Map<number, Set<number>> {
  const called = new Map<number, Set<number>>();
  for (const [client, service] of seen) {
    const caller = client % services;
    called.set(caller, (called.get(caller) ?? new Set()).add(service));
  }
  return called;
}

const WITH_FIXED_DNS = composeScenario([clusterModel, workloadModel, networkModel, proxyModel, fixedResolverModel()]);

describe('a call graph (workload.callGraph: services)', () => {
  it('dials far less than all-to-all calls at the same size: 100 pods, 1,000 Services, fan-out 3–5', () => {
    const size = { ...KEEP_ALIVE, 'cluster.services': 1_000, 'workload.clientPods': 100 };
    const allToAll = runScenario({ ...size, 'workload.callGraph': 'none' }, STEADY).metrics.new_connection_ratio as number;
    const graph = runScenario({ ...size, 'workload.callGraph': 'services' }, STEADY).metrics.new_connection_ratio as number;
    // All to all, a (pod, Service) pair is called about once per 200 s, past the 90 s idle timeout.
    expect(allToAll).toBeGreaterThan(0.3);
    // Along the graph a pair is called about 1.25 times a second: only the 1-in-100 connection renewal is left.
    expect(graph).toBeGreaterThanOrEqual(0.0095);
    expect(graph).toBeLessThan(0.03);
    expect(graph).toBeLessThan(allToAll / 10);
  });

  it("sends a client pod's calls only to its Service's 3–5 dependencies, the same for all its replicas, with and without name forms", () => {
    const small = { ...KEEP_ALIVE, 'cluster.services': 40, 'workload.clientPods': 120, 'workload.callGraph': 'services' };
    const withDns = calls((observer) => runScenario(small, SHORT, observer));
    const withoutDns = calls((observer) => WITH_FIXED_DNS.build(scenarioValues(WITH_FIXED_DNS.parameters, small), SHORT, observer).run());
    for (const seen of [withDns, withoutDns]) {
      const byService = calledByService(seen, 40);
      expect(byService.size).toBe(40);
      for (const [caller, called] of byService) {
        expect(called.size).toBeGreaterThanOrEqual(3);
        expect(called.size).toBeLessThanOrEqual(5);
        expect(called.has(caller)).toBe(false);
      }
      // Each replica (clients c, c + 40, c + 80) calls within its Service's set, and the set is one per Service.
      const byClient = calledByService(seen, 120);
      for (const [client, called] of byClient) for (const service of called) expect(byService.get(client % 40)?.has(service)).toBe(true);
    }
  });

  it('reports new_connection_ratio per class, far below all-to-all for the many cold Services, and never calls a class of popularity 0', () => {
    const classes = [
      { name: 'hot', count: 10, endpoints: 4, popularity: 0.7 },
      { name: 'cold', count: 600, endpoints: 2, popularity: 0.3 },
      { name: 'idle', count: 100, endpoints: 1, popularity: 0 },
    ];
    const shape = { ...KEEP_ALIVE, 'cluster.serviceClasses': classes, 'workload.clientPods': 100 };
    const allToAll = runScenario({ ...shape, 'workload.callGraph': 'none' }, STEADY).classes;
    const graph = runScenario({ ...shape, 'workload.callGraph': 'services' }, STEADY).classes;
    expect(row(graph, 'idle').requests_completed).toBe(0);
    expect(row(graph, 'idle').new_connection_ratio).toBeUndefined();
    const cold = row(graph, 'cold').new_connection_ratio as number;
    expect(row(allToAll, 'cold').new_connection_ratio as number).toBeGreaterThan(0.3);
    expect(cold).toBeLessThan((row(allToAll, 'cold').new_connection_ratio as number) / 10);
    expect(row(graph, 'hot').new_connection_ratio as number).toBeLessThan(0.03);
  });

  it('keeps short-name calls in the client namespace, where every name resolves', () => {
    const spread = { ...KEEP_ALIVE, 'cluster.services': 80, 'cluster.namespaces': 4, 'workload.clientPods': 120, 'workload.callGraph': 'services' };
    let failed = 0;
    const seen = calls((observer) => runScenario(spread, SHORT, { ...observer, failed: () => failed++ }));
    expect(seen.length).toBeGreaterThan(4_000);
    expect(failed).toBe(0);
    for (const [client, service] of seen) expect(service % 4).toBe(client % 4);
  });

  it('gives the same metrics and class rows for the same seed, and others for another seed', () => {
    const small = { ...KEEP_ALIVE, 'cluster.services': 200, 'workload.clientPods': 60, 'workload.callGraph': 'services' };
    const first = runScenario(small, SHORT);
    expect(runScenario(small, SHORT)).toEqual(first);
    expect(runScenario(small, { ...SHORT, seed: 2 }).metrics).not.toEqual(first.metrics);
  });
});
