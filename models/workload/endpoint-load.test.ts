import { describe, expect, it } from 'vitest';
import { newConnection, type Connection } from '../core/connection.js';
import { testRequest } from '../core/testing/test-records.js';
import { EndpointLoad } from './endpoint-load.js';

/** Service 0 has pods 0–3, Service 1 pods 10–11; pod 20 is a pod created later for Service 0. */
const READY: Record<number, number[]> = { 0: [0, 1, 2, 3], 1: [10, 11] };

function load(ready: Record<number, number[]> = READY) {
  const collector = new EndpointLoad((service) => ready[service] ?? [], 4);
  const serve = (service: number, pod: number, times: number, measured = true) => {
    const connection: Connection = newConnection();
    connection.endpointPod = pod;
    for (let i = 0; i < times; i++) {
      const request = testRequest({ service, measured });
      request.connection = connection;
      collector.completed(request);
    }
  };
  return { collector, serve };
}

describe('EndpointLoad', () => {
  it("divides a Service's busiest endpoint by the mean over every endpoint it had, idle ready ones included", () => {
    const { collector, serve } = load();
    serve(0, 0, 30);
    serve(0, 1, 10); // pods 2 and 3 are ready but serve nothing: the mean is 40 / 4
    expect(collector.serviceLoads()).toEqual([{ service: 0, requests: 40, endpoints: 4, busiest: 30 }]);
    expect(collector.imbalance().ratio).toBe(3);
  });

  it('weights Services by their requests, over all of them or a selection (predicate or list)', () => {
    const { collector, serve } = load();
    for (const pod of [0, 1, 2, 3]) serve(0, pod, 25); // even: 1, 100 requests
    serve(1, 10, 20); // 20 requests on one of 2 pods: 2
    expect(collector.imbalance()).toEqual({ ratio: (100 * 1 + 20 * 2) / 120, requests: 120, services: 2 });
    expect(collector.imbalance([1])).toEqual({ ratio: 2, requests: 20, services: 1 });
    expect(collector.imbalance((service) => service === 0).ratio).toBe(1);
    expect(collector.imbalance([7])).toEqual({ ratio: undefined, requests: 0, services: 0 });
  });

  it('counts pods created during the run (numbered past the initial ones) and ignores unmeasured requests', () => {
    const { collector, serve } = load({ 0: [0, 1, 2, 3, 20] });
    serve(0, 20, 5);
    serve(0, 0, 5);
    serve(0, 1, 100, false);
    expect(collector.serviceLoads()).toEqual([{ service: 0, requests: 10, endpoints: 5, busiest: 5 }]);
  });

  it('keeps the endpoints a Service had when the window ended, not those it has later', () => {
    const ready: Record<number, number[]> = { 0: [0, 1] };
    const { collector, serve } = load(ready);
    serve(0, 0, 4);
    collector.endWindow();
    ready[0] = [0, 1, 2, 3, 4, 5, 6, 7]; // a scale-up after the window
    expect(collector.imbalance().ratio).toBe(2);
  });
});
