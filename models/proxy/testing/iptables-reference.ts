/**
 * Test oracle, part 1: the nat table kube-proxy's iptables mode writes on one node, as
 * iptables-save text, for a small cluster of ClusterIP Services (one TCP port each). Tests of
 * the fast iptables model compare its rule counts with walks of this table
 * (iptables-reference-walker.ts). It never imports the model; tests only.
 *
 * Rule text follows kube-proxy (`pkg/proxy/iptables/proxier.go`, expected output in
 * `proxier_test.go`), with iptables-save's layout: `-s`/`-d` (with /32) and `-p` before the
 * `-m` matches; kernel chains first, then kube-proxy's chains sorted by name as
 * iptables-legacy prints them. MARK rules keep kube-proxy's `--or-mark`/`--xor-mark` words
 * (iptables-save would print `--set-xmark 0x4000/0x4000` and `0x4000/0x0`; the parser reads both).
 *
 * Cluster layout (all computed from the spec):
 * - Service i (0-based, creation order) is `default/svc<i>:http`, ClusterIP 10.96.0.0 + 100 + i, port 80.
 * - Its endpoint k (1-based) is a pod at 10.244.0.0 + 10 + (pods of Services before i) + k − 1,
 *   target port 8080. Pod CIDR 10.244.0.0/16; the default client pod 10.244.255.250 is in it
 *   but is no endpoint; the default node IP 192.168.0.10 is outside it.
 * - KUBE-SERVICES lists the Services in `serviceOrder` (kube-proxy iterates a Go map, so each
 *   node has its own order); the Service at position p (0-based) is `serviceOrder[p]`.
 * Table size (rules kube-proxy writes) = 5 + Σ (2 + 3·nᵢ), i.e. 5 + S·(2 + 3n) for equal n
 * [S kube-proxy `number_generated_rules_test.go`, TestNumberIptablesRules].
 */
import { createHash } from 'node:crypto';
import {
  BUILT_IN_NAT_CHAINS, ipToNumber, numberToIp, walkFirstPacket,
  type NatTable, type Packet, type WalkResult,
} from './iptables-reference-walker.js';

export * from './iptables-reference-walker.js';

export interface NatTableSpec {
  /** Number of ClusterIP Services S. */
  readonly services: number;
  /** Endpoints n of every Service, or one count per Service (each >= 1). */
  readonly endpointsPerService: number | readonly number[];
  /** This node's KUBE-SERVICES order: a permutation of 0..S−1, Service numbers by position. */
  readonly serviceOrder: readonly number[];
}

export const POD_CIDR = '10.244.0.0/16';
export const SERVICE_PORT = 80;
export const TARGET_PORT = 8080;
export const DEFAULT_NODE_IP = '192.168.0.10';
export const DEFAULT_CLIENT_POD_IP = '10.244.255.250';
const FIRST_CLUSTER_IP = ipToNumber('10.96.0.0') + 100;
const FIRST_POD_IP = ipToNumber('10.244.0.0') + 10;
/** Pods stop below 10.244.255.0 so the default client pod is never an endpoint. */
const MAX_PODS = 0xff00 - 10;
const MAX_SERVICES = 0xffff - 100;

const NODEPORTS_COMMENT = 'kubernetes service nodeports; NOTE: this must be the last rule in this chain';

/** Endpoint counts, one per Service, after checking the spec. Fails fast with exact messages. */
export function endpointCounts(spec: NatTableSpec): number[] {
  const { services, endpointsPerService, serviceOrder } = spec;
  if (!Number.isInteger(services) || services < 0 || services > MAX_SERVICES) {
    throw new Error(`Expected \`services\` to be an integer in [0, ${MAX_SERVICES}], got \`${services}\``);
  }
  const counts = typeof endpointsPerService === 'number' ? new Array<number>(services).fill(endpointsPerService) : [...endpointsPerService];
  if (counts.length !== services || counts.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error(`Expected \`endpointsPerService\` to be an integer >= 1 or ${services} of them, got \`${JSON.stringify(endpointsPerService)}\``);
  }
  if (counts.reduce((a, b) => a + b, 0) > MAX_PODS) throw new Error(`Expected at most ${MAX_PODS} endpoints in all`);
  const sorted = [...serviceOrder].sort((a, b) => a - b);
  if (sorted.length !== services || sorted.some((s, i) => s !== i)) {
    throw new Error(`Expected \`serviceOrder\` to be a permutation of 0..${services - 1}, got \`${JSON.stringify(serviceOrder)}\``);
  }
  return counts;
}

export function clusterIpOf(service: number): string {
  return numberToIp(FIRST_CLUSTER_IP + service);
}

