import { defineModel } from '../core/model-definition.js';
import { Cluster } from './cluster.js';
import { CLUSTER_PARAMETERS } from './cluster-parameters.js';
import { EndpointSlices } from './endpoint-slices.js';
import { NodeCpu } from './node-cpu.js';
import { ProgrammedViews } from './programmed-views.js';
import { ServiceLayout } from './service-layout.js';

declare module '../core/seams.js' {
  interface Seams {
    /** Where pods run. */
    cluster: Cluster;
    /** Every Service's EndpointSlices, newest versions. */
    endpointSlices: EndpointSlices;
    /** The endpoints each node's proxy last programmed. */
    nodeViews: ProgrammedViews;
    /** Every node's cores: first-packet softirq work and kube-proxy syncs queue there. */
    nodeCpu: NodeCpu;
  }
}

/** The stage the other models play on: nodes and their cores, Services, EndpointSlices and the nodes' views of them. */
export const clusterModel = defineModel({
  name: 'cluster',
  parameters: CLUSTER_PARAMETERS,
  metrics: [],
  wire(config, { sim, seams, settings, stations, streams }) {
    const { serviceClasses, ...shape } = config.cluster;
    const layout = serviceClasses.length === 0 ? undefined : ServiceLayout.fromClasses(serviceClasses, shape.endpointsPerService, streams.get('cluster/endpoints'));
    const cluster = new Cluster({ ...shape, layout, clientPlacement: config.workload.clientPlacement });
    const slices = new EndpointSlices(cluster);
    const nodeCpu = new NodeCpu(sim, cluster.nodes, config.cluster.nodeCores, {
      start: settings.warmup,
      end: settings.warmup + settings.duration,
    });
    stations.push(nodeCpu);
    seams.provide('cluster', cluster, 'cluster');
    seams.provide('endpointSlices', slices, 'cluster');
    seams.provide('nodeViews', new ProgrammedViews(slices, cluster.nodes), 'cluster');
    seams.provide('nodeCpu', nodeCpu, 'cluster');
    return {
      startWindow: () => nodeCpu.startWindow(),
      endWindow: () => nodeCpu.endWindow(),
      warnings: () => overloadWarnings(nodeCpu),
    };
  },
});

function overloadWarnings(nodeCpu: NodeCpu): string[] {
  const { overloaded, worst, worstOfferedLoad } = nodeCpu.windowLoad();
  if (overloaded === 0) return [];
  return [
    `${overloaded} node(s) had an offered CPU load >= 1 from first-packet softirq work and kube-proxy syncs ` +
      `(worst: ${worst} at ${worstOfferedLoad.toFixed(2)}): new connections there queue without bound. ` +
      'Raise cluster.nodeCores, or use fewer new connections (workload.requestsPerConnection) or a cheaper proxy.mode.',
  ];
}
