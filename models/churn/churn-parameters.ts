import { parameterTable } from '../../src/contract/parameter-table.js';
import { s } from '../../src/engine/index.js';

const CHURN = 'docs/calibration.md, Pod churn and clients';

/** `churn.*`: what changes pods during a run (models/churn/README.md). */
export const CHURN_PARAMETERS = parameterTable({
  churn: {
    podReplacementsPerSecond: {
      kind: 'number',
      unit: 'pods/s',
      default: 0,
      min: 0,
      max: 10_000,
      doc: 'Pods deleted and replaced per second, cluster-wide, at Poisson times: a uniformly chosen ready endpoint of a uniformly chosen Service (≈ 4 EndpointSlice writes each).',
      source: `assumption: no churn unless asked; clusterloader2 creates 10 pods/s, and 150k pods living 2 days replace ≈ 0.9 pods/s (${CHURN})`,
    },
    podStartupTime: {
      kind: 'distribution',
      valueUnit: 'duration',
      unit: 'duration',
      default: { dist: 'uniform', min: '1s', max: '11s' },
      doc: "From a new pod's creation (it enters its EndpointSlice, not ready) to its first successful readiness probe (it turns ready).",
      source: `derived: ≈ 1 s to running (scalability tests' p50), then the first probe within the default 10 s period (${CHURN})`,
    },
    preStopDelay: {
      kind: 'duration',
      unit: 'duration',
      default: '0s',
      min: 0,
      max: s(3_600),
      doc: "A deleted pod's preStop sleep: it keeps serving (and accepting connections) this long after it turns terminating, covering the time every node needs to stop sending it new connections.",
      source: `no preStop hook unless the manifest adds one; preStop sleep is GA in 1.34 (KEP-3960) (${CHURN})`,
    },
    shutdownTime: {
      kind: 'duration',
      unit: 'duration',
      default: '1s',
      min: 0,
      max: s(3_600),
      doc: 'From the end of preStop (SIGTERM: the app closes its listener, so new connections are refused) to the pod exiting (its IP is gone; requests still in it are reset).',
      source: 'assumption: a server that drains in-flight requests of a few ms and exits',
    },
    terminationGracePeriod: {
      kind: 'duration',
      unit: 'duration',
      default: '30s',
      min: 0,
      max: s(86_400),
      doc: 'The kubelet kills a terminating pod this long after deletion, cutting preStop and shutdown short.',
      source: `Kubernetes default terminationGracePeriodSeconds 30 (${CHURN})`,
    },
    rollout: {
      kind: 'boolean',
      unit: 'on/off',
      default: false,
      doc: "Roll the Deployment behind one Service (all its cluster.endpointsPerService replicas) to a new version during the run; `new_version_traffic_ratio` shows the split.",
      source: 'assumption: no rollout unless asked',
    },
    rolloutServiceRank: {
      kind: 'integer',
      unit: 'rank',
      default: 1,
      min: 1,
      max: 100_000,
      doc: 'Popularity rank of the Service whose Deployment rolls (1: the most called).',
      source: 'assumption: a popular Service, where a rollout is felt most',
    },
    rolloutStart: {
      kind: 'duration',
      unit: 'duration',
      default: '0s',
      min: 0,
      max: s(86_400),
      doc: 'When the rollout starts, after the start of the measured window.',
      source: 'assumption: at the start of the measured window, so the whole rollout is measured',
    },
    maxSurge: {
      kind: 'number',
      unit: 'ratio',
      default: 0.25,
      min: 0,
      max: 1,
      doc: "The rollout's maxSurge as a fraction of replicas, rounded up: new pods created beyond the replica count.",
      source: `Deployment default 25 % (${CHURN})`,
    },
    maxUnavailable: {
      kind: 'number',
      unit: 'ratio',
      default: 0.25,
      min: 0,
      max: 1,
      doc: "The rollout's maxUnavailable as a fraction of replicas, rounded down: old pods deleted before new ones are ready.",
      source: `Deployment default 25 % (${CHURN})`,
    },
  },
});
