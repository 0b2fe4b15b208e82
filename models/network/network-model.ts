import { distributionMedian, makeSampler, type DistributionSpec } from '../../src/random/index.js';
import { defineModel } from '../core/model-definition.js';
import { NETWORK_PARAMETERS } from './network-parameters.js';
import { NetworkPaths, type PathTimes } from './network-paths.js';

declare module '../core/seams.js' {
  interface Seams {
    /** Round trips between pods. */
    network: NetworkPaths;
  }
}

/** Round trips between pods, without any Service lookup (the proxy model adds those). */
export const networkModel = defineModel({
  name: 'network',
  parameters: NETWORK_PARAMETERS,
  metrics: [],
  wire(config, { streams, seams }) {
    const { sameNodeRtt, crossNodeRtt, externalRtt } = config.network;
    const path = (spec: DistributionSpec, stream: string): PathTimes => ({ sampler: makeSampler(spec, streams.get(stream)), median: distributionMedian(spec) });
    const pathsFor = (prefix: string): NetworkPaths =>
      new NetworkPaths(
        path(sameNodeRtt, `${prefix}/same-node-rtt`),
        path(crossNodeRtt, `${prefix}/cross-node-rtt`),
        path(externalRtt, `${prefix}/external-rtt`),
        (traffic) => pathsFor(`network/${traffic}`),
      );
    const paths = pathsFor('network');
    seams.provide('network', paths, 'network');
    return {};
  },
});
