import type { Nanoseconds } from '../../src/engine/index.js';
import type { Connection } from '../core/connection.js';
import type { LookupPlan } from './lookup-plan.js';

/** What a DNS server said to one query (NODATA: the name exists, without a record of that type). */
export type DnsResponse = 'answer' | 'nodata' | 'nxdomain' | 'servfail' | 'refused';

/**
 * One getaddrinfo() call by a client pod, for a connection being dialled: the names its
 * resolver tries (its plan), which one it is on, and how many of that name's queries are still
 * unanswered. `epoch` changes whenever the lookup moves on (next name, settled), so a late
 * response or timer of an earlier name is recognised and ignored. Records are reused.
 */
export interface Lookup {
  epoch: number;
  connection: Connection | undefined;
  client: number;
  clientNode: number;
  clientNamespace: number;
  /** The target called: a Service, or Services + an external name. */
  target: number;
  /** The name form's index (how the application wrote the name). */
  form: number;
  plan: LookupPlan;
  nameIndex: number;
  /** Hash identifying the current name (target, form, suffix), for cache keys. */
  nameKey: number;
  /** Queries of the current name not answered yet. */
  pending: number;
  /** The worst negative response to the current name (it decides the search's next step and a failure's reason). */
  negative: DnsResponse | undefined;
  /** Some query of the current name got an answer (glibc and musl stop at the first such name). */
  answered: boolean;
  /** The current name's flow through the kube-dns ClusterIP (shared by its A and AAAA unless single-request-reopen). */
  flow: Connection | undefined;
  /** The flow is new: its first packet paid the data plane's lookup. */
  flowFresh: boolean;
  startedAt: Nanoseconds;
  measured: boolean;
  queriesSent: number;
}

/** Where a query is on its way. */
export type QueryStage = 'toServer' | 'toReplica' | 'atReplica' | 'upstream' | 'fromReplica' | 'toClient';

/** One UDP query (A or AAAA) of a lookup, and its answer's way back; reused after it settles. */
export interface DnsQuery {
  lookup: Lookup;
  /** The lookup's epoch when the query was sent: a mismatch means the lookup has moved on. */
  epoch: number;
  /** 0 for A, 1 for AAAA. */
  qtype: 0 | 1;
  attempt: number;
  sentAt: Nanoseconds;
  stage: QueryStage;
  /** Through NodeLocal DNSCache on the client's node, or through the kube-dns ClusterIP to a replica. */
  viaNodeLocal: boolean;
  /** The CoreDNS replica serving it (or serving NodeLocal's forward), -1 when none does. */
  replica: number;
  /** One-way delay between the client and the server it talks to (half the flow's round trip). */
  oneWay: Nanoseconds;
  /** The answer on its way back. */
  response: DnsResponse;
  /** Cache key: the name's key and the query type. */
  key: number;
  /** The name's zone: the kubernetes plugin answers `cluster`, `upstream` names are forwarded. */
  upstream: boolean;
  /** The true response to this query (the plan's outcome for A; NODATA for a Service's AAAA), before caches and failures. */
  truth: DnsResponse;
  /** It holds one of its replica's max_concurrent upstream slots. */
  forwarding: boolean;
  /** Measured for CoreDNS's figures (it arrived inside the window). */
  counted: boolean;
}

/** The negative response a cached denial stands for: NODATA where the name exists, else NXDOMAIN. */
export function negativeOf(query: DnsQuery): DnsResponse {
  return query.truth === 'nodata' ? 'nodata' : 'nxdomain';
}

/** A lookup record before first use (RequestFlow-style reuse: DnsResolver resets every field it reads). */
export function blankLookup(): Lookup {
  return {
    epoch: 0,
    connection: undefined,
    client: -1,
    clientNode: -1,
    clientNamespace: 0,
    target: -1,
    form: 0,
    plan: { names: [], queriesPerName: 2, answered: false, queries: 0 },
    nameIndex: 0,
    nameKey: 0,
    pending: 0,
    negative: undefined,
    answered: false,
    flow: undefined,
    flowFresh: false,
    startedAt: 0,
    measured: false,
    queriesSent: 0,
  };
}

/** A query record before first use. */
export function blankQuery(lookup: Lookup): DnsQuery {
  return {
    lookup,
    epoch: 0,
    qtype: 0,
    attempt: 0,
    sentAt: 0,
    stage: 'toServer',
    viaNodeLocal: false,
    replica: -1,
    oneWay: 0,
    response: 'answer',
    key: 0,
    upstream: false,
    truth: 'answer',
    forwarding: false,
    counted: false,
  };
}
