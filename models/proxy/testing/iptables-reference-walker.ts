/**
 * Test oracle, part 2: a tiny parser of nat-table iptables-save text and a walker that sends a
 * connection's first packet through it. Independent of the fast iptables model (never imports
 * it); tests only. Netfilter semantics (kernel `net/ipv4/netfilter/ip_tables.c` ipt_do_table):
 * - Rules are tested in order from the hook's built-in chain; each test is one rule evaluated.
 *   A rule's IP header part (`-s`, `-d`, `-p`) is checked first, then its `-m` matches as
 *   written, stopping at the first that fails (a statistic match draws only when reached).
 * - `-j <user chain>` jumps; the chain's end or RETURN continues after the jump; a built-in
 *   chain's end (or RETURN in it) applies its ACCEPT policy and ends the hook.
 * - DNAT (rewrites the destination) and MASQUERADE end the hook's nat traversal; MARK changes
 *   the mark, which survives from hook to hook, and continues.
 * - `-m statistic --mode random --probability p` matches when a uniform u in [0, 1) is < p
 *   (`xt_statistic.c` compares a random 31-bit number with p·2^31).
 * - `-m addrtype --dst-type LOCAL` matches only the node's own IP (a simplification).
 */

export type Hook = 'PREROUTING' | 'OUTPUT' | 'POSTROUTING';

/** Chains the kernel creates itself; rules in them are not part of kube-proxy's restore data. */
export const BUILT_IN_NAT_CHAINS: readonly string[] = ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'];

export type Condition =
  | { readonly kind: 'source' | 'destination'; readonly negated: boolean; readonly network: number; readonly prefix: number }
  | { readonly kind: 'protocol'; readonly negated: boolean; readonly protocol: string }
  | { readonly kind: 'destinationPort'; readonly negated: boolean; readonly port: number }
  | { readonly kind: 'mark'; readonly negated: boolean; readonly value: number; readonly mask: number }
  | { readonly kind: 'destinationTypeLocal'; readonly negated: boolean }
  | { readonly kind: 'statistic'; readonly negated: boolean; readonly probability: number };

export type Target =
  | { readonly kind: 'jump'; readonly chain: string }
  | { readonly kind: 'return' | 'accept' | 'masquerade' }
  | { readonly kind: 'dnat'; readonly ip: string; readonly port: number }
  | { readonly kind: 'setMark'; readonly value: number; readonly mask: number };

export interface Rule {
  readonly chain: string;
  /** Checked in this order: IP header conditions first, then `-m` matches as written. */
  readonly conditions: readonly Condition[];
  readonly target: Target;
  /** The `-A` line as written. */
  readonly text: string;
}

export interface NatTable {
  /** Declared chains in the order of their `:CHAIN` lines, each with its rules in order. */
  readonly chains: ReadonlyMap<string, readonly Rule[]>;
}

export interface Packet {
  readonly sourceIp: string;
  readonly destinationIp: string;
  readonly destinationPort: number;
  readonly protocol: 'tcp';
}

export interface WalkResult {
  /** Rules tested over all hooks, built-in chains included. */
  readonly rulesEvaluated: number;
  readonly rulesEvaluatedByHook: Readonly<Partial<Record<Hook, number>>>;
  /** The pod IP a DNAT rule sent the packet to, if one did. */
  readonly dnatTo: string | undefined;
  /** 1-based rank k of the KUBE-SEP chain jumped to (its jump's place among the chain's KUBE-SEP jumps). */
  readonly endpointRank: number | undefined;
  /** Whether the packet ever carried the masquerade mark 0x4000. */
  readonly marked: boolean;
  readonly masqueraded: boolean;
  /** Every rule tested, in order, as `CHAIN#index` (1-based), for failure messages. */
  readonly trace: readonly string[];
}

export const MASQUERADE_MARK = 0x4000;

export function ipToNumber(ip: string): number {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) {
    throw new Error(`Expected an IPv4 address, got \`${ip}\``);
  }
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

