import { InputError } from '../../src/input-error.js';
import { parseDistribution, type DistributionSpec } from '../../src/random/index.js';

/** How many endpoints each Service of a class has. */
export type EndpointCounts =
  /** Every Service the same. */
  | { readonly kind: 'fixed'; readonly endpoints: number }
  /** Drawn per Service (rounded to a whole number >= 0) when the cluster is built. */
  | { readonly kind: 'distribution'; readonly spec: DistributionSpec }
  /** Exactly so many Services with each count (`kubectl` shapes, import-cluster): [endpoints, services] pairs. */
  | { readonly kind: 'histogram'; readonly bins: readonly (readonly [number, number])[] };

/**
 * One class of Services as the experiment file gives it (`cluster.serviceClasses`; docs/design.md,
 * Service classes): 30 hot Services with 50 endpoints, 8,000 cold ones with 2. Unset fields take
 * the one-class defaults when the run is wired: endpoints `cluster.endpointsPerService`,
 * popularity the class's share of Services, service time and pod concurrency the workload's.
 */
export interface ServiceClassSpec {
  readonly name: string;
  readonly count: number;
  readonly endpoints: EndpointCounts | undefined;
  /** Ports per Service: a data plane that programs per port (iptables, eBPF) holds one rule set each. */
  readonly ports: number;
  /** Weight of the class in the calls (normalised over classes); undefined: its share of Services. */
  readonly popularity: number | undefined;
  readonly serviceTime: DistributionSpec | undefined;
  readonly podConcurrency: number | undefined;
}

/** Limits that keep a written list from asking for more than a run can hold. */
export const MAX_SERVICE_CLASSES = 1_000;
export const MAX_SERVICES = 100_000;
export const MAX_ENDPOINTS_PER_SERVICE = 100_000;
export const MAX_PORTS_PER_SERVICE = 100;
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
const FIELDS = ['name', 'count', 'endpoints', 'ports', 'popularity', 'serviceTime', 'podConcurrency'];

/** Reads `cluster.serviceClasses` (an empty list: the one-class shorthand); throws InputError naming the field. */
export function parseServiceClasses(raw: unknown, path: string): readonly ServiceClassSpec[] {
  if (!Array.isArray(raw)) throw new InputError(path, 'a list of Service classes `{ name, count, endpoints, ports, popularity, serviceTime, podConcurrency }` (only count required)', raw);
  if (raw.length > MAX_SERVICE_CLASSES) throw new InputError(path, `a list of at most ${MAX_SERVICE_CLASSES} classes`, `${raw.length} classes`);
  const classes = raw.map((item, i) => parseServiceClass(item, `${path}[${i}]`, i));
  checkTogether(classes, path);
  return classes;
}

function parseServiceClass(raw: unknown, path: string, index: number): ServiceClassSpec {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InputError(path, 'a map `{ count: N, ... }`', raw);
  const item = raw as Record<string, unknown>;
  for (const key of Object.keys(item)) {
    if (!FIELDS.includes(key)) throw new InputError(`${path}.${key}`, `absent (a Service class takes ${FIELDS.join(', ')})`, item[key]);
  }
  return {
    name: item.name === undefined ? `class-${index + 1}` : parseName(item.name, `${path}.name`),
    // 0 is allowed so a sweep can take a class down to nothing (the 1-Service point of a benchmark).
    count: integerIn(item.count, `${path}.count`, 0, MAX_SERVICES),
    endpoints: item.endpoints === undefined ? undefined : parseEndpoints(item.endpoints, `${path}.endpoints`, item.count as number),
    ports: item.ports === undefined ? 1 : integerIn(item.ports, `${path}.ports`, 1, MAX_PORTS_PER_SERVICE),
    popularity: item.popularity === undefined ? undefined : nonNegativeNumber(item.popularity, `${path}.popularity`),
    serviceTime: item.serviceTime === undefined ? undefined : parseDistribution(item.serviceTime, `${path}.serviceTime`, 'duration'),
    podConcurrency: item.podConcurrency === undefined ? undefined : integerIn(item.podConcurrency, `${path}.podConcurrency`, 1, 1_000_000),
  };
}

