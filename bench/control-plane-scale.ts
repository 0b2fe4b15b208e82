/**
 * The control plane alone at user scale (issue 10's scale target): 5,000 nodes, 10,000
 * Services × 10 endpoints, 10 pod replacements per second for 4 simulated minutes, per mode.
 * Prints wall time, heap and the figures a user would read. Run: npx tsx bench/control-plane-scale.ts [mode]
 */
import { s, toMilliseconds } from '../src/engine/index.js';
import { controlPlane } from '../models/controlplane/testing/control-plane-harness.js';
import type { ProxyModeName } from '../models/proxy/proxy-config.js';

const modes = (process.argv[2] ? [process.argv[2]] : ['iptables', 'nftables', 'ipvs', 'ebpf']) as ProxyModeName[];
for (const mode of modes) {
  const started = process.hrtime.bigint();
  const run = controlPlane({
    nodes: 5_000, services: 10_000, endpointsPerService: 10, mode,
    minSyncPeriod: mode === 'ebpf' ? 0 : s(1), podReplacementsPerSecond: 10,
  });
  run.sim.run(s(240));
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const q = (sketch: typeof run.syncs.syncDurations, p: number) => toMilliseconds(sketch.quantile(p) ?? Number.NaN).toFixed(1);
  console.log(
    `${mode}: ${wall.toFixed(1)} s wall, heap ${(process.memoryUsage().heapUsed / 2 ** 30).toFixed(2)} GiB, ` +
      `${run.sim.eventsProcessed} events, writes ${run.writes.length}, syncs ${run.syncs.syncDurations.count}, ` +
      `sync p50/p99 ${q(run.syncs.syncDurations, 0.5)}/${q(run.syncs.syncDurations, 0.99)} ms, ` +
      `programming latency p50/p99 ${q(run.syncs.programmingLatencies, 0.5)}/${q(run.syncs.programmingLatencies, 0.99)} ms, ` +
      `kube-proxy ${(run.syncs.busyTime / 5_000 / s(240)).toFixed(3)} cores/node`,
  );
}
