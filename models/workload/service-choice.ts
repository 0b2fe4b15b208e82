import type { Cluster } from '../cluster/cluster.js';
import type { ServicePopularity } from './service-popularity.js';

/**
 * Which Service a client pod's call goes to, by what its name can reach: any Service (a name
 * written `svc.ns` or fully qualified), or one of the client's namespace (a short name). Both the
 * workload (without name forms) and the DNS model's name forms ask it, so a call graph
 * (`workload.callGraph`, call-graph.ts) decides for both.
 */
export interface ServiceChoice {
  /** A Service any name form but a short name can reach. */
  anywhere(client: number): number;
  /** A Service of the client's namespace, for a call by short name. */
  inClientNamespace(client: number): number;
}

/** Without a call graph: every call a fresh draw by popularity, whoever the client is. */
export function popularChoice(popularity: ServicePopularity, cluster: Cluster): ServiceChoice {
  return {
    anywhere: () => popularity.sample(),
    inClientNamespace: (client) => popularity.sampleInNamespace(cluster.namespaceOfClient(client)),
  };
}

declare module '../core/seams.js' {
  interface Seams {
    /** Who a client pod's call goes to among Services (by popularity, or along the call graph). */
    serviceChoice: ServiceChoice;
  }
}