/** Pod IP of endpoint `rank` (1-based) of `service`. */
export function endpointIpOf(spec: NatTableSpec, service: number, rank: number): string {
  const counts = endpointCounts(spec);
  if (!(Number.isInteger(rank) && rank >= 1 && rank <= counts[service])) {
    throw new Error(`Expected \`rank\` to be an integer in [1, ${counts[service]}], got \`${rank}\``);
  }
  const before = counts.slice(0, service).reduce((a, b) => a + b, 0);
  return numberToIp(FIRST_POD_IP + before + rank - 1);
}

/** 0-based position of `service` in this node's KUBE-SERVICES. */
export function positionOf(spec: NatTableSpec, service: number): number {
  const position = spec.serviceOrder.indexOf(service);
  if (position < 0) throw new Error(`Expected \`service\` to be in \`serviceOrder\`, got \`${service}\``);
  return position;
}

/** kube-proxy's ServicePortName string, "namespace/name:port". */
export function servicePortName(service: number): string {
  return `default/svc${service}:http`;
}

/** kube-proxy's portProtoHash: base32(sha256(text)), first 16 characters. */
function chainHash(text: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of createHash('sha256').update(text).digest()) {
    value = ((value << 8) | byte) & 0xfff;
    bits += 8;
    for (; bits >= 5 && out.length < 16; bits -= 5) out += alphabet[(value >>> (bits - 5)) & 31];
  }
  return out.slice(0, 16);
}

/** `KUBE-SVC-` + hash of port name + "tcp" (proxier.go servicePortChainName). */
export function serviceChainName(portName: string): string {
  return `KUBE-SVC-${chainHash(`${portName}tcp`)}`;
}

/** `KUBE-SEP-` + hash of port name + "tcp" + "ip:port" (proxier.go servicePortEndpointChainName). */
export function endpointChainName(portName: string, endpoint: string): string {
  return `KUBE-SEP-${chainHash(`${portName}tcp${endpoint}`)}`;
}

/** kube-proxy's computeProbability: 1/remaining endpoints, 10 decimals (Go `%0.10f`). */
export function probabilityText(remaining: number): string {
  return (1 / remaining).toFixed(10);
}

interface ServiceRules {
  readonly servicesRule: string;
  readonly chains: ReadonlyMap<string, readonly string[]>;
}

function serviceRules(spec: NatTableSpec, service: number, n: number): ServiceRules {
  const name = servicePortName(service);
  const svcChain = serviceChainName(name);
  const ipPort = `-d ${clusterIpOf(service)}/32 -p tcp -m comment --comment "${name} cluster IP" -m tcp --dport ${SERVICE_PORT}`;
  const chains = new Map<string, string[]>();
  const svcRules = [`-A ${svcChain} ! -s ${POD_CIDR} ${ipPort} -j KUBE-MARK-MASQ`];
  for (let k = 1; k <= n; k++) {
    const podIp = endpointIpOf(spec, service, k);
    const sepChain = endpointChainName(name, `${podIp}:${TARGET_PORT}`);
    const statistic = k < n ? ` -m statistic --mode random --probability ${probabilityText(n - k + 1)}` : '';
    svcRules.push(`-A ${svcChain} -m comment --comment "${name} -> ${podIp}:${TARGET_PORT}"${statistic} -j ${sepChain}`);
    chains.set(sepChain, [
      `-A ${sepChain} -s ${podIp}/32 -m comment --comment "${name}" -j KUBE-MARK-MASQ`,
      `-A ${sepChain} -p tcp -m comment --comment "${name}" -m tcp -j DNAT --to-destination ${podIp}:${TARGET_PORT}`,
    ]);
  }
  chains.set(svcChain, svcRules);
  return { servicesRule: `-A KUBE-SERVICES ${ipPort} -j ${svcChain}`, chains };
}

/** Rules in the kernel's chains: the jumps into kube-proxy's chains (not counted in table size). */
const BASE_RULES: ReadonlyMap<string, readonly string[]> = new Map([
  ['PREROUTING', ['-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES']],
  ['INPUT', []],
  ['OUTPUT', ['-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES']],
  ['POSTROUTING', ['-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING']],
]);

/** kube-proxy's fixed chains and their 5 rules (KUBE-SERVICES gets the nodeports rule last). */
function fixedChains(): Map<string, string[]> {
  return new Map([
    ['KUBE-MARK-MASQ', ['-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000']],
    ['KUBE-NODEPORTS', []],
    ['KUBE-POSTROUTING', [
      '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
      '-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000',
      '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
    ]],
    ['KUBE-SERVICES', []],
  ]);
}

