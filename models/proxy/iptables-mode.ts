import type { Nanoseconds } from '../../src/engine/index.js';
import { mix32, type KeyedPermutation } from '../../src/random/index.js';
import type { EndpointDraws } from './endpoint-draws.js';
import type { Connection } from '../core/connection.js';
import type { LookupCost, ProxyMode } from './proxy-mode.js';

/**
 * Rules a first packet is tested against on the client's node besides KUBE-SERVICES and the
 * endpoint cascade: the PREROUTING jump, the KUBE-SVC chain's masquerade check (a pod source
 * does not match), the KUBE-SEP chain's 2 rules, the POSTROUTING jump and KUBE-POSTROUTING's
 * RETURN. With position p (0-based) and endpoint rank J (1-based): p + 1 + J + 6 rules.
 */
const CLIENT_FIXED_RULES = 6;
/** On a remote endpoint's node: PREROUTING jump, the nodeports rule, POSTROUTING jump, RETURN. */
const SERVER_FIXED_RULES = 4;

export interface IptablesOptions {
  /** Rules in KUBE-SERVICES at the start: one per (Service, port), kube-dns's included. */
  readonly services: number;
  /** The KUBE-SERVICES rule of `service`'s first port, the one calls use (identity when every Service has one port). */
  readonly entryOf: (service: number) => number;
  readonly ruleCost: Nanoseconds;
  /** Per-node KUBE-SERVICES order (tweaked by node and sync), or undefined for creation order. */
  readonly serviceOrder: KeyedPermutation | undefined;
  /** Nodes in the cluster (each has its own order). */
  readonly nodes: number;
  /**
   * Which rewrite of KUBE-SERVICES `node` routes with now (the change it last programmed): every
   * sync writes the chain again from a Go map, so the order changes with each (0: the first).
   */
  readonly ruleGeneration: (node: number) => number;
  /** Rules in `node`'s KUBE-SERVICES as its last sync wrote it: `services`, plus those churn created since. */
  readonly chainLength: (node: number) => number;
  /** Draws the endpoint: the cascade 1/(n−k+1) picks each endpoint with probability 1/n. */
  readonly endpoints: EndpointDraws;
  readonly nonServiceConnectionShare: number;
}

/**
 * kube-proxy iptables mode (docs/calibration.md, kube-proxy data plane): KUBE-SERVICES holds
 * one rule per Service port in an order of its own on every node, so a first packet walks
 * (position + 1) rules to its Service, then the endpoint cascade up to the chosen rank, then
 * the endpoint chain. A DNATed packet reaching the endpoint on another node is new there too
 * and walks the whole chain without a match. Counts are computed from the position (a keyed
 * permutation), never by walking: O(1) per connection at any Service count.
 */
export class IptablesMode implements ProxyMode {
  readonly usesConntrack = true;
  readonly unprogrammedReason = undefined;
  readonly nonServiceCpuPerConnection: number;
  private readonly serverNodeRules: number;

  constructor(private readonly options: IptablesOptions) {
    this.serverNodeRules = options.services + SERVER_FIXED_RULES;
    const share = options.nonServiceConnectionShare;
    // A non-Service connection walks all of KUBE-SERVICES on its node, like a DNATed packet.
    this.nonServiceCpuPerConnection = (share / (1 - share)) * this.serverNodeRules * options.ruleCost;
  }

  /** Position (0-based) of `service` in KUBE-SERVICES on `node`, as its last sync wrote the chain. */
  position(node: number, service: number): number {
    const order = this.options.serviceOrder;
    const entry = this.options.entryOf(service);
    if (order === undefined) return entry;
    // One permutation per (node, generation), tweak node + 1 for the first: O(1), nothing stored.
    const generation = this.options.ruleGeneration(node);
    const position = order.at(entry, generation === 0 ? node + 1 : generationTweak(node, generation));
    // Services churn created are interleaved at random: a uniform position among S stretched to S + created.
    const length = this.options.chainLength(node);
    return length === this.options.services ? position : Math.floor((position * length) / this.options.services);
  }

  /** Rules a DNATed packet walks without a match on a remote endpoint's node. */
  private serverRules(node: number): number {
    return this.options.chainLength(node) + SERVER_FIXED_RULES;
  }

  chooseEndpoint(connection: Connection, endpoints: number): number {
    return this.options.endpoints.index(connection, endpoints);
  }

  lookupCost(connection: Connection, crossNode: boolean, cost: LookupCost): void {
    const clientRules =
      this.position(connection.clientNode, connection.service) + 1 + (connection.endpointIndex + 1) + CLIENT_FIXED_RULES;
    const serverRules = crossNode ? this.serverRules(connection.endpointNode) : 0;
    cost.rules = clientRules + serverRules;
    cost.clientNodeNs = clientRules * this.options.ruleCost;
    cost.serverNodeNs = serverRules * this.options.ruleCost;
  }

  /** No Service matches: the whole chain on the client's node, and again on a remote pod's node. */
  directLookupCost(connection: Connection, crossNode: boolean, cost: LookupCost): void {
    const clientRules = this.serverRules(connection.clientNode);
    const serverRules = crossNode ? this.serverRules(connection.endpointNode) : 0;
    cost.rules = clientRules + serverRules;
    cost.clientNodeNs = clientRules * this.options.ruleCost;
    cost.serverNodeNs = serverRules * this.options.ruleCost;
  }

  releaseSlot(): void {}

  warnings(): string[] {
    return [];
  }
}

/** A 32-bit tweak for (node, generation > 0), mixed so no two nearby pairs share one (never 0, which means none). */
function generationTweak(node: number, generation: number): number {
  return (mix32((node + 1) ^ mix32(generation >>> 0) ^ Math.floor(generation / 2 ** 32)) | 0) || 1;
}
