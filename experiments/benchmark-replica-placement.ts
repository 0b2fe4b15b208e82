/**
 * Which nodes hold the target Service's pods in experiments/benchmark-replica.yaml, at each N:
 * the class layout puts class 0's one Service at slot 0 of a fixed permutation of all Service
 * numbers, and backend pod p sits on node p mod nodes (models/cluster/README.md). The closed-loop
 * client must sit on a node that none of them uses. Run: npx tsx experiments/benchmark-replica-placement.ts
 */
import { ServiceLayout } from '../models/cluster/service-layout.js';

const nodes = 10;
const targetEndpoints = 2;
const idleEndpoints = 1;
const neverDrawn = { next: () => 0.5 } as unknown as Parameters<typeof ServiceLayout.fromClasses>[2]; // fixed endpoint counts draw nothing
const used = new Set<number>();
for (const idle of [0, 999, 1999, 4999, 9999]) {
  const layout = ServiceLayout.fromClasses(
    [
      { name: 'target', count: 1, endpoints: { kind: 'fixed', endpoints: targetEndpoints }, ports: 1, popularity: 1 },
      { name: 'idle', count: idle, endpoints: { kind: 'fixed', endpoints: idleEndpoints }, ports: 1, popularity: 0 },
    ] as unknown as Parameters<typeof ServiceLayout.fromClasses>[0],
    1,
    neverDrawn,
  );
  const service = layout.classes[0].members[0];
  const first = layout.firstPodOf(service);
  const onNodes = Array.from({ length: targetEndpoints }, (_, rank) => (first + rank) % nodes);
  onNodes.forEach((node) => used.add(node));
  console.log(`${idle + 1} Services: target is Service ${service}, its pods on nodes ${onNodes.join(', ')}`);
}
console.log(`nodes never holding a target pod: ${Array.from({ length: nodes }, (_, n) => n).filter((n) => !used.has(n)).join(', ')}`);
