/**
 * A small stand-in for the real scenario model, for the experiment and command-line tests
 * only: the real model is in flux, and these tests check plumbing, not Kubernetes. Its
 * metrics are deterministic functions of the point's values and a seeded stream, and so is its
 * time series (when settings ask for one), from a stream of its own so the metrics stay the same,
 * and, with `classes: true`, so are its per-class figures (from a third stream).
 */
import type { MetricSpec } from '../../contract/metric-spec.js';
import type { ParameterSpec } from '../../contract/parameter-spec.js';
import type { BuiltScenario, ClassRow, RunSettings, ScenarioModel, ScenarioValues, TimeseriesRow } from '../../contract/scenario-model.js';
import { toSeconds } from '../../engine/time.js';
import { distributionMean, RandomStreams, type DistributionSpec } from '../../random/index.js';
import type { ModelSource } from '../run/model-source.js';
import { killNow } from './kill-now.js';

export const FAKE_PARAMETERS: readonly ParameterSpec[] = [
  { kind: 'integer', path: 'cluster.services', unit: 'Services', default: 10, min: 1, max: 100_000, doc: 'ClusterIP Services in the cluster.', source: 'assumption' },
  { kind: 'number', path: 'workload.requestsPerSecond', unit: 'requests/s', default: 100, min: 0, minExclusive: true, doc: 'Cluster-wide request rate.', source: 'assumption' },
  { kind: 'distribution', path: 'workload.serviceTime', unit: 'duration', default: { dist: 'lognormal', median: '2ms', p99: '20ms' }, valueUnit: 'duration', doc: "A backend pod's service time.", source: 'assumption' },
  { kind: 'duration', path: 'workload.idleTimeout', unit: 'duration', default: '90s', min: 0, doc: 'How long an idle connection is kept.', source: 'Go net/http DefaultTransport' },
  { kind: 'choice', path: 'proxy.mode', unit: 'mode', default: 'iptables', choices: ['iptables', 'ipvs', 'nftables', 'ebpf'], doc: 'kube-proxy data plane.', source: 'kube-proxy default' },
  { kind: 'boolean', path: 'dns.nodeLocalCache', unit: 'on/off', default: false, doc: 'NodeLocal DNSCache on every node.', source: 'assumption' },
];

export const FAKE_METRICS: readonly MetricSpec[] = [
  { name: 'requests_completed', unit: 'count', doc: 'Requests that completed.', window: 'requests started in the measured window', model: 'first scenario' },
  { name: 'throughput_per_s', unit: '1/s', doc: 'Completed requests per second.', window: 'the measured window', model: 'first scenario' },
  { name: 'request_latency_p50_ms', unit: 'ms', doc: 'Median request latency.', window: 'requests started in the measured window', model: 'first scenario' },
  { name: 'nodelocal_cache_hit_ratio', unit: 'ratio', doc: 'NodeLocal DNSCache hits per query; empty with the cache off.', window: 'queries in the measured window', model: 'DNS' },
];

export const FAKE_TIMESERIES: readonly MetricSpec[] = [
  { name: 'requests', unit: 'count', doc: 'Requests started in the bucket.', window: 'one bucket of the measured window', model: 'first scenario' },
  { name: 'latency_p50_ms', unit: 'ms', doc: 'Median latency of the requests started in the bucket; empty with none.', window: 'one bucket of the measured window', model: 'first scenario' },
];

/** The per-class columns of the fake model with `classes: true`. */
export const FAKE_CLASSES: readonly MetricSpec[] = [
  { name: 'class_requests', unit: 'count', doc: "Requests to the class's Services.", window: 'requests started in the measured window', model: 'first scenario' },
  { name: 'class_latency_p50_ms', unit: 'ms', doc: "Median latency of the class's requests; empty with none.", window: 'requests started in the measured window', model: 'first scenario' },
];

/**
 * Its Service classes: `gold` always; `bronze, batch` (a name that needs quoting in CSV) at more
 * than 100 Services, so points differ in their classes.
 */
export function fakeClassNames(services: number): string[] {
  return services > 100 ? ['gold', 'bronze, batch'] : ['gold'];
}

const MODE_COST_MS: Readonly<Record<string, number>> = { iptables: 0.4, ipvs: 0.2, nftables: 0.15, ebpf: 0.05 };

