import type { MetricEntry } from '../core/model-definition.js';

const MEASURED = 'requests that start in the measured window [warmup, warmup + duration], followed until they finish';

/** The workload's metrics, in CSV column order (docs/design.md, Metrics). */
export const WORKLOAD_METRICS: readonly MetricEntry[] = [
  {
    name: 'requests_completed',
    unit: 'count',
    doc: 'Requests that got a response.',
    window: MEASURED,
  },
  {
    name: 'throughput_per_s',
    unit: '1/s',
    doc: 'Completed requests per second of the measured window (requests_completed ÷ duration).',
    window: MEASURED,
  },
  {
    name: 'request_latency_p50_ms',
    headline: true,
    unit: 'ms',
    doc: 'Median latency from the application call to the response: DNS, connection set-up, queueing and service. Failed requests excluded.',
    window: `${MEASURED}; completed ones`,
  },
  {
    name: 'request_latency_p99_ms',
    unit: 'ms',
    doc: '99th percentile of the same latency (streaming sketch, <= 0.1 % relative error).',
    window: `${MEASURED}; completed ones`,
  },
  {
    name: 'request_error_ratio',
    headline: true,
    unit: 'ratio',
    doc: 'Failed requests ÷ requests that started (failed + completed); each failure also counts in one failures_<reason> column.',
    window: MEASURED,
  },
  {
    name: 'new_connection_ratio',
    headline: true,
    unit: 'ratio',
    doc: "Requests that found no idle connection and dialled one (DNS lookup, proxy lookup, handshake) ÷ requests that started. As in Go's Transport, such a request takes a connection another request frees first, if one does; its dial then goes to the pool.",
    window: MEASURED,
  },
  {
    name: 'max_station_utilization',
    unit: 'utilization',
    doc: 'Highest time-weighted busy fraction of any server in the scenario, of any model (backend pods: busy slots ÷ podConcurrency).',
    window: 'the measured window [warmup, warmup + duration]; all stations that served a request',
  },
  {
    name: 'max_pod_utilization',
    unit: 'utilization',
    doc: 'Highest time-weighted busy fraction of any backend pod (busy slots ÷ podConcurrency): how well the data plane spreads load over endpoints.',
    window: 'the measured window [warmup, warmup + duration]; backend pods that served a request',
  },
  {
    name: 'endpoint_load_imbalance_ratio',
    unit: 'ratio',
    doc: "How unevenly each Service's endpoints share its requests: per Service, the requests its busiest backend pod served ÷ the mean over the endpoints it had (pods that served one of its requests, and pods ready in its EndpointSlices at the window's end, so a new pod left idle counts as 0); then the mean over Services weighted by their requests, so rarely called Services' Poisson noise weighs little. 1 = perfectly even; a fresh connection per request gives the multinomial noise floor just above 1; pinned connections (http2, long keep-alive) raise it, most after a scale-up.",
    window: `${MEASURED}; completed ones, by the pod their connection reached`,
  },
];
