/**
 * The client resolver's search rules as a precomputed plan: for each way an application writes a
 * name, which names the resolver tries, in order, who answers each and how many queries that
 * takes (docs/calibration.md, DNS, Client resolver). Plans depend only on the resolver's rules,
 * so a run builds one per name form at its start (`lookupPlans`) and the hot path only reads them.
 *
 * The resolv.conf kubelet writes for dnsPolicy ClusterFirst has the search list
 * `<ns>.svc.cluster.local svc.cluster.local cluster.local` followed by the node's h search
 * domains, and `options ndots:5`.
 *
 * glibc, resolv/res_query.c `__res_context_search` (bminor/glibc):
 *
 *     dots = 0;
 *     for (cp = name; *cp != '\0'; cp++)
 *         dots += (*cp == '.');
 *     ...
 *     if (dots >= statp->ndots || trailing_dot) {
 *         ret = __res_context_querydomain (ctx, name, NULL, ...);
 *         if (ret > 0 || trailing_dot ...)
 *             return (ret);
 *         saved_herrno = h_errno;
 *         tried_as_is++;
 *     ...
 *     if ((!dots && (statp->options & RES_DEFNAMES) != 0) ||
 *         (dots && !trailing_dot && (statp->options & RES_DNSRCH) != 0)) {
 *         for (size_t domain_index = 0; !done; ++domain_index) {
 *             ... ret = __res_context_querydomain (ctx, name, dname, ...);
 *             if (ret > 0 || (ret == 0 && resplen2 != NULL && *resplen2 > 0))
 *                 return (ret);
 *             ... switch (statp->res_h_errno) {
 *             case NO_DATA: got_nodata++;            (falls through)
 *             case HOST_NOT_FOUND: break;            ("keep trying")
 *             case TRY_AGAIN: if (hp->rcode == SERVFAIL) { got_servfail++; break; } ...
 *             default: done++;
 *     ...
 *     if ((dots || !searched || (statp->options & RES_NOTLDQUERY) == 0)
 *         && !(tried_as_is || root_on_list)) {
 *         ret = __res_context_querydomain (ctx, name, NULL, ...);
 *
 * and `__res_context_query` in the same file counts a name as answered when either of the two
 * responses has records: `case NOERROR: if (ntohs (hp->ancount) != 0 || ntohs (hp2->ancount)
 * != 0) goto success;`. getaddrinfo reaches it through nss_dns `_nss_dns_gethostbyname4_r`:
 * `if ((ctx->resp->options & RES_NOAAAA) == 0) n = __res_context_search (ctx, name, C_IN,
 * T_QUERY_A_AND_AAAA, ...)`, otherwise `T_A` alone (`queryAAAA: false`).
 *
 * musl, src/network/lookup_name.c `name_from_dns_search` (a current 1.2.x tree, mirror
 * msilva88-dev/musl at 3731baae; bminor/musl at 1563587b has the same search code), which says it
 * "suppress[es] search when >=ndots or name ends in a dot, which is an explicit request for
 * global scope":
 *
 *     for (dots=l=0; name[l]; l++) if (name[l]=='.') dots++;
 *     if (dots >= conf.ndots || name[l-1]=='.') *search = 0;
 *     ...
 *     for (p=search; *p; p=z) {
 *         ... int cnt = name_from_dns(buf, canon, canon, family, &conf);
 *         if (cnt) return cnt;
 *     }
 *     canon[l] = 0;
 *     return name_from_dns(buf, canon, name, family, &conf);
 *
 * and `name_from_dns` returns 0 (search on) only for NXDOMAIN: `if (alens[i] < 4 ||
 * (abuf[i][3] & 15) == 2) return EAI_AGAIN; if ((abuf[i][3] & 15) == 3) return 0;` ...
 * `if (ctx.cnt) return ctx.cnt; return EAI_NODATA;` (the older bminor/musl copy reads only the
 * first response, to the same effect: `if ((abuf[0][3] & 15) == 0) return EAI_NONAME; if
 * ((abuf[0][3] & 15) == 3) return 0;`). A only when the family is AF_INET
 * (`if (family != afrr[i].af)`).
 */

