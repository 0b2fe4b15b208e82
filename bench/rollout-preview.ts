/**
 * A preview of experiments/churn-rollout.yaml on the control plane alone (requests do not see
 * churn in `eastwest run` yet): a 100-replica Deployment rolls behind Service 0 of a cluster of
 * 1,000 nodes and 1,000 Services × 100 endpoints, while clients on every node open 2,000 new
 * connections/s to it through their node's programmed view. Per mode × minSyncPeriod × preStop:
 * connections refused (the pod had stopped listening) or sent to a pod already gone, the share
 * that reached the new version, and programming latency. Run: npx tsx bench/rollout-preview.ts
 */
import { s, toMilliseconds } from '../src/engine/index.js';
import { controlPlane, dialThroughViews } from '../models/controlplane/testing/control-plane-harness.js';
import type { ProxyModeName } from '../models/proxy/proxy-config.js';

console.log('mode,min_sync_period_s,pre_stop_s,refused,gone,accepted,new_version_ratio,rollout_s,npl_p50_ms,npl_p99_ms,sync_p50_ms');
for (const mode of ['iptables', 'nftables', 'ipvs', 'ebpf'] as ProxyModeName[]) {
  for (const minSync of mode === 'ebpf' ? [0] : [1, 10]) {
    for (const preStop of [0, 5, 30]) {
      const run = controlPlane({
        nodes: 1_000, services: 1_000, endpointsPerService: 100, mode, minSyncPeriod: s(minSync),
        podReplacementsPerSecond: 0, preStopDelay: s(preStop), rolloutService: 0,
      });
      const counts = dialThroughViews(run, 2_000, [0]);
      run.sim.run(s(180));
      const ms = (q: number, sketch = run.syncs.programmingLatencies) => toMilliseconds(sketch.quantile(q) ?? Number.NaN).toFixed(0);
      const finished = run.rollout?.finished;
      console.log([
        mode, minSync, preStop, counts.refused, counts.gone, counts.accepted,
        (counts.newVersion / counts.accepted).toFixed(3), finished === undefined ? 'unfinished' : (finished / 1e9).toFixed(1),
        ms(0.5), ms(0.99), ms(0.5, run.syncs.syncDurations),
      ].join(','));
    }
  }
}
