/**
 * The model's first-packet percentiles in the set-up of the Kubernetes blog's chart: the points
 * of first-packet.yaml (3 modes × 5k, 10k, 30k Services), run in-process. At the file's own
 * length (3 replications of 20 s) the means are those of results/first-packet/first-packet.summary.csv.
 */
import { scenarioModel } from '../../models/index.js';
import type { Nanoseconds } from '../../src/engine/index.js';
import { measuredOf, numberOf, shippedExperiment, type Metrics } from './model-runs.js';
import type { Measured } from './validation-case.js';

export const FIRST_PACKET_PERCENTILES = ['p01', 'p50', 'p90', 'p99'] as const;
export type FirstPacketPercentile = (typeof FIRST_PACKET_PERCENTILES)[number];

export interface FirstPacketLength {
  readonly replications: number;
  /** Measured window; undefined keeps the file's 20 s. */
  readonly duration?: Nanoseconds;
}

/** Runs every point; returns a lookup of mode, Service count and percentile to the model's value (µs). */
export function firstPacketRuns(length: FirstPacketLength): (mode: string, services: number, percentile: FirstPacketPercentile) => Measured {
  const experiment = shippedExperiment('./first-packet.yaml');
  const byPoint = new Map<string, Metrics[]>();
  for (const point of experiment.points) {
    const runs = Array.from({ length: length.replications }, (_, replication) =>
      scenarioModel.build(point.values, {
        seed: experiment.header.seed,
        replication,
        warmup: experiment.header.warmup,
        duration: length.duration ?? experiment.header.duration,
      }).run().metrics,
    );
    byPoint.set(`${String(point.scenario['proxy.mode'])}/${String(point.scenario['cluster.services'])}`, runs);
  }
  return (mode, services, percentile) => {
    const runs = byPoint.get(`${mode}/${services}`);
    if (runs === undefined) throw new Error(`first-packet.yaml has no point ${mode} at ${services} Services`);
    return measuredOf(runs.map((metrics) => numberOf(metrics, `first_packet_${percentile}_us`)));
  };
}
