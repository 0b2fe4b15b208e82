import { us, type Nanoseconds, type Simulation } from '../../../src/engine/index.js';
import type { Connection } from '../../core/connection.js';
import { parameterTable } from '../../../src/contract/parameter-table.js';
import { defineModel } from '../../core/model-definition.js';
import type { NameResolver, ResolvedHandler } from '../name-resolver.js';

/**
 * A test double for the request path: every lookup takes the same time and succeeds. 770 µs
 * is the measured mean round trip from a pod to the kube-dns ClusterIP at 100 QPS
 * (kubernetes/perf-tests dns/fixtures/raw.txt; docs/calibration.md, DNS), the stand-in the
 * scenario used before the DNS model.
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

/** The DNS model's seams filled by a FixedLatencyResolver (every call names a Service by popularity). */
export function fixedResolverModel() {
  return defineModel({
    name: 'fixed-resolver',
    parameters: parameterTable({}),
    metrics: [],
    wire(_config, { sim, seams }) {
      seams.provide('resolver', new FixedLatencyResolver(sim), 'fixed-resolver');
      return {};
    },
  });
}
