import { parameterTable } from '../../../src/contract/parameter-table.js';
import type { Simulation } from '../../../src/engine/index.js';
import type { Connection } from '../../core/connection.js';
import { defineModel } from '../../core/model-definition.js';
import { FIXED_LOOKUP_LATENCY } from './fixed-latency-resolver.js';
import type { NameResolver, ResolvedHandler, ResolveFailedHandler } from '../name-resolver.js';

declare module '../../core/failure-reason.js' {
  interface FailureReasons {
    test_resolver_failure: true;
  }
}

/** A test double: every `every`-th lookup fails after the usual latency, the others succeed. */
export class FailingResolver implements NameResolver {
  private lookups = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly every: number,
  ) {}

  resolve(connection: Connection, resolved: ResolvedHandler, failed: ResolveFailedHandler): void {
    this.lookups++;
    if (this.lookups % this.every !== 0) return this.sim.post(FIXED_LOOKUP_LATENCY, resolved, connection);
    this.sim.post(FIXED_LOOKUP_LATENCY, (failing: Connection) => failed(failing, 'test_resolver_failure'), connection);
  }
}

/** The DNS model's seam filled by a FailingResolver that fails one lookup in `every`. */
export function failingResolverModel(every: number) {
  return defineModel({
    name: 'failing-resolver',
    parameters: parameterTable({}),
    metrics: [],
    failureReasons: { test_resolver_failure: 'the test double resolver failed the lookup' },
    wire(_config, { sim, seams }) {
      seams.provide('resolver', new FailingResolver(sim, every), 'failing-resolver');
      return {};
    },
  });
}
