import { parameterTable } from '../../src/contract/parameter-table.js';

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
});
