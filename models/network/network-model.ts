import { distributionMedian, makeSampler } from '../../src/random/index.js';
import { defineModel } from '../core/model-definition.js';
import { NETWORK_PARAMETERS } from './network-parameters.js';
import { NetworkPaths } from './network-paths.js';

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
    const { sameNodeRtt, crossNodeRtt } = config.network;
    const paths = new NetworkPaths(
      makeSampler(sameNodeRtt, streams.get('network/same-node-rtt')),
      makeSampler(crossNodeRtt, streams.get('network/cross-node-rtt')),
      distributionMedian(sameNodeRtt),
      distributionMedian(crossNodeRtt),
    );
    seams.provide('network', paths, 'network');
    return {};
  },
});
