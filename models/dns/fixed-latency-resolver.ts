import type { Simulation } from '../../src/engine/simulation.js';
import { us, type Nanoseconds } from '../../src/engine/time.js';
import type { Request } from '../workload/request.js';
import type { NameResolver } from './name-resolver.js';

/**
 * The first scenario's resolver: every lookup takes the same time and succeeds. 770 µs is
 * the measured mean round trip from a pod to the kube-dns ClusterIP at 100 QPS
 * (kubernetes/perf-tests dns/fixtures/raw.txt, CALIBRATION.md); A and AAAA for a Service in
 * the client's namespace go out together, so one lookup costs about one round trip. The DNS
 * model (ndots, search list, CoreDNS queues, NodeLocal DNSCache) replaces this.
 */
export const FIXED_LOOKUP_LATENCY: Nanoseconds = us(770);

export class FixedLatencyResolver implements NameResolver {
  constructor(
    private readonly sim: Simulation,
    private readonly latency: Nanoseconds = FIXED_LOOKUP_LATENCY,
  ) {}

  resolve(request: Request, done: (request: Request) => void): void {
    this.sim.post(this.latency, done, request);
  }
}
