/**
 * Writes the kubectl-shaped dump behind experiments/service-classes.yaml: a made-up but plausible
 * 3,000-node cluster with about 8,000 Services (never a real cluster's dump), through the test
 * fixture generator import-cluster's own tests use. Run:
 *   npx tsx experiments/service-classes-fixture.ts /tmp/cluster.json
 *   npx eastwest import-cluster /tmp/cluster.json
 * and paste the `cluster:` part into the experiment. Deterministic (a fixed-seed generator), so the same
 * dump, and the same classes, every time.
 */
import { writeFileSync } from 'node:fs';
import { kubectlList, type FixtureService } from '../src/cli/testing/kubectl-list-fixture.js';

let state = 12345;
/** mulberry32: a small fixed-seed generator, so the dump is the same every time. */
function next(): number {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
}

/** Ready endpoints: mostly Deployments of 1 to 3 replicas, a tail of larger ones (assumed shape). */
function readyEndpoints(): number {
  const u = next();
  if (u < 0.002) return 0; // selector matches nothing
  if (u < 0.35) return 1;
  if (u < 0.7) return 2;
  if (u < 0.85) return 3;
  if (u < 0.95) return 5 + Math.floor(next() * 6); // 5-10
  if (u < 0.99) return 20 + Math.floor(next() * 31); // 20-50
  return 100 + Math.floor(next() * 201); // 100-300: the few big ones
}

const services: FixtureService[] = [];
for (let i = 0; i < 8000; i++) {
  const u = next();
  services.push({
    namespace: Math.floor(next() * 40),
    ports: u < 0.9 ? 1 : u < 0.98 ? 2 : 3,
    headless: next() < 0.05,
    externalName: next() < 0.002,
    readyEndpoints: readyEndpoints(),
    notReadyEndpoints: next() < 0.02 ? 1 : 0,
    endpointsPerSlice: 100,
    dualStack: false,
  });
}
writeFileSync(process.argv[2] ?? '/tmp/cluster.json', JSON.stringify(kubectlList({ nodes: 3000, services, pods: 0 })));
