import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildNatTable, clientNodeWalk, clusterIpOf, countedRules, DEFAULT_NODE_IP, endpointChainName, endpointIpOf,
  parseNatTable, positionOf, probabilityText, serverNodeWalk, serviceChainName, servicePortName,
  uniformChoosingRank, unusedChains, walkFirstPacket, type NatTableSpec,
} from './testing/iptables-reference.js';
import { uniformSource } from '../../src/random/testing/uniform-source.js';


/** A uniform source that counts its draws. */
function counting(inner: () => number): { next: () => number; draws: () => number } {
  let draws = 0;
  return { next: () => { draws++; return inner(); }, draws: () => draws };
}

/** A node whose KUBE-SERVICES order is not the creation order. */
const spec: NatTableSpec = { services: 4, endpointsPerService: 3, serviceOrder: [2, 0, 3, 1] };
const table = parseNatTable(buildNatTable(spec));

/** fast-check: a spec with 1..8 Services of 1..6 endpoints in a shuffled order. */
const specs = fc.integer({ min: 1, max: 8 }).chain((services) => fc.record({
  services: fc.constant(services),
  endpointsPerService: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: services, maxLength: services }),
  serviceOrder: fc.shuffledSubarray([...Array(services).keys()], { minLength: services, maxLength: services }),
}));

describe('kube-proxy iptables reference table', () => {
  it('names chains as kube-proxy does (proxier_test.go: ns1/svc1:p80 is KUBE-SVC-XPGD46QRK7WJZT7O, endpoint 10.180.0.1:80 KUBE-SEP-SXIVWICOYRO3J4NJ)', () => {
    expect(serviceChainName('ns1/svc1:p80')).toBe('KUBE-SVC-XPGD46QRK7WJZT7O');
    expect(serviceChainName('ns2/svc2:p8080')).toBe('KUBE-SVC-2VJB64SDSIJUP5T6');
    expect(endpointChainName('ns1/svc1:p80', '10.180.0.1:80')).toBe('KUBE-SEP-SXIVWICOYRO3J4NJ');
    expect(endpointChainName('ns1/svc1:p80', '10.0.1.1:80')).toBe('KUBE-SEP-SNQ3ZNILQDEJNDQO');
  });

  it('writes the cascade probabilities 1/(n−k+1) with 10 decimals and none on the last rule (proxier.go computeProbability)', () => {
    const svcChain = table.chains.get(serviceChainName(servicePortName(0))) ?? [];
    expect(svcChain.map((rule) => rule.text.match(/--probability (\S+)/)?.[1])).toEqual([undefined, '0.3333333333', '0.5000000000', undefined]);
    expect(probabilityText(7)).toBe('0.1428571429');
  });

  it('writes KUBE-SERVICES in the node\'s order, the nodeports rule last (docs/calibration.md "kube-proxy data plane")', () => {
    const rules = table.chains.get('KUBE-SERVICES') ?? [];
    expect(rules.slice(0, 4).map((r) => r.text.match(/-d (\S+)\/32/)?.[1])).toEqual([2, 0, 3, 1].map(clusterIpOf));
    expect(rules[4].text).toBe('-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS');
    expect(positionOf(spec, 3)).toBe(2);
  });

  it('holds 5 + S·(2 + 3n) rules, the counts of kube-proxy\'s TestNumberIptablesRules (number_generated_rules_test.go)', () => {
    const cases = [[0, 1, 5], [1, 1, 10], [1, 2, 13], [1, 10, 37], [10, 1, 55], [10, 2, 85], [10, 10, 325]];
    for (const [services, n, expected] of cases) {
      const text = buildNatTable({ services, endpointsPerService: n, serviceOrder: [...Array(services).keys()] });
      expect(countedRules(parseNatTable(text))).toBe(expected);
      expect(countedRules(parseNatTable(text))).toBe(5 + services * (2 + 3 * n));
    }
  });

  it('is well formed: every jump target declared, every chain used, 4 + S·(1 + n) kube-proxy chains (property)', () => {
    fc.assert(fc.property(specs, (s) => {
      const text = buildNatTable(s);
      expect(text.startsWith('*nat\n') && text.endsWith('COMMIT\n')).toBe(true);
      const parsed = parseNatTable(text); // throws on a jump to an undeclared chain
      expect(unusedChains(parsed)).toEqual([]);
      const endpoints = s.endpointsPerService.reduce((a, b) => a + b, 0);
      expect(parsed.chains.size).toBe(4 + 4 + s.services + endpoints);
      expect(countedRules(parsed)).toBe(5 + 2 * s.services + 3 * endpoints);
    }), { seed: 7, numRuns: 200 });
  });

  it('rejects a jump to an undeclared chain and an order that is not a permutation', () => {
    expect(() => parseNatTable('*nat\n:KUBE-SERVICES - [0:0]\n-A KUBE-SERVICES -j KUBE-SVC-X\nCOMMIT\n'))
      .toThrow('Expected `-j KUBE-SVC-X` to name a declared chain or a known target');
    expect(() => buildNatTable({ services: 3, endpointsPerService: 2, serviceOrder: [0, 0, 1] }))
      .toThrow('Expected `serviceOrder` to be a permutation of 0..2, got `[0,0,1]`');
    expect(() => buildNatTable({ services: 2, endpointsPerService: 0, serviceOrder: [0, 1] }))
      .toThrow('Expected `endpointsPerService` to be an integer >= 1 or 2 of them, got `0`');
  });
});