export interface FakeModelOptions {
  /** Throw from the n-th call of run() (counting from 1 over the model's life: per worker thread). */
  readonly failOnRunCall?: number;
  /** End the thread with process.exit(7) on the n-th call of run(): a crash. Worker threads only. */
  readonly exitOnRunCall?: number;
  /** SIGKILL this process on the n-th call of run(): a kill, with no handler run. Spawned processes only (src/cli/testing/fake-cli.ts). */
  readonly killOnRunCall?: number;
  /** Declare the FAKE_CLASSES columns and give a row per class (fakeClassNames) with every run. */
  readonly classes?: boolean;
}

/** Where a worker thread imports the fake model with the same options (see ModelSource). */
export function fakeModelSource(options: FakeModelOptions = {}): ModelSource {
  return { moduleUrl: import.meta.url, exportName: 'fakeModel', options };
}

/** The fake model plus what it saw, for assertions. */
export interface FakeModel extends ScenarioModel {
  readonly builds: { values: ScenarioValues; settings: RunSettings }[];
}

export function fakeModel(options: FakeModelOptions = {}): FakeModel {
  const builds: FakeModel['builds'] = [];
  let runCalls = 0;
  return {
    parameters: FAKE_PARAMETERS,
    metrics: FAKE_METRICS,
    timeseries: FAKE_TIMESERIES,
    ...(options.classes === true ? { classes: FAKE_CLASSES } : {}),
    builds,
    build(values, settings): BuiltScenario {
      builds.push({ values, settings });
      return {
        run() {
          runCalls += 1;
          if (runCalls === options.exitOnRunCall) process.exit(7);
          if (runCalls === options.killOnRunCall) killNow();
          if (runCalls === options.failOnRunCall) throw new Error(`fake model failure on run call ${runCalls}`);
          const result = fakeRun(values, settings);
          return options.classes === true ? { ...result, classes: fakeClasses(values, settings) } : result;
        },
      };
    },
  };
}

function fakeRun(values: ScenarioValues, settings: RunSettings): ReturnType<BuiltScenario['run']> {
  const noise = new RandomStreams(settings.seed, settings.replication).get('fake/noise');
  const rate = values.get('workload.requestsPerSecond') as number;
  const serviceMeanMs = distributionMean(values.get('workload.serviceTime') as DistributionSpec) / 1e6;
  const completed = Math.round(rate * toSeconds(settings.duration) * (0.95 + 0.1 * noise.next()));
  const modeMs = MODE_COST_MS[values.get('proxy.mode') as string] * (1 + (values.get('cluster.services') as number) / 1000);
  const offeredLoad = (rate * serviceMeanMs) / 1000;
  const timeseries = settings.timeseriesBucket ? fakeTimeseries(rate, serviceMeanMs + modeMs, settings) : undefined;
  return {
    metrics: {
      requests_completed: completed,
      throughput_per_s: completed / toSeconds(settings.duration),
      request_latency_p50_ms: serviceMeanMs + modeMs + noise.next() / 10,
      nodelocal_cache_hit_ratio: values.get('dns.nodeLocalCache') === true ? 0.5 + noise.next() / 4 : undefined,
    },
    warnings: offeredLoad >= 1 ? [`station \`backend\` has offered load ${offeredLoad.toFixed(2)} >= 1`] : [],
    events: completed * 4,
    ...(timeseries === undefined ? {} : { timeseries }),
  };
}

/** Buckets 0..n−1 of the measured window: requests around rate × width, a latency only where there were requests. */
function fakeTimeseries(rate: number, latencyMs: number, settings: RunSettings): TimeseriesRow[] {
  const width = settings.timeseriesBucket!;
  const noise = new RandomStreams(settings.seed, settings.replication).get('fake/timeseries');
  return Array.from({ length: Math.ceil(settings.duration / width) }, (_, bucket) => {
    const requests = Math.round(rate * toSeconds(width) * (0.8 + 0.4 * noise.next()));
    return { bucket, values: { requests, latency_p50_ms: requests === 0 ? undefined : latencyMs + noise.next() / 10 } };
  });
}

/** A row per class: some requests each, and a latency only where there were requests. */
function fakeClasses(values: ScenarioValues, settings: RunSettings): ClassRow[] {
  const noise = new RandomStreams(settings.seed, settings.replication).get('fake/classes');
  const rate = values.get('workload.requestsPerSecond') as number;
  return fakeClassNames(values.get('cluster.services') as number).map((name) => {
    const requests = Math.round(rate * toSeconds(settings.duration) * noise.next() * (rate < 10 ? 0.01 : 1));
    return { name, values: { class_requests: requests, class_latency_p50_ms: requests === 0 ? undefined : 1 + noise.next() } };
  });
}
