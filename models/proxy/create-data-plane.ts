import type { Simulation } from '../../src/engine/index.js';
import { KeyedPermutation, type RandomStreams } from '../../src/random/index.js';
import type { Cluster } from '../cluster/cluster.js';
import type { ProgrammedViews } from '../cluster/programmed-views.js';
import type { NetworkPaths } from '../network/network-paths.js';
import { conntrackCapacity, ConntrackTables } from './conntrack-tables.js';
import { DestinationOrders } from './destination-order.js';
import { EbpfMode } from './ebpf-mode.js';
import { EndpointDraws } from './endpoint-draws.js';
import { IptablesMode } from './iptables-mode.js';
import { IpvsMode } from './ipvs-mode.js';
import { createIpvsScheduler } from './ipvs-schedulers.js';
import { NftablesMode } from './nftables-mode.js';
import type { ProxyConfig } from './proxy-config.js';
import { ProxyDataPlane } from './proxy-data-plane.js';
import type { ProxyMetrics } from './proxy-metrics.js';
import type { ProxyMode } from './proxy-mode.js';

export interface DataPlaneParts {
  readonly sim: Simulation;
  readonly cluster: Cluster;
  readonly views: ProgrammedViews;
  readonly network: NetworkPaths;
  readonly streams: RandomStreams;
  readonly metrics: ProxyMetrics;
}

/**
 * Builds the data plane for `config.mode`. Every mode that picks endpoints at random draws from
 * the same stream, one draw per connection, so modes compared in one sweep see the same
 * choices (common random numbers); the KUBE-SERVICES order and the IPVS destination orders
 * have streams of their own.
 */
export function createDataPlane(config: ProxyConfig, parts: DataPlaneParts): ProxyDataPlane {
  const { sim, cluster, views, network, metrics } = parts;
  const mode = createMode(config, parts);
  const capacity = conntrackCapacity(config.conntrack.maxPerCore, config.conntrack.min, cluster.nodeCores);
  const conntrack = new ConntrackTables(cluster.nodes, { capacity, timeWaitTimeout: config.conntrack.timeWaitTimeout, udpTimeout: config.conntrack.udpTimeout });
  return new ProxyDataPlane(sim, cluster, views, network, mode, conntrack, metrics, config.lookupJitter === 'roundTrip');
}

/** kube-dns is one more ClusterIP Service in every node's rules, numbered after the workload's. */
export function kubeDnsService(services: number): number {
  return services;
}

function createMode(config: ProxyConfig, { sim, cluster, streams, views }: DataPlaneParts): ProxyMode {
  const endpoints = new EndpointDraws(streams.get('proxy/endpoints'), streams.get('proxy/system-endpoints'), kubeDnsService(cluster.services));
  const inRules = cluster.services + 1; // the workload's Services and kube-dns
  const { layout } = cluster;
  // One KUBE-SERVICES rule per Service port; kube-dns and Services churn creates have one port each.
  const extraPortRules = layout.servicePorts - cluster.services;
  const portRules = inRules + extraPortRules;
  switch (config.mode) {
    case 'iptables':
      return new IptablesMode({
        services: portRules,
        entryOf: (service) => (service < cluster.services ? layout.firstPortEntry(service) : service + extraPortRules),
        ruleCost: config.iptables.ruleCost,
        serviceOrder: config.iptables.serviceOrder === 'random' ? new KeyedPermutation(portRules, keyFrom(streams, 'proxy/iptables-order')) : undefined,
        nodes: cluster.nodes,
        ruleGeneration: (node) => views.versionOf(node),
        chainLength: (node) => views.serviceCount(node) + extraPortRules + 1, // and kube-dns
        endpoints,
        nonServiceConnectionShare: config.iptables.nonServiceConnectionShare,
      });
    case 'ipvs': {
      const orders = new DestinationOrders(keyFrom(streams, 'proxy/ipvs-order'));
      const scheduler = createIpvsScheduler(config.ipvs.scheduler, { sim, cluster, orders, finTimeout: config.ipvs.tcpFinTimeout });
      return new IpvsMode({ services: inRules, scheduler, connectionCost: config.ipvs.connectionCost, entryCost: config.ipvs.entryCost });
    }
    case 'nftables':
      return new NftablesMode(endpoints, config.nftables.lookupCost);
    case 'ebpf':
      return new EbpfMode({
        services: cluster.services,
        entriesOf: (service) => cluster.layout.portsOf(service) * (1 + cluster.endpointsOf(service)),
        lbMapMax: config.ebpf.lbMapMax,
        lookupCost: config.ebpf.lookupCost,
        endpoints,
      });
  }
}

/** A 32-bit key from the first draw of its own stream (per node orders are keyed permutations of it). */
function keyFrom(streams: RandomStreams, name: string): number {
  return Math.floor(streams.get(name).next() * 2 ** 32);
}