/** How the application writes the name it looks up. */
export type NameForm = 'short' | 'namespaced' | 'fqdn' | 'fqdnDot' | 'external';

export const NAME_FORMS: readonly NameForm[] = Object.freeze(['short', 'namespaced', 'fqdn', 'fqdnDot', 'external']);

export type ResolverKind = 'glibc' | 'musl';

/** What the client's libc and its resolv.conf decide about a lookup. */
export interface ResolverRules {
  readonly resolver: ResolverKind;
  /** `options ndots:N`: a name with at least this many dots is tried as written first (glibc) or only (musl). */
  readonly ndots: number;
  /** The node's own search domains appended after the three cluster ones (0 kubeadm, 1 EKS, 2 GKE). */
  readonly hostSearchDomains: number;
  /** true: an A and an AAAA query per name tried; false: A only (glibc `no-aaaa`, or AF_INET). */
  readonly queryAAAA: boolean;
}

/** glibc and musl both clamp `ndots:` to 15 (glibc RES_MAXNDOTS; musl `x > 15 ? 15 : x`). */
export const MAX_NDOTS = 15;
export const MAX_HOST_SEARCH_DOMAINS = 6;

/** Which suffix a tried name has: the client's namespace search domain, `svc.cluster.local`, `cluster.local`, host domain i, or none (as written). */
export type NameSuffix =
  | { readonly kind: 'namespace' }
  | { readonly kind: 'svc' }
  | { readonly kind: 'cluster' }
  | { readonly kind: 'host'; readonly index: number }
  | { readonly kind: 'asWritten' };

export interface TriedName {
  readonly suffix: NameSuffix;
  /** Who answers it: CoreDNS's kubernetes plugin (cluster.local zone) or upstream (forwarded). */
  readonly zone: 'cluster' | 'upstream';
  /** The authoritative outcome of its A query: an answer, or NXDOMAIN. */
  readonly outcome: 'answer' | 'nxdomain';
}

export interface LookupPlan {
  /** The names tried, in order; the last one answers when `answered`. */
  readonly names: readonly TriedName[];
  readonly queriesPerName: 1 | 2;
  /** false when the rules never reach an answering name (musl with dots >= ndots on a name that needs the search list). */
  readonly answered: boolean;
  /** names.length × queriesPerName. */
  readonly queries: number;
}

export type LookupPlans = Readonly<Record<NameForm, LookupPlan>>;

/** A negative response to a tried name. */
export type NegativeResponse = 'nxdomain' | 'nodata' | 'servfail';

/**
 * Whether the resolver moves on to the next name after a negative response. glibc keeps
 * searching after NO_DATA, HOST_NOT_FOUND and SERVFAIL ("On a NO_DATA error, keep trying,
 * otherwise a wildcard entry of another type could keep us from finding this entry"); musl's
 * `if (cnt) return cnt` ends the search on anything but NXDOMAIN (EAI_NODATA, EAI_AGAIN).
 */
export function searchGoesOnAfter(resolver: ResolverKind, response: NegativeResponse): boolean {
  return resolver === 'glibc' || response === 'nxdomain';
}

/** Dots in the name as written, the trailing one included, as both libcs count them. */
const DOTS: Readonly<Record<NameForm, number>> = { short: 0, namespaced: 1, fqdn: 4, fqdnDot: 5, external: 2 };

/**
 * The one suffix that completes each form to a name that exists: `svc` + `<own ns>.svc.cluster.local`,
 * `svc.ns` + `svc.cluster.local`; the FQDNs and the external name as written.
 */
const ANSWERING_SUFFIX: Readonly<Record<NameForm, NameSuffix['kind']>> = {
  short: 'namespace',
  namespaced: 'svc',
  fqdn: 'asWritten',
  fqdnDot: 'asWritten',
  external: 'asWritten',
};

