import { mix32 } from '../../src/random/index.js';
import type { FailureReason } from '../core/failure-reason.js';
import type { DnsResponse, Lookup } from './dns-records.js';
import type { TriedName } from './lookup-plan.js';

/** The response the authority gives: the plan's outcome for A; a Service's AAAA is NODATA (single-stack IPv4). */
export function truthOf(name: TriedName, qtype: 0 | 1, isService: boolean): DnsResponse {
  if (name.outcome === 'nxdomain') return 'nxdomain';
  return qtype === 1 && isService ? 'nodata' : 'answer';
}

/** Which negative response decides the failure: a server failure over a refusal over a denial. */
export function worse(current: DnsResponse | undefined, response: DnsResponse): DnsResponse {
  const rank = { answer: 0, nodata: 1, nxdomain: 2, refused: 3, servfail: 4 } as const;
  return current === undefined || rank[response] > rank[current] ? response : current;
}

export function reasonOf(negative: DnsResponse): FailureReason {
  if (negative === 'servfail') return 'dns_servfail';
  if (negative === 'refused') return 'dns_refused';
  return 'dns_nxdomain';
}

/**
 * A hash naming one tried name, for cache keys. The name that answers for a Service is its
 * FQDN however it was written (`svc` + the namespace domain, `svc.ns` + `svc.cluster.local`,
 * `svc.ns.svc.cluster.local` as is), so all forms share its entry; an external host as written
 * likewise. Any other tried name is the target as written plus the suffix (with the client's
 * namespace where that is the suffix).
 */
export function nameKeyOf(lookup: Lookup, name: TriedName, services: number): number {
  if (name.outcome === 'answer') return mix32(lookup.target * 8 + (lookup.target < services ? 6 : 7));
  const suffix = name.suffix;
  const suffixCode = suffix.kind === 'namespace' ? 1 + 8 * lookup.clientNamespace : suffix.kind === 'host' ? 3 + 8 * suffix.index : SUFFIX_CODES[suffix.kind];
  return mix32(mix32(lookup.target * 8 + lookup.form) ^ mix32(suffixCode));
}

const SUFFIX_CODES = { namespace: 1, svc: 2, cluster: 4, host: 3, asWritten: 5 } as const;
