import { InputError } from '../../input-error.js';
import type { KubectlObjects, ServiceFacts, SliceFacts } from './kubectl-objects.js';

/** Services that have one number of ports, and how their ready endpoints are spread. */
export interface ServiceClass {
  /** `ports-N`. */
  readonly name: string;
  readonly count: number;
  readonly ports: number;
  /** Ready endpoints per Service → how many Services have that many; ascending, sums to count. */
  readonly endpoints: { readonly histogram: Readonly<Record<number, number>> };
}

/** The `cluster` part of an experiment file, counts only: no name, address or label survives. */
export interface ClusterShape {
  /** Left out when the dump held no Node (a ServiceList alone), so the default applies. */
  readonly nodes?: number;
  readonly namespaces: number;
  /** Left out when no Service is headless. */
  readonly headlessServiceRatio?: number;
  /** Ascending by ports. */
  readonly serviceClasses: readonly ServiceClass[];
}

/** What was read and what was left out, for the YAML's header comment. */
export interface ImportTally {
  readonly nodes: number;
  readonly services: number;
  readonly endpointSlices: number;
  readonly externalNameServices: number;
  readonly otherKinds: number;
}

/**
 * The cluster's shape from its objects. ExternalName Services are left out: they have no
 * ClusterIP and kube-proxy programs nothing for them. Bad input when no other Service is left.
 */
export function clusterShape(objects: KubectlObjects): { shape: ClusterShape; tally: ImportTally } {
  const imported = objects.services.filter((service) => service.type !== 'ExternalName');
  const tally: ImportTally = {
    nodes: objects.nodes,
    services: objects.services.length,
    endpointSlices: objects.slices.length,
    externalNameServices: objects.services.length - imported.length,
    otherKinds: objects.otherKinds,
  };
  if (imported.length === 0) {
    const found = objects.services.length === 0 ? 'none' : `only ${objects.services.length} of type ExternalName`;
    throw new InputError(`expected at least one Service (other than ExternalName), found ${found} among ${objects.nodes + objects.slices.length + objects.services.length + objects.otherKinds} items`);
  }
  const headless = imported.filter((service) => service.headless).length;
  const shape: ClusterShape = {
    ...(objects.nodes > 0 ? { nodes: objects.nodes } : {}),
    namespaces: new Set(imported.map((service) => service.namespace)).size,
    ...(headless > 0 ? { headlessServiceRatio: ratio(headless, imported.length) } : {}),
    serviceClasses: serviceClasses(imported, readyEndpointsByService(objects.slices)),
  };
  return { shape, tally };
}

/**
 * Six significant digits: round(ratio × Services) gives the headless count back for up to
 * 100,000 Services (the model's maximum), and 0.05 stays 0.05 rather than a long fraction.
 */
function ratio(part: number, whole: number): number {
  return Number((part / whole).toPrecision(6));
}

function serviceClasses(services: readonly ServiceFacts[], readyEndpoints: ReadonlyMap<string, number>): ServiceClass[] {
  const byPorts = new Map<number, number[]>();
  for (const service of services) {
    // A Service with no ports (possible when headless) gets no kube-proxy rules at all; it is
    // rare, so it joins the one-port class rather than making a class the model cannot have.
    const ports = Math.max(1, service.ports);
    const counts = byPorts.get(ports) ?? [];
    counts.push(readyEndpoints.get(serviceKey(service.namespace, service.name)) ?? 0);
    byPorts.set(ports, counts);
  }
  return [...byPorts.keys()].sort((a, b) => a - b).map((ports) => serviceClass(ports, byPorts.get(ports) ?? []));
}

function serviceClass(ports: number, endpointCounts: readonly number[]): ServiceClass {
  const histogram: Record<number, number> = {};
  // Integer keys of a plain object iterate in ascending order, which is the order wanted.
  for (const endpoints of endpointCounts) histogram[endpoints] = (histogram[endpoints] ?? 0) + 1;
  return { name: `ports-${ports}`, count: endpointCounts.length, ports, endpoints: { histogram } };
}

/**
 * Ready endpoints of each Service (by namespace/name), summed over its slices of one address
 * family. A dual-stack Service has an IPv4 and an IPv6 slice listing the same pods, so the
 * larger family's sum is taken rather than both. FQDN slices name no address a proxy programs.
 */
function readyEndpointsByService(slices: readonly SliceFacts[]): Map<string, number> {
  const byFamily = new Map<string, number>();
  for (const slice of slices) {
    if (slice.addressType === 'FQDN') continue;
    const key = `${serviceKey(slice.namespace, slice.serviceName)} ${slice.addressType}`;
    byFamily.set(key, (byFamily.get(key) ?? 0) + slice.readyEndpoints);
  }
  const byService = new Map<string, number>();
  for (const [key, endpoints] of byFamily) {
    const service = key.slice(0, key.lastIndexOf(' '));
    byService.set(service, Math.max(byService.get(service) ?? 0, endpoints));
  }
  return byService;
}

/** Namespace and name; neither may contain a slash. */
function serviceKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}
