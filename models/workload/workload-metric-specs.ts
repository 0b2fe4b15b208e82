import type { MetricSpec } from '../../src/contract/metric-spec.js';

const MEASURED = 'requests that start in the measured window [warmup, warmup + duration], followed until they finish';

/** The first scenario's metrics, in CSV column order (DESIGN.md §3). */
export const SCENARIO_METRICS: readonly MetricSpec[] = [
  {
    name: 'requests_completed',
    unit: 'count',
    doc: 'Requests that got a response.',
    window: MEASURED,
    model: 'first scenario',
  },
  {
    name: 'throughput_per_s',
    unit: '1/s',
    doc: 'Completed requests per second of the measured window (requests_completed ÷ duration).',
    window: MEASURED,
    model: 'first scenario',
  },
  {
    name: 'request_latency_p50_ms',
    headline: true,
    unit: 'ms',
    doc: 'Median latency from the application call to the response: DNS, connection set-up, queueing and service. Failed requests excluded.',
    window: `${MEASURED}; completed ones`,
    model: 'first scenario',
  },
  {
    name: 'request_latency_p99_ms',
    unit: 'ms',
    doc: '99th percentile of the same latency (streaming sketch, <= 0.1 % relative error).',
    window: `${MEASURED}; completed ones`,
    model: 'first scenario',
  },
  {
    name: 'request_error_ratio',
    headline: true,
    unit: 'ratio',
    doc: 'Failed requests ÷ requests that started (failed + completed). 0 until a model can fail requests (stale endpoints, DNS timeouts).',
    window: MEASURED,
    model: 'first scenario',
  },
  {
    name: 'new_connection_ratio',
    headline: true,
    unit: 'ratio',
    doc: 'Requests that dialled a new connection (DNS lookup, proxy lookup, handshake) ÷ requests that started.',
    window: MEASURED,
    model: 'first scenario',
  },
  {
    name: 'max_station_utilization',
    unit: 'utilization',
    doc: 'Highest time-weighted busy fraction of any server in the scenario (backend pods: busy slots ÷ podConcurrency).',
    window: 'the measured window [warmup, warmup + duration]; all stations that served a request',
    model: 'first scenario',
  },
];
