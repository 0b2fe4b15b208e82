import type { Nanoseconds } from '../../src/engine/time.js';

export type ProxyModeName = 'iptables' | 'ipvs' | 'nftables' | 'ebpf';

/** The `proxy.*` parameters, typed. */
export interface ProxyConfig {
  readonly mode: ProxyModeName;
  readonly iptables: {
    readonly ruleCost: Nanoseconds;
    readonly serviceOrder: 'random' | 'creation';
    readonly nonServiceConnectionShare: number;
  };
  readonly ipvs: {
    readonly scheduler: 'rr' | 'lc' | 'sh';
    readonly connectionCost: Nanoseconds;
    readonly entryCost: Nanoseconds;
  };
  readonly nftables: { readonly lookupCost: Nanoseconds };
  readonly ebpf: { readonly lookupCost: Nanoseconds; readonly lbMapMax: number };
  readonly conntrack: { readonly maxPerCore: number; readonly min: number; readonly timeWaitTimeout: Nanoseconds };
}
