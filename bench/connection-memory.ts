/**
 * Memory per live connection and per idle pool entry (issue 14), measured on the real
 * ConnectionPools: `--connections` connections are dialled, one per (client pod, Service)
 * pool of a 60,000-pod, 8,000-Service key space, and held busy (live); then all are put back
 * and stay idle in their pools. Prints one JSON line: V8 heap bytes per live connection (the
 * Connection record, what the pools keep of it, with its timing fields set to nanosecond values
 * as a run sets them) and the extra bytes each takes once idle (its pool's table entry, the
 * run's and its client's idle lists, which thread through the record). Run with --expose-gc:
 *
 *   node --expose-gc --import tsx bench/connection-memory.ts [--connections 500000]
 */
import { parseArgs } from 'node:util';
import { Simulation } from '../src/engine/simulation.js';
import { s } from '../src/engine/time.js';
import { newRequest, resetRequest } from '../models/core/request.js';
import type { Connection } from '../models/core/connection.js';
import { ConnectionPools } from '../models/workload/connection-pools.js';

const { values: args } = parseArgs({ options: { connections: { type: 'string', default: '500000' } } });
const count = Number(args.connections);
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) {
  process.stderr.write('connection-memory: run with node --expose-gc --import tsx\n');
  process.exit(2);
}
const CLIENTS = 60_000;
const SERVICES = 8_000;

const heap = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const sim = new Simulation();
sim.run(s(1_000)); // timestamps past 2^31 ns, as in a run: not small integers
const pools = new ConnectionPools(sim, { requestsPerConnection: 1e9, maxIdlePerService: 2, maxIdleConnections: 0, idleTimeout: s(90) }, () => undefined);
const request = newRequest();
const live: Connection[] = new Array<Connection>(count).fill(undefined as unknown as Connection);
const before = heap();
for (let i = 0; i < count; i++) {
  // A pool of its own for each (i < 480M), spread over pods and Services as a run's pools are.
  const client = i % CLIENTS;
  const service = (Math.floor(i / CLIENTS) * 997 + i * 13) % SERVICES;
  resetRequest(request, client, service, client % 3000, sim.now, true);
  const connection = pools.dial(client * SERVICES + service, request);
  pools.stopWaiting(request);
  connection.state = 'busy';
  connection.endpointPod = i;
  connection.resolveNs = sim.now * 1.000001;
  connection.lookupNs = 12_345.5;
  connection.firstPacketNs = sim.now * 1.000002;
  connection.requestsCarried = 1;
  live[i] = connection;
}
const afterLive = heap();
for (const connection of live) pools.put(connection);
const afterIdle = heap();
process.stdout.write(
  `${JSON.stringify({
    connections: count,
    open: pools.openConnections,
    bytes_per_live_connection: Math.round((afterLive - before) / count),
    extra_bytes_per_idle_pool_entry: Math.round((afterIdle - afterLive) / count),
    bytes_per_idle_connection: Math.round((afterIdle - before) / count),
  })}\n`,
);
