import type { ParameterValue } from '../../src/contract/parameter-spec.js';
import type { ScenarioValues } from '../../src/contract/scenario-model.js';
import type { Nanoseconds } from '../../src/engine/time.js';
import type { DistributionSpec } from '../../src/random/index.js';
import type { ClusterConfig } from '../cluster/cluster.js';

/** The scenario's parameters, typed, as the models read them. */
export interface ScenarioConfig {
  readonly cluster: ClusterConfig;
  readonly network: {
    readonly sameNodeRtt: DistributionSpec;
    readonly crossNodeRtt: DistributionSpec;
  };
  readonly workload: {
    readonly requestsPerSecond: number;
    readonly clientPods: number;
    readonly zipfExponent: number;
    readonly requestsPerConnection: number;
    readonly idleTimeout: Nanoseconds;
    readonly maxIdlePerService: number;
    readonly serviceTime: DistributionSpec;
    readonly podConcurrency: number;
    readonly connectTimeout: Nanoseconds;
  };
}

/** Reads the resolved values (every path present, already validated) into a typed config. */
export function scenarioConfig(values: ScenarioValues): ScenarioConfig {
  const num = (path: string) => read(values, path) as number;
  const dist = (path: string) => read(values, path) as DistributionSpec;
  return {
    cluster: {
      nodes: num('cluster.nodes'),
      namespaces: num('cluster.namespaces'),
      services: num('cluster.services'),
      endpointsPerService: num('cluster.endpointsPerService'),
      nodeCores: num('cluster.nodeCores'),
    },
    network: { sameNodeRtt: dist('network.sameNodeRtt'), crossNodeRtt: dist('network.crossNodeRtt') },
    workload: {
      requestsPerSecond: num('workload.requestsPerSecond'),
      clientPods: num('workload.clientPods'),
      zipfExponent: num('workload.zipfExponent'),
      requestsPerConnection: num('workload.requestsPerConnection'),
      idleTimeout: num('workload.idleTimeout'),
      maxIdlePerService: num('workload.maxIdlePerService'),
      serviceTime: dist('workload.serviceTime'),
      podConcurrency: num('workload.podConcurrency'),
      connectTimeout: num('workload.connectTimeout'),
    },
  };
}

function read(values: ScenarioValues, path: string): ParameterValue {
  const value = values.get(path);
  if (value === undefined) throw new Error(`Scenario value \`${path}\` is missing: the experiment layer fills in every default`);
  return value;
}
