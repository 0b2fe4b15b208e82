import { endpointDrawsFrom } from './endpoint-draws.js';
import { describe, expect, it } from 'vitest';
import { ScriptedStream } from '../../src/random/testing/scripted-stream.js';
import { testConnection } from '../core/testing/test-records.js';
import { EbpfMode, programmedServices } from './ebpf-mode.js';

const THREE_ENDPOINTS = 3;

describe('EbpfMode', () => {
  it('fills the LB map in creation order, 1 + endpoints entries per Service', () => {
    // 65,536 entries / (1 + 10) = 5,957 Services fit.
    expect(programmedServices(10_000, () => 11, 65_536)).toBe(5_957);
    expect(programmedServices(100, () => 11, 65_536)).toBe(100);
  });

  it('fails exactly the Services that did not fit, and says so', () => {
    const ebpf = new EbpfMode({ services: 10, entriesOf: () => 4, lbMapMax: 26, lookupCost: 200, endpoints: endpointDrawsFrom(new ScriptedStream([0.5])) });
    // 26 / 4 = 6 Services programmed: 0..5.
    const choices = Array.from({ length: 10 }, (_, service) => ebpf.chooseEndpoint(testConnection({ service }), THREE_ENDPOINTS));
    expect(choices).toEqual([1, 1, 1, 1, 1, 1, undefined, undefined, undefined, undefined]);
    expect(ebpf.unprogrammedReason).toBe('not_in_ebpf_map');
    expect(ebpf.warnings()[0]).toContain('4 of 10 Services did not fit in the eBPF LB map');
  });

  it('takes no conntrack entry and costs the same at any Service count', () => {
    const small = new EbpfMode({ services: 10, entriesOf: () => 4, lbMapMax: 65_536, lookupCost: 200, endpoints: endpointDrawsFrom(new ScriptedStream([0])) });
    expect(small.usesConntrack).toBe(false);
    const cost = { rules: 0, clientNodeNs: 0, serverNodeNs: 0 };
    small.lookupCost(testConnection({ service: 3 }), true, cost);
    expect(cost).toEqual({ rules: 2, clientNodeNs: 200, serverNodeNs: 0 });
  });
});
