import type { ParameterValue } from '../../src/contract/parameter-spec.js';
import type { ScenarioValues } from '../../src/contract/scenario-model.js';
import type { Nanoseconds } from '../../src/engine/time.js';
import type { DistributionSpec } from '../../src/random/index.js';
import type { ClusterConfig } from '../cluster/cluster.js';
import type { ProxyConfig, ProxyModeName } from '../proxy/proxy-config.js';

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
  readonly proxy: ProxyConfig;
}

/** Reads the resolved values (every path present, already validated) into a typed config. */
export function scenarioConfig(values: ScenarioValues): ScenarioConfig {
  const num = (path: string) => read(values, path) as number;
  const dist = (path: string) => read(values, path) as DistributionSpec;
  const text = <T extends string>(path: string) => read(values, path) as T;
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
    proxy: {
      mode: text<ProxyModeName>('proxy.mode'),
      iptables: {
        ruleCost: num('proxy.iptables.ruleCost'),
        serviceOrder: text<'random' | 'creation'>('proxy.iptables.serviceOrder'),
        nonServiceConnectionShare: num('proxy.iptables.nonServiceConnectionShare'),
      },
      ipvs: {
        scheduler: text<'rr' | 'lc' | 'sh'>('proxy.ipvs.scheduler'),
        connectionCost: num('proxy.ipvs.connectionCost'),
        entryCost: num('proxy.ipvs.entryCost'),
      },
      nftables: { lookupCost: num('proxy.nftables.lookupCost') },
      ebpf: { lookupCost: num('proxy.ebpf.lookupCost'), lbMapMax: num('proxy.ebpf.lbMapMax') },
      conntrack: {
        maxPerCore: num('proxy.conntrack.maxPerCore'),
        min: num('proxy.conntrack.min'),
        timeWaitTimeout: num('proxy.conntrack.timeWaitTimeout'),
      },
    },
  };
}

function read(values: ScenarioValues, path: string): ParameterValue {
  const value = values.get(path);
  if (value === undefined) throw new Error(`Scenario value \`${path}\` is missing: the experiment layer fills in every default`);
  return value;
}
