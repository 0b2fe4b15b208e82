import type { MetricValues } from '../../src/contract/metric-spec.js';
import type { ClassRow } from '../../src/contract/scenario-model.js';
import type { Nanoseconds } from '../../src/engine/index.js';
import type { Cluster } from '../cluster/cluster.js';
import type { MetricEntry } from '../core/model-definition.js';
import type { Request } from '../core/request.js';
import type { RequestProbe } from '../core/request-probe.js';
import type { EndpointLoad } from './endpoint-load.js';
import { RequestMetrics } from './request-metrics.js';
import { WORKLOAD_METRICS } from './workload-metric-specs.js';

/** The request metrics that are also reported per class, in X.classes.csv column order. */
const PER_CLASS = ['requests_completed', 'throughput_per_s', 'request_latency_p50_ms', 'request_latency_p99_ms', 'request_error_ratio', 'new_connection_ratio', 'endpoint_load_imbalance_ratio'];

/** X.classes.csv's workload columns: the class's size and share of calls, then its request metrics. */
export const CLASS_COLUMNS: readonly MetricEntry[] = [
  { name: 'class_services', unit: 'Services', doc: "Services in the class (cluster.serviceClasses' count).", window: 'the cluster at the start' },
  { name: 'class_endpoints', unit: 'endpoints', doc: "Endpoints of the class's Services at the start, in all.", window: 'the cluster at the start' },
  {
    name: 'call_share',
    unit: 'ratio',
    doc: "Share of the run's calls to Services that went to this class (its popularity, as drawn).",
    window: 'requests that start in the measured window',
  },
  ...PER_CLASS.map((name) => WORKLOAD_METRICS.find((metric) => metric.name === name) as MetricEntry),
];

/**
 * The request metrics of each Service class (cluster.serviceClasses): one RequestMetrics per
 * class, a request counted in its Service's class (calls to external names and to Services
 * churn created are in none). One array read per request.
 */
export class ClassMetrics implements RequestProbe {
  private readonly perClass: RequestMetrics[];

  constructor(
    private readonly cluster: Cluster,
    private readonly endpointLoad: EndpointLoad,
  ) {
    this.perClass = cluster.classes.map(() => new RequestMetrics());
  }

  completed(request: Request, latency: Nanoseconds): void {
    this.of(request)?.completed(request, latency);
  }

  failed(request: Request): void {
    this.of(request)?.failed(request);
  }

  private of(request: Request): RequestMetrics | undefined {
    return this.perClass[this.cluster.layout.classOfService(request.service)];
  }

  /** One row per class, in class order. */
  rows(duration: Nanoseconds): ClassRow[] {
    const values = this.perClass.map((metrics) => metrics.values(duration));
    const calls = this.perClass.map((metrics) => metrics.started);
    const total = calls.reduce((sum, n) => sum + n, 0);
    const { layout } = this.cluster;
    const imbalance = this.endpointLoad.imbalanceByGroup((service) => layout.classOfService(service), this.cluster.classes.length);
    return this.cluster.classes.map((serviceClass, c) => ({
      name: serviceClass.name,
      values: {
        class_services: serviceClass.count,
        class_endpoints: serviceClass.endpoints,
        call_share: total > 0 ? calls[c] / total : undefined,
        ...pick({ ...values[c], endpoint_load_imbalance_ratio: imbalance[c].ratio }, PER_CLASS),
      },
    }));
  }
}

function pick(values: MetricValues, names: readonly string[]): MetricValues {
  return Object.fromEntries(names.map((name) => [name, values[name]]));
}
