import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_NAT_CHAINS, buildNatTable, countedRules, parseNatTable, serviceChainName, servicePortName,
  type NatTableSpec,
} from '../proxy/testing/iptables-reference.js';
import { FILTER_FIXED_LINES, fullRestoreLines, natTableRules, partialRestoreLines } from './iptables-restore-lines.js';

/**
 * The restore input kube-proxy would write, cut from the reference nat table (the test oracle
 * of the proxy model, built rule by rule as proxier.go writes them): the kernel's own chains
 * and their jumps are not part of it (kube-proxy ensures those separately).
 */
function restoreInput(spec: NatTableSpec): string[] {
  const builtIn = (line: string) => BUILT_IN_NAT_CHAINS.some((c) => line.startsWith(`:${c} `) || line.startsWith(`-A ${c} `));
  return buildNatTable(spec).split('\n').filter((line) => line !== '' && !builtIn(line));
}

/** The chains a Service owns in the reference table: its KUBE-SVC and the KUBE-SEPs it jumps to. */
function chainsOf(spec: NatTableSpec, service: number): Set<string> {
  const svc = serviceChainName(servicePortName(service));
  const owned = new Set([svc]);
  for (const line of restoreInput(spec)) {
    const jump = line.startsWith(`-A ${svc} `) ? line.match(/-j (KUBE-SEP-\S+)/) : null;
    if (jump) owned.add(jump[1]);
  }
  return owned;
}

/** A partial restore cut from the full one: drop the chain lines and rules of unchanged Services. */
function partialInput(spec: NatTableSpec, changed: readonly number[]): string[] {
  const skipped = new Set<string>();
  for (let i = 0; i < spec.services; i++) if (!changed.includes(i)) for (const c of chainsOf(spec, i)) skipped.add(c);
  return restoreInput(spec).filter((line) => {
    const chain = line.match(/^(?::|-A )(\S+)/)?.[1];
    return chain === undefined || !skipped.has(chain);
  });
}

describe('iptables restore lines (docs/calibration.md, iptables restore input)', () => {
  const spec: NatTableSpec = { services: 7, endpointsPerService: [1, 3, 2, 10, 1, 4, 6], serviceOrder: [3, 0, 6, 1, 5, 2, 4] };
  const endpoints = 27;

  it('a full sync writes every chain and rule of the reference nat table, plus the filter table', () => {
    const lines = restoreInput(spec);
    expect(lines.length + FILTER_FIXED_LINES).toBe(fullRestoreLines(7, endpoints));
    expect(natTableRules(7, endpoints)).toBe(countedRules(parseNatTable(buildNatTable(spec))));
  });

  it('a partial sync writes KUBE-SERVICES whole and only the changed Services\' chains', () => {
    for (const changed of [[], [3], [0, 4], [1, 2, 5, 6]]) {
      const lines = partialInput(spec, changed);
      const counts = spec.endpointsPerService as number[];
      const changedEndpoints = changed.reduce((sum, i) => sum + counts[i], 0);
      expect(lines.filter((l) => l.startsWith('-A KUBE-SERVICES ')).length).toBe(7 + 1); // every Service + nodeports
      expect(lines.length + FILTER_FIXED_LINES).toBe(
        partialRestoreLines({ services: 7, changedServices: changed.length, changedServiceEndpoints: changedEndpoints, deletedChains: 0 }),
      );
    }
  });

  it('a partial sync of everything costs the same as a full one; deletions add a line a chain', () => {
    const all = partialRestoreLines({ services: 7, changedServices: 7, changedServiceEndpoints: endpoints, deletedChains: 0 });
    expect(all).toBe(fullRestoreLines(7, endpoints));
    expect(partialRestoreLines({ services: 7, changedServices: 1, changedServiceEndpoints: 3, deletedChains: 2 }))
      .toBe(partialRestoreLines({ services: 7, changedServices: 1, changedServiceEndpoints: 3, deletedChains: 0 }) + 2);
  });

  it('at 10k Services x 10 endpoints a one-Service partial sync writes 2.3 % of the lines of a full one', () => {
    const full = fullRestoreLines(10_000, 100_000);
    const partial = partialRestoreLines({ services: 10_000, changedServices: 1, changedServiceEndpoints: 10, deletedChains: 1 });
    expect(full).toBe(430_023);
    expect(partial).toBe(10_066);
  });
});
