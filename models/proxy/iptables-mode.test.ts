import { endpointDrawsFrom } from './endpoint-draws.js';
import { describe, expect, it } from 'vitest';
import { KeyedPermutation, RandomStreams, uniformIndexSampler } from '../../src/random/index.js';
import { ScriptedStream } from '../../src/random/testing/scripted-stream.js';
import { testConnection } from '../core/testing/test-records.js';
import {
  buildNatTable,
  clientNodeWalk,
  countedRules,
  endpointIpOf,
  parseNatTable,
  serverNodeWalk,
  uniformChoosingRank,
  type NatTableSpec,
} from './testing/iptables-reference.js';
import { IptablesMode } from './iptables-mode.js';
import type { LookupCost } from './proxy-mode.js';

const SERVICES = 7;
const ENDPOINTS = 3;
const NODES = 4;

/** The change each node last programmed (what its last sync wrote); tests move it. */
const generations = new Array<number>(NODES).fill(0);

function mode(serviceOrder: KeyedPermutation | undefined) {
  return new IptablesMode({
    services: SERVICES, entryOf: (service) => service, ruleCost: 6, serviceOrder, endpoints: endpointDrawsFrom(new ScriptedStream([0])), nonServiceConnectionShare: 0,
    nodes: NODES, ruleGeneration: (node) => generations[node], chainLength: () => SERVICES,
  });
}

/** The node's KUBE-SERVICES order as the model computes it: order[position] = service. */
function orderOnNode(model: IptablesMode, node: number): number[] {
  const order = new Array<number>(SERVICES);
  for (let service = 0; service < SERVICES; service++) order[model.position(node, service)] = service;
  return order;
}

function modelRules(model: IptablesMode, node: number, service: number, rank: number, crossNode: boolean): number {
  const connection = testConnection({ service, clientNode: node });
  connection.endpointIndex = rank;
  const cost: LookupCost = { rules: 0, clientNodeNs: 0, serverNodeNs: 0 };
  model.lookupCost(connection, crossNode, cost);
  return cost.rules;
}

describe('IptablesMode against the reference rule walk (iptables-save form, walked rule by rule)', () => {
  for (const [label, order] of [['random per node', new KeyedPermutation(SERVICES, 99)], ['creation', undefined]] as const) {
    it(`counts exactly the rules the reference walks, for every Service on every node (${label} order)`, () => {
      const model = mode(order);
      for (let node = 0; node < NODES; node++) {
        const spec: NatTableSpec = { services: SERVICES, endpointsPerService: ENDPOINTS, serviceOrder: orderOnNode(model, node) };
        const table = parseNatTable(buildNatTable(spec));
        for (let service = 0; service < SERVICES; service++) {
          for (let rank = 0; rank < ENDPOINTS; rank++) {
            const walk = clientNodeWalk(table, service, uniformChoosingRank(rank + 1));
            expect(walk.endpointRank).toBe(rank + 1);
            expect(modelRules(model, node, service, rank, false)).toBe(walk.rulesEvaluated);
            // Cross-node: the DNATed SYN walks all of KUBE-SERVICES again on the endpoint's node.
            const remote = serverNodeWalk(table, endpointIpOf(spec, service, rank + 1));
            expect(modelRules(model, node, service, rank, true)).toBe(walk.rulesEvaluated + remote.rulesEvaluated);
          }
        }
      }
    });
  }

  it('orders Services differently on different nodes when the order is random', () => {
    const model = mode(new KeyedPermutation(SERVICES, 99));
    expect(orderOnNode(model, 0)).not.toEqual(orderOnNode(model, 1));
    expect([...orderOnNode(model, 2)].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('writes KUBE-SERVICES in a new order at every sync that programs a change, on that node only', () => {
    const model = mode(new KeyedPermutation(SERVICES, 42));
    const before = [0, 1, 2, 3].map((node) => orderOnNode(model, node));
    generations[1] = 17; // node 1 synced up to change 17
    try {
      const after = orderOnNode(model, 1);
      expect(after).not.toEqual(before[1]);
      expect([...after].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
      for (const node of [0, 2, 3]) expect(orderOnNode(model, node)).toEqual(before[node]);
    } finally {
      generations[1] = 0;
    }
  });

  it('builds a reference nat table of 5 + S·(2 + 3n) rules, as kube-proxy\'s rule-count test counts them', () => {
    // KUBE-POSTROUTING (3), KUBE-MARK-MASQ and the nodeports jump, then per Service one
    // KUBE-SERVICES rule, the KUBE-SVC chain's masquerade rule and n statistic rules, and
    // n KUBE-SEP chains of 2 rules (docs/calibration.md, kube-proxy data plane).
    for (const [services, endpoints] of [[1, 1], [3, 2], [7, 3], [20, 5]]) {
      const spec = { services, endpointsPerService: endpoints, serviceOrder: [...Array(services).keys()] };
      expect(countedRules(parseNatTable(buildNatTable(spec)))).toBe(5 + services * (2 + 3 * endpoints));
    }
  });

  it('chooses endpoints with the distribution of the reference\'s probability cascade (chi-square)', () => {
    // The reference draws the cascade 1/(n−k+1) rule by rule; the model draws one uniform rank.
    // Two-sample chi-square test of homogeneity, 5 endpoints (4 degrees of freedom):
    // critical value 18.467 at significance 0.001 (NIST/SEMATECH table).
    const endpoints = 5;
    const walks = 20_000;
    const streams = new RandomStreams(3, 0);
    const spec = { services: 1, endpointsPerService: endpoints, serviceOrder: [0] };
    const table = parseNatTable(buildNatTable(spec));
    const referenceStream = streams.get('reference');
    const reference = new Array(endpoints).fill(0);
    for (let i = 0; i < walks; i++) reference[(clientNodeWalk(table, 0, () => referenceStream.next()).endpointRank as number) - 1]++;
    const modelChoice = uniformIndexSampler(streams.get('model'), endpoints);
    const modelCounts = new Array(endpoints).fill(0);
    for (let i = 0; i < walks; i++) modelCounts[modelChoice.sample()]++;
    let chiSquare = 0;
    for (let k = 0; k < endpoints; k++) {
      const pooled = (reference[k] + modelCounts[k]) / 2;
      chiSquare += (reference[k] - pooled) ** 2 / pooled + (modelCounts[k] - pooled) ** 2 / pooled;
    }
    expect(chiSquare).toBeLessThan(18.467);
  });

  it('charges non-Service connections a whole-chain walk per Service connection, in CPU only', () => {
    const model = new IptablesMode({
      services: 1000,
      entryOf: (service) => service,
      ruleCost: 6,
      serviceOrder: undefined,
      endpoints: endpointDrawsFrom(new ScriptedStream([0])),
      nonServiceConnectionShare: 0.2,
      nodes: 1,
      ruleGeneration: () => 0,
      chainLength: () => 1000,
    });
    // 0.2 / 0.8 = 0.25 non-Service connections per Service connection, each S + 4 rules.
    expect(model.nonServiceCpuPerConnection).toBeCloseTo(0.25 * 1004 * 6, 9);
  });
});
