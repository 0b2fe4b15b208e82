/**
 * Lines kube-proxy's iptables mode feeds `iptables-restore` in one sync (docs/calibration.md,
 * "iptables restore input"). For ClusterIP Services with one TCP port, Service i with nᵢ
 * endpoints owns 1 + nᵢ chains (KUBE-SVC, KUBE-SEP each) and 2 + 3nᵢ rules (its KUBE-SERVICES
 * rule, the masquerade rule and nᵢ jumps in KUBE-SVC, 2 rules per KUBE-SEP); a chain is one
 * `:NAME - [0:0]` line and a rule one `-A` line.
 *
 * - A full sync writes every chain and rule: NAT_FIXED_LINES + 3·S + 4·E (E = Σ nᵢ).
 * - A partial sync (KEP-3453, MinimizeIPTablesRestore, default since 1.28) writes the fixed
 *   chains, every KUBE-SERVICES rule (S lines: the chain is rewritten whole) and only the chains
 *   of Services whose Service or endpoints changed since the last sync (2 + 4nᵢ lines each),
 *   plus one `-X` line per chain deleted.
 * The filter table adds FILTER_FIXED_LINES either way (`*filter`, its 6 chains as kube-proxy's
 * sync log counts them, its fixed rules, COMMIT); REJECT rules for Services without endpoints
 * are left out: every modelled Service keeps at least one endpoint.
 */

/** `*nat`, 4 fixed chains (KUBE-MARK-MASQ, -NODEPORTS, -POSTROUTING, -SERVICES), their 5 rules, `COMMIT`. */
export const NAT_FIXED_LINES = 1 + 4 + 5 + 1;
/** `*filter`, 6 chains, 4 fixed rules (KUBE-FORWARD's), `COMMIT`: small, and the same in every sync. */
export const FILTER_FIXED_LINES = 1 + 6 + 4 + 1;

/** A full restore: every Service's rules and chains. */
export function fullRestoreLines(services: number, endpoints: number): number {
  return FILTER_FIXED_LINES + NAT_FIXED_LINES + 3 * services + 4 * endpoints;
}

export interface PartialRestore {
  /** Services in KUBE-SERVICES (every one gets its rule written). */
  readonly services: number;
  /** Services whose Service or EndpointSlices changed since the last sync. */
  readonly changedServices: number;
  /** Endpoints those changed Services have now. */
  readonly changedServiceEndpoints: number;
  /** Chains that no longer exist (a removed endpoint's KUBE-SEP, a deleted Service's chains). */
  readonly deletedChains: number;
}

/** A partial restore: KUBE-SERVICES whole, changed Services' chains, deletions. */
export function partialRestoreLines(sync: PartialRestore): number {
  return (
    FILTER_FIXED_LINES +
    NAT_FIXED_LINES +
    sync.services +
    2 * sync.changedServices +
    4 * sync.changedServiceEndpoints +
    sync.deletedChains
  );
}

/** Rules in the nat table afterwards (what legacy iptables copies whole on every commit). */
export function natTableRules(services: number, endpoints: number): number {
  return 5 + 2 * services + 3 * endpoints;
}
