import { describe, expect, it } from 'vitest';
import { constantSampler, empiricalSampler, RandomStreams } from '../../src/random/index.js';
import { Cluster } from '../cluster/cluster.js';
import { ServiceLayout } from '../cluster/service-layout.js';
import type { ServiceClassSpec } from '../cluster/service-classes.js';
import { CallGraph } from './call-graph.js';
import { ServicePopularity } from './service-popularity.js';

const SHAPE = { nodes: 10, endpointsPerService: 2, nodeCores: 4, headlessServiceRatio: 0 };

function graph(options: { services?: number; namespaces?: number; classes?: ServiceClassSpec[]; fanOut?: number[]; seed?: number }) {
  const streams = new RandomStreams(options.seed ?? 1, 0);
  const layout = options.classes === undefined ? undefined : ServiceLayout.fromClasses(options.classes, 2, streams.get('test/endpoints'));
  const cluster = new Cluster({ ...SHAPE, services: options.services ?? 0, namespaces: options.namespaces ?? 1, layout });
  const popularity = new ServicePopularity(streams, cluster, 1);
  const fanOut = options.fanOut === undefined ? constantSampler(4) : empiricalSampler(streams.get('test/fan-out'), options.fanOut);
  return { cluster, callGraph: new CallGraph(cluster, popularity, fanOut, streams.get('test/pick')) };
}

const spec = (name: string, count: number, popularity: number): ServiceClassSpec => ({
  name,
  count,
  endpoints: undefined,
  ports: 1,
  popularity,
  serviceTime: undefined,
  podConcurrency: undefined,
});

describe('CallGraph', () => {
  it('makes client pod c a replica of Service c mod services with one namespace', () => {
    const { callGraph } = graph({ services: 7 });
    expect([0, 6, 7, 15].map((client) => callGraph.callingService(client))).toEqual([0, 6, 0, 1]);
  });

  it("puts every client pod in a Service of its own namespace, each of the namespace's Services taking its share of replicas", () => {
    const { cluster, callGraph } = graph({ services: 10, namespaces: 3 });
    const replicas = new Map<number, number>();
    for (let client = 0; client < 300; client++) {
      const service = callGraph.callingService(client);
      expect(cluster.namespaceOfService(service)).toBe(cluster.namespaceOfClient(client));
      replicas.set(service, (replicas.get(service) ?? 0) + 1);
    }
    // Namespaces 0, 1, 2 hold 4, 3, 3 Services and 100 clients each: 25 or 33–34 replicas per Service.
    expect(replicas.size).toBe(10);
    expect(replicas.get(0)).toBe(25);
    expect([replicas.get(1), replicas.get(4), replicas.get(7)]).toEqual([34, 33, 33]);
  });

  it('gives each Service a fixed set of distinct dependencies, of the fan-out drawn, never itself', () => {
    const { callGraph } = graph({ services: 500, fanOut: [3, 4, 5] });
    const sizes = new Set<number>();
    for (let service = 0; service < 200; service++) {
      const dependencies = [...callGraph.dependenciesOf(service)];
      sizes.add(dependencies.length);
      expect(new Set(dependencies).size).toBe(dependencies.length);
      expect(dependencies).not.toContain(service);
      expect([...callGraph.dependenciesOf(service)]).toEqual(dependencies);
    }
    expect([...sizes].sort()).toEqual([3, 4, 5]);
  });

  it("sends a client pod's calls only to its Service's dependencies, each of them in turn", () => {
    const { callGraph } = graph({ services: 50 });
    const dependencies = [...callGraph.dependenciesOf(callGraph.callingService(57))];
    const called = new Map<number, number>();
    for (let call = 0; call < 4_000; call++) {
      const service = callGraph.anywhere(57);
      called.set(service, (called.get(service) ?? 0) + 1);
    }
    expect([...called.keys()].sort((a, b) => a - b)).toEqual([...dependencies].sort((a, b) => a - b));
    // Uniform over 4 dependencies: 1,000 each, binomial sd ≈ 27.
    for (const count of called.values()) expect(Math.abs(count - 1_000)).toBeLessThan(130);
  });

  it('draws dependencies by popularity: a class of popularity 0 is never one, the hot class most often', () => {
    const { cluster, callGraph } = graph({ classes: [spec('hot', 20, 0.9), spec('cold', 300, 0.1), spec('idle', 100, 0)] });
    const perClass = [0, 0, 0];
    for (let service = 0; service < cluster.services; service++) {
      for (const dependency of callGraph.dependenciesOf(service)) perClass[cluster.layout.classOfService(dependency)]++;
    }
    expect(perClass[2]).toBe(0);
    expect(perClass[0]).toBeGreaterThan(perClass[1]);
  });

  it('keeps short-name dependencies in the caller namespace, and with one namespace they are the same set', () => {
    const several = graph({ services: 60, namespaces: 4 }).callGraph;
    for (let client = 0; client < 40; client++) {
      const caller = several.callingService(client);
      for (const dependency of several.localDependenciesOf(caller)) expect(dependency % 4).toBe(client % 4);
      expect(several.inClientNamespace(client) % 4).toBe(client % 4);
    }
    const one = graph({ services: 60 }).callGraph;
    expect(one.localDependenciesOf(5)).toBe(one.dependenciesOf(5));
  });

  it('depends on what there is when fewer Services than the fan-out can be called', () => {
    const { callGraph } = graph({ services: 3 });
    expect([...callGraph.dependenciesOf(0)].sort()).toEqual([1, 2]);
    expect([...graph({ services: 1 }).callGraph.dependenciesOf(0)]).toEqual([0]);
  });

  it('draws the same graph for the same seed and another for another seed', () => {
    const sets = (seed: number) => {
      const { callGraph } = graph({ services: 1_000, seed });
      return Array.from({ length: 50 }, (_, service) => [...callGraph.dependenciesOf(service)]);
    };
    expect(sets(1)).toEqual(sets(1));
    expect(sets(2)).not.toEqual(sets(1));
  });
});