export function numberToIp(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** Splits a rule line into words, keeping double-quoted words (comments) whole. */
function tokenize(line: string): string[] {
  return (line.match(/"[^"]*"|\S+/g) ?? []).map((word) => word.replace(/^"(.*)"$/, '$1'));
}

function prefixMask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

function addressCondition(kind: 'source' | 'destination', negated: boolean, text: string): Condition {
  const [ip, prefixText = '32'] = text.split('/');
  const prefix = Number(prefixText);
  return { kind, negated, network: (ipToNumber(ip) & prefixMask(prefix)) >>> 0, prefix };
}

/** This oracle knows `--dst-type LOCAL` and `--mode random` only; anything else fails fast. */
function only(option: string, value: string, known: string): void {
  if (value !== known) throw new Error(`Expected \`${option} ${known}\`, got \`${option} ${value}\``);
}

function maskedValue(text: string): { value: number; mask: number } {
  const [value, mask] = text.split('/');
  return { value: Number(value), mask: mask === undefined ? 0xffffffff : Number(mask) };
}

/** The condition an option starts, or undefined when the option is not a condition. */
function conditionOf(option: string, value: string, negated: boolean): Condition | undefined {
  switch (option) {
    case '-s': return addressCondition('source', negated, value);
    case '-d': return addressCondition('destination', negated, value);
    case '-p': return { kind: 'protocol', negated, protocol: value };
    case '--dport': return { kind: 'destinationPort', negated, port: Number(value) };
    case '--mark': return { kind: 'mark', negated, ...maskedValue(value) };
    case '--dst-type': only(option, value, 'LOCAL'); return { kind: 'destinationTypeLocal', negated };
    case '--mode': only(option, value, 'random'); return undefined;
    case '--probability': return { kind: 'statistic', negated, probability: Number(value) };
    default: return undefined;
  }
}

/** Options that take a value but add no condition of their own. */
const QUIET_OPTIONS = new Set(['-m', '--comment', '--mode']);

function targetOf(name: string, options: readonly string[], table: ReadonlySet<string>): Target {
  const option = (flag: string) => options[options.indexOf(flag) + 1];
  switch (name) {
    case 'RETURN': return { kind: 'return' };
    case 'ACCEPT': return { kind: 'accept' };
    case 'MASQUERADE': return { kind: 'masquerade' };
    case 'DNAT': {
      const [ip, port] = option('--to-destination').split(':');
      return { kind: 'dnat', ip, port: Number(port) };
    }
    case 'MARK': return markTarget(options);
    default:
      if (!table.has(name)) throw new Error(`Expected \`-j ${name}\` to name a declared chain or a known target`);
      return { kind: 'jump', chain: name };
  }
}

/** MARK in kube-proxy's words (`--or-mark`, `--xor-mark`) or iptables-save's (`--set-xmark v/m`). */
function markTarget(options: readonly string[]): Target {
  const [flag, value] = options;
  if (flag === '--or-mark') return { kind: 'setMark', value: Number(value), mask: Number(value) };
  if (flag === '--xor-mark') return { kind: 'setMark', value: Number(value), mask: 0 };
  if (flag === '--set-xmark') return { kind: 'setMark', ...maskedValue(value) };
  throw new Error(`Expected MARK to have --or-mark, --xor-mark or --set-xmark, got \`${options.join(' ')}\``);
}

function parseRule(line: string, declared: ReadonlySet<string>): Rule {
  const words = tokenize(line);
  const chain = words[1];
  const header: Condition[] = [];
  const matches: Condition[] = [];
  let negated = false;
  for (let i = 2; i < words.length; i += 2) {
    const option = words[i];
    if (option === '!') { negated = true; i--; continue; }
    if (option === '-j') return { chain, conditions: [...header, ...matches], target: targetOf(words[i + 1], words.slice(i + 2), declared), text: line };
    const condition = conditionOf(option, words[i + 1], negated);
    if (condition) (['-s', '-d', '-p'].includes(option) ? header : matches).push(condition);
    else if (!QUIET_OPTIONS.has(option)) throw new Error(`Expected a known iptables option, got \`${option}\` in \`${line}\``);
    negated = false;
  }
  throw new Error(`Expected a rule to end with -j TARGET, got \`${line}\``);
}

/** Parses the `*nat` … `COMMIT` block of iptables-save text. Fails fast on anything it does not know. */
export function parseNatTable(text: string): NatTable {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  if (lines[0] !== '*nat' || lines[lines.length - 1] !== 'COMMIT') {
    throw new Error('Expected iptables-save text to start with `*nat` and end with `COMMIT`');
  }
  const chains = new Map<string, Rule[]>();
  for (const line of lines.filter((l) => l.startsWith(':'))) {
    const name = line.slice(1).split(' ')[0];
    if (chains.has(name)) throw new Error(`Expected chain \`${name}\` to be declared once`);
    chains.set(name, []);
  }
  const declared = new Set(chains.keys());
  for (const line of lines.filter((l) => l.startsWith('-A '))) {
    const rule = parseRule(line, declared);
    const rules = chains.get(rule.chain);
    if (!rules) throw new Error(`Expected chain \`${rule.chain}\` to be declared before \`${line}\``);
    rules.push(rule);
  }
  return { chains };
}

/** The packet as the walk changes it (DNAT, MARK), with the walk's inputs. */
interface WalkContext {
  readonly packet: Packet;
  readonly uniform: () => number;
  readonly nodeIp: string;
  destinationIp: string;
  destinationPort: number;
  mark: number;
}

function draw(uniform: () => number): number {
  const u = uniform();
  if (!(u >= 0 && u < 1)) throw new Error(`Expected \`uniform()\` to return a number in [0, 1), got \`${u}\``);
  return u;
}

function holds(condition: Condition, context: WalkContext): boolean {
  const { packet } = context;
  switch (condition.kind) {
    case 'source':
    case 'destination': {
      const ip = ipToNumber(condition.kind === 'source' ? packet.sourceIp : context.destinationIp);
      return ((ip & prefixMask(condition.prefix)) >>> 0) === condition.network;
    }
    case 'protocol': return packet.protocol === condition.protocol;
    case 'destinationPort': return context.destinationPort === condition.port;
    case 'mark': return ((context.mark & condition.mask) >>> 0) === condition.value;
    case 'destinationTypeLocal': return context.destinationIp === context.nodeIp;
    case 'statistic': return draw(context.uniform) < condition.probability;
  }
}

function ruleMatches(rule: Rule, context: WalkContext): boolean {
  return rule.conditions.every((condition) => holds(condition, context) !== condition.negated);
}

interface Frame {
  readonly chain: string;
  readonly rules: readonly Rule[];
  index: number;
}

type Walk = { -readonly [K in keyof Omit<WalkResult, 'rulesEvaluatedByHook' | 'trace'>]: WalkResult[K] } & { trace: string[] };

/** Rank of a KUBE-SEP jump: its place among the KUBE-SEP jumps of its chain, 1-based. */
function endpointRankOf(rules: readonly Rule[], index: number): number {
  return rules.slice(0, index + 1).filter((r) => r.target.kind === 'jump' && r.target.chain.startsWith('KUBE-SEP-')).length;
}

/** Applies a matched rule's target; returns whether the hook's traversal is over. */
function apply(rule: Rule, stack: Frame[], table: NatTable, context: WalkContext, walk: Walk): boolean {
  const target = rule.target;
  const frame = stack[stack.length - 1];
  switch (target.kind) {
    case 'jump':
      if (target.chain.startsWith('KUBE-SEP-')) walk.endpointRank = endpointRankOf(frame.rules, frame.index - 1);
      if (stack.length > 64) throw new Error(`Expected no jump loop, got a chain depth over 64 at \`${rule.text}\``);
      stack.push({ chain: target.chain, rules: table.chains.get(target.chain) ?? [], index: 0 });
      return false;
    case 'setMark':
      context.mark = ((context.mark & ~target.mask) ^ target.value) >>> 0;
      walk.marked ||= (context.mark & MASQUERADE_MARK) !== 0;
      return false;
    case 'return': stack.pop(); return false;
    case 'dnat':
      context.destinationIp = target.ip;
      context.destinationPort = target.port;
      walk.dnatTo = target.ip;
      return true;
    case 'masquerade': walk.masqueraded = true; return true;
    case 'accept': return true;
  }
}

function walkHook(table: NatTable, hook: Hook, context: WalkContext, walk: Walk): void {
  const stack: Frame[] = [{ chain: hook, rules: table.chains.get(hook) ?? [], index: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.index >= frame.rules.length) { stack.pop(); continue; }
    const rule = frame.rules[frame.index++];
    walk.rulesEvaluated++;
    walk.trace.push(`${frame.chain}#${frame.index}`);
    if (ruleMatches(rule, context) && apply(rule, stack, table, context, walk)) return;
  }
}

/**
 * Walks a connection's first packet through the nat table hook by hook (e.g. PREROUTING then
 * POSTROUTING for a pod's packet arriving from its veth; OUTPUT then POSTROUTING for a host
 * process). `uniform` gives one number in [0, 1) per statistic match tested; `nodeIp` is the
 * node's own address (addrtype LOCAL). Later packets match conntrack and never walk the table.
 */
export function walkFirstPacket(
  table: NatTable, packet: Packet, hooks: readonly Hook[], uniform: () => number, nodeIp: string,
): WalkResult {
  const context: WalkContext = { packet, uniform, nodeIp, destinationIp: packet.destinationIp, destinationPort: packet.destinationPort, mark: 0 };
  const walk: Walk = { rulesEvaluated: 0, dnatTo: undefined, endpointRank: undefined, marked: false, masqueraded: false, trace: [] };
  const byHook: Partial<Record<Hook, number>> = {};
  for (const hook of hooks) {
    const before = walk.rulesEvaluated;
    walkHook(table, hook, context, walk);
    byHook[hook] = (byHook[hook] ?? 0) + walk.rulesEvaluated - before;
  }
  return { ...walk, rulesEvaluatedByHook: byHook };
}
