import { describe, expect, it } from 'vitest';
import { parameterTable, type ConfigOf } from './parameter-table.js';
import { scenarioValues } from './scenario-values.js';

const TABLE = parameterTable({
  proxy: {
    mode: { kind: 'choice', unit: 'mode', default: 'iptables', choices: ['iptables', 'nftables'], doc: 'Mode.', source: 'assumption' },
    iptables: {
      ruleCost: { kind: 'duration', unit: 'duration', default: '6ns', min: 0, doc: 'Cost.', source: 'assumption' },
    },
  },
  workload: { clientPods: { kind: 'integer', unit: 'pods', default: 3, min: 1, doc: 'Clients.', source: 'assumption' } },
});

describe('parameterTable', () => {
  it('lists the tree\'s entries with dotted paths, in declaration order', () => {
    expect(TABLE.specs.map((spec) => spec.path)).toEqual(['proxy.mode', 'proxy.iptables.ruleCost', 'workload.clientPods']);
  });

  it('reads a run\'s values into a config of the same shape, typed by the table', () => {
    const config: ConfigOf<typeof TABLE.tree> = TABLE.read(scenarioValues(TABLE.specs, { 'proxy.mode': 'nftables' }));
    expect(config).toEqual({ proxy: { mode: 'nftables', iptables: { ruleCost: 6 } }, workload: { clientPods: 3 } });
    // A choice reads as its union of literals, so a switch over it is checked exhaustively.
    const mode: 'iptables' | 'nftables' = config.proxy.mode;
    expect(mode).toBe('nftables');
  });

  it('fails loudly when a value is missing (the experiment layer always fills in defaults)', () => {
    expect(() => TABLE.read(new Map())).toThrow('Scenario value `proxy.mode` is missing');
  });
});
