import type { ParameterSpec } from '../../src/contract/parameter-spec.js';

/** `network.*`: round trips between pods (DESIGN.md §1 step 3). */
export const NETWORK_PARAMETERS: readonly ParameterSpec[] = [
  {
    path: 'network.sameNodeRtt',
    kind: 'distribution',
    valueUnit: 'duration',
    unit: 'duration',
    default: { dist: 'lognormal', median: '12us', p99: '50us' },
    doc: 'Network round trip between two pods on the same node (veth and bridge, no wire).',
    source: 'assumption (CALIBRATION.md: about a third of the cross-node round trip)',
  },
  {
    path: 'network.crossNodeRtt',
    kind: 'distribution',
    valueUnit: 'duration',
    unit: 'duration',
    default: { dist: 'lognormal', median: '40us', p99: '150us' },
    doc: 'Network round trip between pods on different nodes, without any proxy lookup.',
    source: 'assumption (CALIBRATION.md: TCP_RR p99 ≈ 100 µs in Tencent TKE\'s benchmark; KEP-4963 TCP_CRR ≈ 57 µs)',
  },
];
