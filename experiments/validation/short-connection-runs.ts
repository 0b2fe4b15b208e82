/**
 * Short-connection throughput in the set-up of benchmark-replica.yaml's closed loop (one
 * target Service among N − 1 idle ones, 16 wrk-like callers on one 2-core client node, a new
 * connection per request), at Service counts the file does not sweep (20k, 30k) as well as
 * those it does. At the file's length (3 replications, 3 s + 10 s) the points it sweeps give
 * the means of results/benchmark-replica/benchmark-replica.summary.csv.
 */
import { scenarioModel } from '../../models/index.js';
import { scenarioValues } from '../../src/contract/scenario-values.js';
import type { Nanoseconds } from '../../src/engine/index.js';
import { measuredOf, numberOf, shippedExperiment } from './model-runs.js';
import type { Measured } from './validation-case.js';

export interface ShortConnectionLength {
  readonly replications: number;
  /** Measured window; undefined keeps the file's 10 s. */
  readonly duration?: Nanoseconds;
  /** Warm-up; undefined keeps the file's 3 s (a closed loop fills at once: the scaled-down run takes less). */
  readonly warmup?: Nanoseconds;
}

interface ServiceClass {
  readonly name: string;
  readonly count: number;
}

/** Throughput (requests/s) of each replication, per mode and total Service count. */
export function shortConnectionRuns(length: ShortConnectionLength): (mode: string, services: number) => readonly number[] {
  const experiment = shippedExperiment('../benchmark-replica.yaml');
  // The closed-loop sweep's first point: every sweep point shares its scenario but for mode and N.
  const closedLoop = experiment.points.find((point) => point.origin === 'sweep');
  if (closedLoop === undefined) throw new Error('benchmark-replica.yaml has no sweep point');
  const cache = new Map<string, readonly number[]>();
  return (mode, services) => {
    const key = `${mode}/${services}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    // Class 0 is the one target Service, class 1 the idle ones: N − 1 of them.
    const classes = (closedLoop.scenario['cluster.serviceClasses'] as ServiceClass[]).map((serviceClass, i) => (i === 1 ? { ...serviceClass, count: services - 1 } : serviceClass));
    const values = scenarioValues(scenarioModel.parameters, { ...closedLoop.scenario, 'proxy.mode': mode, 'cluster.serviceClasses': classes });
    const throughputs = Array.from({ length: length.replications }, (_, replication) =>
      numberOf(
        scenarioModel.build(values, { seed: experiment.header.seed, replication, warmup: length.warmup ?? experiment.header.warmup, duration: length.duration ?? experiment.header.duration }).run().metrics,
        'throughput_per_s',
      ),
    );
    cache.set(key, throughputs);
    return throughputs;
  };
}

/** iptables ÷ eBPF throughput at N Services, replication by replication (common random numbers), then averaged. */
export function iptablesOverEbpf(runs: ReturnType<typeof shortConnectionRuns>, services: number): Measured {
  const iptables = runs('iptables', services);
  const ebpf = runs('ebpf', services);
  return measuredOf(iptables.map((value, i) => value / ebpf[i]));
}

/** The smallest N of `grid` at which eBPF's mean throughput exceeds iptables' (Infinity if none). */
export function crossover(runs: ReturnType<typeof shortConnectionRuns>, grid: readonly number[]): number {
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  return grid.find((services) => mean(runs('ebpf', services)) > mean(runs('iptables', services))) ?? Number.POSITIVE_INFINITY;
}
