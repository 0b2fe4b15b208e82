import type { Connection } from '../workload/connection.js';

/**
 * A node's Service data plane for the first packet of a new connection (DESIGN.md §1 step 3):
 * it picks the endpoint (setting `connection.endpointRank`) and returns the lookup time in
 * nanoseconds that the first packet pays on the nodes it crosses. Packets of an established
 * connection match conntrack and never come here.
 */
export interface DataPlane {
  connect(connection: Connection): number;
}
