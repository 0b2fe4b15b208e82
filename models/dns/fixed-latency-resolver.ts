import { us, type Nanoseconds, type Simulation } from '../../src/engine/index.js';
import type { Connection } from '../core/connection.js';
import type { NameResolver, ResolvedHandler } from './name-resolver.js';

/**
 * The first scenario's resolver: every lookup takes the same time and succeeds. 770 µs is
 * the measured mean round trip from a pod to the kube-dns ClusterIP at 100 QPS
 * (kubernetes/perf-tests dns/fixtures/raw.txt; docs/calibration.md, DNS); A and AAAA for a
 * Service in the client's namespace go out together, so one lookup costs about one round trip.
 * The DNS model (ndots, search list, CoreDNS queues, NodeLocal DNSCache) replaces this.
 */
export const FIXED_LOOKUP_LATENCY: Nanoseconds = us(770);

export class FixedLatencyResolver implements NameResolver {
  constructor(
    private readonly sim: Simulation,
    private readonly latency: Nanoseconds = FIXED_LOOKUP_LATENCY,
  ) {}

  resolve(connection: Connection, resolved: ResolvedHandler): void {
    this.sim.post(this.latency, resolved, connection);
  }
}