/**
 * The node's nat table as iptables-save text: `*nat`, chain lines, `-A` rules chain by chain,
 * `COMMIT`. KUBE-SERVICES holds one rule per Service in `spec.serviceOrder`, then the nodeports rule.
 */
export function buildNatTable(spec: NatTableSpec): string {
  const counts = endpointCounts(spec);
  const chains = fixedChains();
  const servicesRules: string[] = [];
  for (const service of spec.serviceOrder) {
    const rules = serviceRules(spec, service, counts[service]);
    servicesRules.push(rules.servicesRule);
    for (const [name, chainRules] of rules.chains) chains.set(name, [...chainRules]);
  }
  chains.set('KUBE-SERVICES', [...servicesRules, `-A KUBE-SERVICES -m comment --comment "${NODEPORTS_COMMENT}" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS`]);
  const userChains = [...chains.keys()].sort();
  return [
    '*nat',
    ...[...BASE_RULES.keys()].map((name) => `:${name} ACCEPT [0:0]`),
    ...userChains.map((name) => `:${name} - [0:0]`),
    ...[...BASE_RULES.values()].flat(),
    ...userChains.flatMap((name) => chains.get(name) ?? []),
    'COMMIT',
    '',
  ].join('\n');
}

/** Rules kube-proxy writes itself (the table size): those outside the kernel's built-in chains. */
export function countedRules(table: NatTable): number {
  let total = 0;
  for (const [name, rules] of table.chains) if (!BUILT_IN_NAT_CHAINS.includes(name)) total += rules.length;
  return total;
}

/**
 * kube-proxy's chains declared but never jumped to (its test helper checkIPTablesRuleJumps in
 * `proxier_test.go` calls them "created but not used"). A jump to an undeclared chain cannot
 * get this far: parseNatTable refuses it.
 */
export function unusedChains(table: NatTable): string[] {
  const jumpedTo = new Set<string>();
  for (const rules of table.chains.values()) {
    for (const rule of rules) if (rule.target.kind === 'jump') jumpedTo.add(rule.target.chain);
  }
  return [...table.chains.keys()].filter((name) => !BUILT_IN_NAT_CHAINS.includes(name) && !jumpedTo.has(name));
}

export interface WalkOptions {
  /** Node's own IP (addrtype LOCAL); default DEFAULT_NODE_IP. */
  readonly nodeIp?: string;
}

/**
 * The first packet of a connection from a client pod (default DEFAULT_CLIENT_POD_IP) to
 * Service `service`'s ClusterIP:80, walked on the client's node: PREROUTING (from the pod's
 * veth), then POSTROUTING. For a pod source and endpoint rank J at position p this evaluates
 * p + J + 7 rules.
 */
export function clientNodeWalk(
  table: NatTable, service: number, uniform: () => number,
  options: WalkOptions & { readonly clientIp?: string } = {},
): WalkResult {
  const packet: Packet = {
    sourceIp: options.clientIp ?? DEFAULT_CLIENT_POD_IP,
    destinationIp: clusterIpOf(service), destinationPort: SERVICE_PORT, protocol: 'tcp',
  };
  return walkFirstPacket(table, packet, ['PREROUTING', 'POSTROUTING'], uniform, options.nodeIp ?? DEFAULT_NODE_IP);
}

/**
 * The same first packet after the client's node DNATed it, arriving at the endpoint's node
 * (another node with its own table): destination `endpointIp`:8080. It walks every
 * KUBE-SERVICES rule without a match: S + 4 rules. Never draws a number.
 */
export function serverNodeWalk(
  table: NatTable, endpointIp: string,
  options: WalkOptions & { readonly clientIp?: string } = {},
): WalkResult {
  const packet: Packet = {
    sourceIp: options.clientIp ?? DEFAULT_CLIENT_POD_IP,
    destinationIp: endpointIp, destinationPort: TARGET_PORT, protocol: 'tcp',
  };
  const noDraws = () => { throw new Error('Expected no statistic rule to be tested on the server node'); };
  return walkFirstPacket(table, packet, ['PREROUTING', 'POSTROUTING'], noDraws, options.nodeIp ?? DEFAULT_NODE_IP);
}

/**
 * A uniform source that makes a KUBE-SVC cascade pick endpoint `rank`: the first rank − 1
 * statistic rules draw 0.999 (no match: every p < 1 there is at most 1/2), the next draws 0.
 * Throws when asked for more draws than that.
 */
export function uniformChoosingRank(rank: number): () => number {
  let draws = 0;
  return () => {
    draws++;
    if (draws < rank) return 0.999;
    if (draws === rank) return 0;
    throw new Error(`Expected at most ${rank} draws to choose endpoint ${rank}, got draw ${draws}`);
  };
}