function parseName(raw: unknown, path: string): string {
  if (typeof raw === 'string' && NAME_PATTERN.test(raw)) return raw;
  throw new InputError(path, 'a name of 1 to 63 letters, digits, `-`, `_` or `.`, starting with a letter or digit', raw);
}

/** A number, `{ dist: ... }` drawn per Service, or `{ histogram: { <endpoints>: <Services>, ... } }` summing to the class's count. */
function parseEndpoints(raw: unknown, path: string, count: number): EndpointCounts {
  if (typeof raw === 'number') return { kind: 'fixed', endpoints: integerIn(raw, path, 0, MAX_ENDPOINTS_PER_SERVICE) };
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'histogram' in raw) return parseHistogram(raw as Record<string, unknown>, path, count);
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'dist' in raw) return { kind: 'distribution', spec: parseDistribution(raw, path, 'number') };
  throw new InputError(path, 'an integer >= 0, a distribution `{ dist: ... }`, or `{ histogram: { <endpoints>: <Services>, ... } }`', raw);
}

function parseHistogram(raw: Record<string, unknown>, path: string, count: number): EndpointCounts {
  const extra = Object.keys(raw).find((key) => key !== 'histogram');
  if (extra !== undefined) throw new InputError(`${path}.${extra}`, 'absent (a histogram is `{ histogram: { ... } }` alone)', raw[extra]);
  const bins = raw.histogram;
  if (typeof bins !== 'object' || bins === null || Array.isArray(bins) || Object.keys(bins).length === 0) {
    throw new InputError(`${path}.histogram`, 'a non-empty map from endpoints per Service to how many Services have it', bins);
  }
  const pairs = Object.entries(bins).map(([key, services]): [number, number] => {
    const endpoints = Number(key);
    if (!/^\d+$/.test(key) || endpoints > MAX_ENDPOINTS_PER_SERVICE) throw new InputError(`${path}.histogram`, `keys that are endpoint counts from 0 to ${MAX_ENDPOINTS_PER_SERVICE}`, key);
    return [endpoints, integerIn(services, `${path}.histogram.${key}`, 0, MAX_SERVICES)];
  });
  pairs.sort((a, b) => a[0] - b[0]);
  const total = pairs.reduce((sum, [, services]) => sum + services, 0);
  if (Number.isInteger(count) && total !== count) throw new InputError(`${path}.histogram`, `Services that sum to the class's count (${count})`, `${total} Services`);
  return { kind: 'histogram', bins: pairs };
}

/** Across classes: unique names, at most MAX_SERVICES in all, and some class that is called. */
function checkTogether(classes: readonly ServiceClassSpec[], path: string): void {
  const seen = new Set<string>();
  classes.forEach((serviceClass, i) => {
    if (seen.has(serviceClass.name)) throw new InputError(`${path}[${i}].name`, 'a name no other class has', serviceClass.name);
    seen.add(serviceClass.name);
  });
  const services = classes.reduce((sum, serviceClass) => sum + serviceClass.count, 0);
  if (services > MAX_SERVICES) throw new InputError(path, `classes of at most ${MAX_SERVICES} Services in all`, `${services} Services`);
  if (classes.length > 0 && services === 0) throw new InputError(path, 'classes of at least one Service in all', '0 Services');
  if (classes.length > 0 && !classes.some((serviceClass) => serviceClass.count > 0 && serviceClass.popularity !== 0)) {
    throw new InputError(path, 'at least one class of Services with popularity > 0 (or unset): otherwise no Service is ever called', 'no class that is called');
  }
}

function integerIn(raw: unknown, path: string, min: number, max: number): number {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= min && raw <= max) return raw;
  throw new InputError(path, `an integer from ${min} to ${max}`, raw);
}

function nonNegativeNumber(raw: unknown, path: string): number {
  if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 0) return raw;
  throw new InputError(path, 'a number >= 0 (a weight; weights are normalised over the classes)', raw);
}