describe('first-packet walk of the reference table', () => {
  it('evaluates p + J + 7 rules on the client node for the Service at position p and endpoint rank J (docs/calibration.md; proxier_test.go rule structure)', () => {
    for (let p = 0; p < spec.services; p++) {
      const service = spec.serviceOrder[p];
      for (let rank = 1; rank <= 3; rank++) {
        const walk = clientNodeWalk(table, service, uniformChoosingRank(rank));
        expect(walk.rulesEvaluated, walk.trace.join(' ')).toBe(p + rank + 7);
        expect(walk).toMatchObject({ dnatTo: endpointIpOf(spec, service, rank), endpointRank: rank, marked: false, masqueraded: false });
        expect(walk.rulesEvaluatedByHook).toEqual({ PREROUTING: p + rank + 5, POSTROUTING: 2 });
      }
    }
  });

  it('evaluates p + J + 7 rules for any order, endpoint counts and rank (property)', () => {
    fc.assert(fc.property(specs, fc.nat(), fc.nat(), (s, positionSeed, rankSeed) => {
      const t = parseNatTable(buildNatTable(s));
      const p = positionSeed % s.services;
      const service = s.serviceOrder[p];
      const rank = 1 + (rankSeed % s.endpointsPerService[service]);
      const walk = clientNodeWalk(t, service, uniformChoosingRank(rank));
      expect(walk.rulesEvaluated).toBe(p + rank + 7);
      expect(walk.endpointRank).toBe(rank);
      expect(walk.dnatTo).toBe(endpointIpOf(s, service, rank));
    }), { seed: 11, numRuns: 300 });
  });

  it('draws one number per statistic rule tested: min(J, n − 1)', () => {
    for (let rank = 1; rank <= 3; rank++) {
      const source = counting(uniformChoosingRank(rank));
      clientNodeWalk(table, 1, source.next);
      expect(source.draws()).toBe(Math.min(rank, 2));
    }
  });

  it('walks all S KUBE-SERVICES rules and the nodeports rule on the endpoint\'s node: S + 4 (docs/calibration.md "kube-proxy data plane")', () => {
    const first = clientNodeWalk(table, 3, uniformChoosingRank(2));
    const otherNode = parseNatTable(buildNatTable({ ...spec, serviceOrder: [1, 3, 0, 2] }));
    const walk = serverNodeWalk(otherNode, first.dnatTo ?? '');
    expect(walk).toMatchObject({ rulesEvaluated: spec.services + 4, dnatTo: undefined, endpointRank: undefined, marked: false });
    expect(walk.rulesEvaluatedByHook).toEqual({ PREROUTING: spec.services + 2, POSTROUTING: 2 });
  });

  it('walks S + 4 rules for a packet to a non-Service address, a ClusterIP on another port, or the node itself', () => {
    const walk = (destinationIp: string, destinationPort: number) => walkFirstPacket(table,
      { sourceIp: '10.244.255.250', destinationIp, destinationPort, protocol: 'tcp' },
      ['PREROUTING', 'POSTROUTING'], uniformSource(1), DEFAULT_NODE_IP);
    expect(walk('8.8.8.8', 443).rulesEvaluated).toBe(spec.services + 4);
    expect(walk(clusterIpOf(0), 443).rulesEvaluated).toBe(spec.services + 4);
    // addrtype LOCAL matches and jumps to the empty KUBE-NODEPORTS, which returns: no extra rule.
    expect(walk(DEFAULT_NODE_IP, 10250).rulesEvaluated).toBe(spec.services + 4);
  });

  it('masquerades a pod reaching itself through its Service (hairpin): the SEP source rule marks it, 3 more rules', () => {
    const position = positionOf(spec, 0);
    const self = endpointIpOf(spec, 0, 2);
    const walk = clientNodeWalk(table, 0, uniformChoosingRank(2), { clientIp: self });
    expect(walk).toMatchObject({ rulesEvaluated: position + 2 + 7 + 3, dnatTo: self, marked: true, masqueraded: true });
  });

  it('masquerades a host-network client outside the pod CIDR: the KUBE-SVC masquerade rule matches, 3 more rules', () => {
    const position = positionOf(spec, 1);
    const walk = clientNodeWalk(table, 1, uniformChoosingRank(3), { clientIp: DEFAULT_NODE_IP });
    expect(walk).toMatchObject({ rulesEvaluated: position + 3 + 7 + 3, endpointRank: 3, marked: true, masqueraded: true });
  });

  it('chooses each of n = 5 endpoints with probability 1/5 (chi-square over 20,000 walks at 0.1%, df 4: 18.467, NIST table 1.3.6.7.4)', () => {
    const five: NatTableSpec = { services: 3, endpointsPerService: 5, serviceOrder: [1, 2, 0] };
    const t = parseNatTable(buildNatTable(five));
    const uniform = uniformSource(2024);
    const counts = new Array<number>(5).fill(0);
    const walks = 20_000;
    for (let i = 0; i < walks; i++) counts[(clientNodeWalk(t, 2, uniform).endpointRank ?? 0) - 1]++;
    const expected = walks / 5;
    const chiSquare = counts.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(18.467);
  });

  it('rejects a uniform source outside [0, 1)', () => {
    expect(() => clientNodeWalk(table, 0, () => 1)).toThrow('Expected `uniform()` to return a number in [0, 1), got `1`');
  });
});
