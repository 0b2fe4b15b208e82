import { parameterTable } from '../../src/contract/parameter-table.js';
import { s } from '../../src/engine/index.js';

/** `controlPlane.*`: the API server's watch fan-out and the EndpointSlice controller's client (docs/calibration.md, kube-proxy control plane). */
export const CONTROL_PLANE_PARAMETERS = parameterTable({
  controlPlane: {
    watchCostPerWatcher: {
      kind: 'duration',
      unit: 'duration',
      default: '2us',
      min: 0,
      max: s(1),
      doc: "The API server's time to hand one EndpointSlice event to one watcher (a node's kube-proxy, CoreDNS); every write goes to every watcher in turn, so the delay grows with writes × nodes.",
      source: 'assumption: no published per-watcher cost; 2 µs puts one event to 5,000 nodes at 10 ms (docs/calibration.md, Other modes\' sync cost, and the watch fan-out)',
    },
    watchDelay: {
      kind: 'duration',
      unit: 'duration',
      default: '1ms',
      min: 0,
      max: s(60),
      doc: "Time from the API server's hand-off to the watcher's informer having the event (network and decoding).",
      source: 'assumption: no published distribution of watch delivery delay at 5,000 nodes (docs/calibration.md, Pod churn and clients)',
    },
    endpointSliceWritesPerSecond: {
      kind: 'number',
      unit: 'writes/s',
      default: 20,
      min: 0,
      minExclusive: true,
      max: 100_000,
      doc: "API writes per second the EndpointSlice controller's client may make; above it Services wait in line and their changes coalesce.",
      source: 'kube-controller-manager --kube-api-qps default 20 (docs/calibration.md, Pod churn and clients)',
    },
    endpointSliceWriteBurst: {
      kind: 'integer',
      unit: 'writes',
      default: 30,
      min: 1,
      max: 100_000,
      doc: "Writes the EndpointSlice controller's client may make at once before its rate limit applies.",
      source: 'kube-controller-manager --kube-api-burst default 30 (docs/calibration.md, Pod churn and clients)',
    },
    endpointSliceBatchPeriod: {
      kind: 'duration',
      unit: 'duration',
      default: '0s',
      min: 0,
      max: s(60),
      doc: "How long the EndpointSlice controller waits after a pod change before writing its Service, so changes within it share one write (fewer writes to fan out, each later).",
      source: 'kube-controller-manager --endpointslice-updates-batch-period default 0 (no batching) (docs/calibration.md, Pod churn and clients)',
    },
  },
});
