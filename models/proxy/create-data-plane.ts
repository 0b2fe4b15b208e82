import type { Simulation } from '../../src/engine/simulation.js';
import { KeyedPermutation, uniformIndexSampler, type RandomStreams } from '../../src/random/index.js';
import type { Cluster } from '../cluster/cluster.js';
import { conntrackCapacity, ConntrackTables } from './conntrack-tables.js';
import { EbpfMode } from './ebpf-mode.js';
import { IptablesMode } from './iptables-mode.js';
import { IpvsMode } from './ipvs-mode.js';
import { createIpvsScheduler } from './ipvs-schedulers.js';
import { NftablesMode } from './nftables-mode.js';
import type { ProxyConfig } from './proxy-config.js';
import { ProxyDataPlane } from './proxy-data-plane.js';
import type { ProxyMetrics } from './proxy-metrics.js';
import type { ProxyMode } from './proxy-mode.js';

/**
 * Builds the data plane for `config.mode`. Every mode that picks endpoints at random draws from
 * the same stream, one draw per connection, so modes compared in one sweep see the same
 * choices (common random numbers); the KUBE-SERVICES order has a stream of its own.
 */
export function createDataPlane(
  sim: Simulation,
  cluster: Cluster,
  config: ProxyConfig,
  streams: RandomStreams,
  metrics: ProxyMetrics,
): ProxyDataPlane {
  const mode = createMode(cluster, config, streams);
  const capacity = conntrackCapacity(config.conntrack.maxPerCore, config.conntrack.min, cluster.nodeCores);
  const conntrack = new ConntrackTables(cluster.nodes, { capacity, timeWaitTimeout: config.conntrack.timeWaitTimeout });
  return new ProxyDataPlane(sim, cluster, mode, conntrack, metrics);
}

function createMode(cluster: Cluster, config: ProxyConfig, streams: RandomStreams): ProxyMode {
  const endpointChoice = uniformIndexSampler(streams.get('proxy/endpoints'), cluster.endpointsPerService);
  switch (config.mode) {
    case 'iptables':
      return new IptablesMode({
        services: cluster.services,
        ruleCost: config.iptables.ruleCost,
        serviceOrder: config.iptables.serviceOrder === 'random' ? servicesOrder(cluster, streams) : undefined,
        endpointChoice,
        nonServiceConnectionShare: config.iptables.nonServiceConnectionShare,
      });
    case 'ipvs':
      return new IpvsMode({
        services: cluster.services,
        scheduler: createIpvsScheduler(config.ipvs.scheduler, cluster.services, cluster.endpointsPerService),
        connectionCost: config.ipvs.connectionCost,
        entryCost: config.ipvs.entryCost,
      });
    case 'nftables':
      return new NftablesMode(endpointChoice, config.nftables.lookupCost);
    case 'ebpf':
      return new EbpfMode({
        services: cluster.services,
        endpointsPerService: cluster.endpointsPerService,
        lbMapMax: config.ebpf.lbMapMax,
        lookupCost: config.ebpf.lookupCost,
        endpointChoice,
      });
  }
}

/** KUBE-SERVICES order: one keyed permutation, tweaked per node, keyed from its own stream. */
function servicesOrder(cluster: Cluster, streams: RandomStreams): KeyedPermutation {
  const key = Math.floor(streams.get('proxy/iptables-order').next() * 2 ** 32);
  return new KeyedPermutation(cluster.services, key);
}
