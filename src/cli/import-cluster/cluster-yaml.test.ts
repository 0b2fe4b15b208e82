import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ClusterShape, ImportTally } from './cluster-shape.js';
import { clusterYaml } from './cluster-yaml.js';

const TALLY: ImportTally = { nodes: 3000, services: 8013, endpointSlices: 9120, externalNameServices: 13, otherKinds: 0 };

function histogramOf(size: number): Record<number, number> {
  return Object.fromEntries(Array.from({ length: size }, (_, at) => [at * 7, 1000 + at]));
}

describe('clusterYaml', () => {
  it('parses back with the yaml package to the shape it was given, a long histogram over several lines too', () => {
    const shape: ClusterShape = {
      nodes: 3000,
      namespaces: 40,
      headlessServiceRatio: 0.0782313,
      serviceClasses: [
        { name: 'ports-1', count: 7400, ports: 1, endpoints: { histogram: histogramOf(400) } },
        { name: 'ports-2', count: 600, ports: 2, endpoints: { histogram: { 2: 600 } } },
      ],
    };
    const text = clusterYaml(shape, TALLY);
    expect(parse(text)).toEqual({ cluster: shape });
    expect(text.split('\n').length).toBeGreaterThan(40);
    expect(Math.max(...text.split('\n').map((line) => line.length))).toBeLessThanOrEqual(104);
  });

  it('leaves out nodes and the headless ratio when the shape has none', () => {
    const shape: ClusterShape = { namespaces: 1, serviceClasses: [{ name: 'ports-1', count: 1, ports: 1, endpoints: { histogram: { 0: 1 } } }] };
    const text = clusterYaml(shape, { ...TALLY, nodes: 0 });
    expect(parse(text)).toEqual({ cluster: shape });
    expect(text).toBe(
      [
        '# eastwest import-cluster: counts only, from 0 Nodes, 8,013 Services and 9,120 EndpointSlices',
        '# skipped 13 ExternalName Services (no ClusterIP, no proxy rules); ignored 0 items of other kinds',
        '# no Node was read, so cluster.nodes is left out and takes its default',
        '',
        'cluster:',
        '  namespaces: 1',
        '  serviceClasses:',
        '    - name: ports-1',
        '      count: 1',
        '      ports: 1',
        '      endpoints: { histogram: { 0: 1 } }',
        '',
      ].join('\n'),
    );
  });
});
