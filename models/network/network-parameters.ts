import { parameterTable } from '../../src/contract/parameter-table.js';

/** `network.*`: round trips between pods (docs/design.md, The path of a request). */
export const NETWORK_PARAMETERS = parameterTable({
  network: {
    sameNodeRtt: {
      kind: 'distribution',
      valueUnit: 'duration',
      unit: 'duration',
      default: { dist: 'lognormal', median: '12us', p99: '50us' },
      doc: 'Network round trip between two pods on the same node (veth and bridge, no wire).',
      source: 'assumption (docs/calibration.md, Network and workload defaults: about a third of the cross-node round trip)',
    },
    crossNodeRtt: {
      kind: 'distribution',
      valueUnit: 'duration',
      unit: 'duration',
      default: { dist: 'lognormal', median: '40us', p99: '150us' },
      doc: 'Network round trip between pods on different nodes, without any proxy lookup.',
      source:
        "assumption (docs/calibration.md, Network and workload defaults: TCP_RR p99 ≈ 100 µs in Tencent TKE's benchmark; KEP-4963 TCP_CRR ≈ 57 µs)",
    },
    externalRtt: {
      kind: 'distribution',
      valueUnit: 'duration',
      unit: 'duration',
      default: { dist: 'lognormal', median: '2ms', p99: '20ms' },
      doc: 'Network round trip from a pod to a host outside the cluster (an external name, through the node\'s SNAT), for connections to names outside the cluster domain.',
      source: 'assumption (docs/calibration.md, Network and workload defaults)',
    },
  },
});