const NAMESPACE: NameSuffix = Object.freeze({ kind: 'namespace' });
const SVC: NameSuffix = Object.freeze({ kind: 'svc' });
const CLUSTER: NameSuffix = Object.freeze({ kind: 'cluster' });
const AS_WRITTEN: NameSuffix = Object.freeze({ kind: 'asWritten' });

/** Every plan for these rules, one per name form: build once per run. */
export function lookupPlans(rules: ResolverRules): LookupPlans {
  const plans = {} as Record<NameForm, LookupPlan>;
  for (const form of NAME_FORMS) plans[form] = lookupPlan(form, rules);
  return Object.freeze(plans);
}

/** The names tried for one lookup of `form`, their zones and outcomes, and the query count. */
export function lookupPlan(form: NameForm, rules: ResolverRules): LookupPlan {
  validateRules(rules);
  const names: TriedName[] = [];
  let answered = false;
  for (const suffix of candidateSuffixes(form, rules)) {
    const tried = triedName(form, suffix);
    names.push(tried);
    if (tried.outcome === 'answer') {
      answered = true;
      break;
    }
    if (!searchGoesOnAfter(rules.resolver, 'nxdomain')) break;
  }
  const queriesPerName = rules.queryAAAA ? 2 : 1;
  return Object.freeze({ names: Object.freeze(names), queriesPerName, answered, queries: names.length * queriesPerName });
}

/**
 * The order in which the resolver would try names if none answered. A trailing dot: as written
 * only (both). glibc: as written first when dots >= ndots, then the search list; otherwise the
 * search list, then as written. musl: as written only when dots >= ndots, else search list then
 * as written.
 */
function candidateSuffixes(form: NameForm, rules: ResolverRules): readonly NameSuffix[] {
  if (form === 'fqdnDot') return [AS_WRITTEN];
  const search = searchList(rules.hostSearchDomains);
  const enoughDots = DOTS[form] >= rules.ndots;
  if (!enoughDots) return [...search, AS_WRITTEN];
  return rules.resolver === 'glibc' ? [AS_WRITTEN, ...search] : [AS_WRITTEN];
}

/** kubelet's ClusterFirst search list: the three cluster domains, then the node's h domains. */
function searchList(hostSearchDomains: number): NameSuffix[] {
  const list: NameSuffix[] = [NAMESPACE, SVC, CLUSTER];
  for (let index = 0; index < hostSearchDomains; index++) list.push(Object.freeze({ kind: 'host', index }));
  return list;
}

/**
 * Who answers a tried name and how. Names under cluster.local go to CoreDNS's kubernetes plugin,
 * which is authoritative: the one that names the Service answers, every other one is NXDOMAIN.
 * The rest is forwarded upstream: the external name as written answers; names under a host
 * search domain, and `svc` or `svc.ns` as written (no such TLD), are NXDOMAIN there.
 */
function triedName(form: NameForm, suffix: NameSuffix): TriedName {
  const outcome = suffix.kind === ANSWERING_SUFFIX[form] ? 'answer' : 'nxdomain';
  return Object.freeze({ suffix, zone: zoneOf(form, suffix), outcome });
}

function zoneOf(form: NameForm, suffix: NameSuffix): TriedName['zone'] {
  switch (suffix.kind) {
    case 'namespace':
    case 'svc':
    case 'cluster':
      return 'cluster';
    case 'host':
      return 'upstream';
    case 'asWritten':
      return form === 'fqdn' || form === 'fqdnDot' ? 'cluster' : 'upstream';
  }
}

function validateRules(rules: ResolverRules): void {
  requireIntegerIn('ndots', rules.ndots, 0, MAX_NDOTS);
  requireIntegerIn('hostSearchDomains', rules.hostSearchDomains, 0, MAX_HOST_SEARCH_DOMAINS);
}

function requireIntegerIn(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`Expected \`${field}\` to be an integer from ${min} to ${max}, got \`${value}\``);
  }
}
