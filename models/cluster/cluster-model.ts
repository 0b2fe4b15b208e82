import { defineModel } from '../core/model-definition.js';
import { Cluster } from './cluster.js';
import { CLUSTER_PARAMETERS } from './cluster-parameters.js';
import { EndpointSlices } from './endpoint-slices.js';
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
  }
}

/** The stage the other models play on: nodes, Services, EndpointSlices and the nodes' views of them. */
export const clusterModel = defineModel({
  name: 'cluster',
  parameters: CLUSTER_PARAMETERS,
  metrics: [],
  wire(config, { seams, streams }) {
    const { serviceClasses, ...shape } = config.cluster;
    const layout = serviceClasses.length === 0 ? undefined : ServiceLayout.fromClasses(serviceClasses, shape.endpointsPerService, streams.get('cluster/endpoints'));
    const cluster = new Cluster({ ...shape, layout, clientPlacement: config.workload.clientPlacement });
    const slices = new EndpointSlices(cluster);
    seams.provide('cluster', cluster, 'cluster');
    seams.provide('endpointSlices', slices, 'cluster');
    seams.provide('nodeViews', new ProgrammedViews(slices, cluster.nodes), 'cluster');
    return {};
  },
});
