import { parameterTable } from '../../src/contract/parameter-table.js';
import { InputError } from '../../src/input-error.js';
import { SPREAD, type ClientPlacement } from './cluster.js';
import { parseServiceClasses } from './service-classes.js';

/** `cluster.*`: the cluster's shape (docs/design.md, Contracts). */
export const CLUSTER_PARAMETERS = parameterTable({
  cluster: {
    nodes: {
      kind: 'integer',
      unit: 'nodes',
      default: 100,
      min: 1,
      max: 50_000,
      doc: 'Worker nodes; client and backend pods are spread over them, each runs kube-proxy.',
      source: 'assumption (a mid-size cluster; Kubernetes is tested to 5,000 nodes)',
    },
    namespaces: {
      kind: 'integer',
      unit: 'namespaces',
      default: 1,
      min: 1,
      max: 100_000,
      doc: 'Namespaces; Service i and client pod i live in namespace i mod namespaces, which decides the names a client can use for a Service (short names reach only its own namespace) and its resolver search list.',
      source: 'clusterloader2 load test: one namespace per 100 nodes, so 1 at the default 100 nodes (docs/calibration.md, Network and workload defaults)',
    },
    services: {
      kind: 'integer',
      unit: 'Services',
      default: 1_000,
      min: 1,
      max: 100_000,
      doc: 'ClusterIP Services the clients call, each with its own backend pods.',
      source: 'assumption (clusterloader2 runs about 8.1k Services at 5,000 nodes; docs/calibration.md, kube-proxy control plane)',
    },
    endpointsPerService: {
      kind: 'integer',
      unit: 'endpoints',
      default: 10,
      min: 1,
      max: 100_000,
      doc: 'Ready backend pods (endpoints) of every Service, held in EndpointSlices of up to 100.',
      source: 'assumption (clusterloader2: about 68k endpoints over 8.1k Services, 8.4 each)',
    },
    serviceClasses: {
      kind: 'custom',
      unit: 'classes',
      default: [],
      range: 'a list of { name, count, endpoints, ports, popularity, serviceTime, podConcurrency } (count required), up to 1,000 classes and 100,000 Services',
      schema: {
        type: 'array',
        maxItems: 1_000,
        items: {
          type: 'object',
          required: ['count'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$' },
            count: { type: 'integer', minimum: 0, maximum: 100_000 },
            endpoints: { oneOf: [{ type: 'integer', minimum: 0 }, { $ref: '#/$defs/numberDistribution' }, { type: 'object', required: ['histogram'], additionalProperties: false, properties: { histogram: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } } } }] },
            ports: { type: 'integer', minimum: 1, maximum: 100 },
            popularity: { type: 'number', minimum: 0 },
            serviceTime: { $ref: '#/$defs/durationDistribution' },
            podConcurrency: { type: 'integer', minimum: 1 },
          },
        },
      },
      parse: parseServiceClasses,
      elementFields: ['count', 'endpoints', 'ports', 'popularity', 'serviceTime', 'podConcurrency'],
      excludes: ['cluster.services', 'cluster.endpointsPerService'],
      doc: "Classes of Services, e.g. 30 hot ones with 50 endpoints and 8,000 cold ones with 2: each `{ count, name?, endpoints?, ports?, popularity?, serviceTime?, podConcurrency? }`; endpoints a number, a `{ dist: ... }` drawn per Service or `{ histogram: { <endpoints>: <Services> } }`; popularity the class's weight in the calls (default its share of Services; 0: never called), calls within a class by workload.zipfExponent; unset fields take cluster.endpointsPerService's default and the workload's. Empty: one class of cluster.services × cluster.endpointsPerService (give one form or the other). `eastwest import-cluster` writes it from kubectl output.",
      source: 'assumption (shapes from `eastwest import-cluster`; docs/calibration.md, Service classes)',
    },
    headlessServiceRatio: {
      kind: 'number',
      unit: 'ratio',
      default: 0,
      min: 0,
      max: 1,
      doc: 'Share of Services that are headless (clusterIP: None, as for StatefulSets and client-side gRPC balancing): DNS answers with their ready pod IPs and clients connect to a pod directly, with no data-plane Service lookup.',
      source: 'assumption',
    },
    nodeCores: {
      kind: 'integer',
      unit: 'cores',
      default: 16,
      min: 1,
      max: 1_024,
      doc: "CPU cores per node: they serve first-packet softirq work and kube-proxy syncs, one FIFO queue per node, and size the node's conntrack table (max(32768 × cores, 131072)).",
      source: 'assumption (docs/calibration.md, Network and workload defaults: 16 cores, conntrack max 524,288)',
    },
  },
  // Where client pods run is the cluster's arithmetic, so the cluster model reads it; it is a workload choice.
  workload: {
    clientPlacement: {
      kind: 'custom',
      unit: 'placement',
      default: 'spread',
      range: 'spread | a node number from 0 to cluster.nodes − 1',
      schema: { oneOf: [{ const: 'spread' }, { type: 'integer', minimum: 0 }] },
      parse: parseClientPlacement,
      doc: 'Where client pods run: `spread` puts client pod c on node c mod cluster.nodes, whatever the Services, so a sweep over the Service count moves no client; a node number puts every client pod there (a benchmark client on one machine).',
      source: 'assumption (the scheduler balances pod counts; docs/design.md, Placement)',
    },
  },
});

function parseClientPlacement(raw: unknown, path: string): ClientPlacement {
  if (raw === 'spread') return SPREAD;
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw < 50_000) return { node: raw };
  throw new InputError(path, '`spread` or a node number from 0 (below cluster.nodes)', raw);
}
