import { describe, expect, it } from 'vitest';
import { newConnection } from '../workload/connection.js';
import { EbpfMode, programmedServices } from './ebpf-mode.js';

describe('EbpfMode', () => {
  it('fills the LB map in creation order, 1 + endpoints entries per Service', () => {
    // 65,536 entries / (1 + 10) = 5,957 Services fit.
    expect(programmedServices(10_000, 10, 65_536)).toBe(5_957);
    expect(programmedServices(100, 10, 65_536)).toBe(100);
  });

  it('fails exactly the Services that did not fit, and says so', () => {
    const ebpf = new EbpfMode({ services: 10, endpointsPerService: 3, lbMapMax: 26, lookupCost: 200, endpointChoice: { sample: () => 1 } });
    // 26 / 4 = 6 Services programmed: 0..5.
    const ranks = Array.from({ length: 10 }, (_, service) => ebpf.chooseEndpoint(newConnection(service, 0, service, 0)));
    expect(ranks).toEqual([1, 1, 1, 1, 1, 1, -1, -1, -1, -1]);
    expect(ebpf.warnings()[0]).toContain('4 of 10 Services did not fit in the eBPF LB map');
  });

  it('takes no conntrack entry and costs the same at any Service count', () => {
    const small = new EbpfMode({ services: 10, endpointsPerService: 3, lbMapMax: 65_536, lookupCost: 200, endpointChoice: { sample: () => 0 } });
    expect(small.usesConntrack).toBe(false);
    const cost = { rules: 0, clientNodeNs: 0, serverNodeNs: 0 };
    small.lookupCost(newConnection(0, 0, 3, 0), true, cost);
    expect(cost).toEqual({ rules: 2, clientNodeNs: 200, serverNodeNs: 0 });
  });
});
