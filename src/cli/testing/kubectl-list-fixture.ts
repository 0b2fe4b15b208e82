/**
 * kubectl-shaped Lists made from a known cluster shape, for import-cluster's tests (never a real
 * cluster's dump). Every name, address and label carries a marker word (FIXTURE_MARKERS), so a
 * test can search the YAML for anything that leaked.
 */

/** One Service of a fixture and what its EndpointSlices should hold. */
export interface FixtureService {
  /** Index of its namespace (`ns-orchid-N`). */
  readonly namespace: number;
  /** 0 to 3 ports. */
  readonly ports: number;
  readonly headless: boolean;
  readonly externalName: boolean;
  readonly readyEndpoints: number;
  /** Endpoints with conditions.ready false (terminating, or failing their probe). */
  readonly notReadyEndpoints: number;
  /** At most this many endpoints per slice: 100 as the controller does, or fewer to split a Service over slices. */
  readonly endpointsPerSlice: number;
  /** An IPv6 slice listing the same pods as the IPv4 one. */
  readonly dualStack: boolean;
}

export interface FixtureCluster {
  readonly nodes: number;
  readonly services: readonly FixtureService[];
  /** Items of another kind (Pods), which import-cluster counts and ignores. */
  readonly pods: number;
}

export const FIXTURE_MARKERS = ['orchid', 'zebra', 'quartz', 'heron', '10.77.', '10.96.', 'fd00:77', 'uid-'] as const;

/** `kubectl get nodes,services,endpointslices -A -o json` of the fixture (and its Pods, if any). */
export function kubectlList(cluster: FixtureCluster): { apiVersion: string; kind: string; items: object[] } {
  const items: object[] = [];
  for (let node = 0; node < cluster.nodes; node++) items.push(nodeItem(node));
  cluster.services.forEach((service, index) => items.push(serviceItem(service, index)));
  cluster.services.forEach((service, index) => items.push(...sliceItems(service, index)));
  for (let pod = 0; pod < cluster.pods; pod++) items.push({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `pod-heron-${pod}`, namespace: 'ns-orchid-0' } });
  return { apiVersion: 'v1', kind: 'List', items };
}

function nodeItem(index: number): object {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: `node-quartz-${index}`, uid: `uid-node-${index}`, labels: { 'kubernetes.io/hostname': `node-quartz-${index}`, 'topology.kubernetes.io/zone': 'zone-heron-a' } },
    spec: { podCIDR: `10.77.${index % 250}.0/24` },
    status: { addresses: [{ type: 'InternalIP', address: `10.77.${index % 250}.1` }] },
  };
}

function serviceItem(service: FixtureService, index: number): object {
  const ports = Array.from({ length: service.ports }, (_, port) => ({ name: `port-heron-${port}`, port: 8080 + port, protocol: 'TCP', targetPort: 9000 + port }));
  const spec = service.externalName
    ? { type: 'ExternalName', externalName: `db-zebra-${index}.quartz.example.com`, ...(service.ports > 0 ? { ports } : {}) }
    : { type: 'ClusterIP', clusterIP: service.headless ? 'None' : clusterIp(index), selector: { app: `heron-${index}` }, ...(service.ports > 0 ? { ports } : {}) };
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: serviceName(index), namespace: namespaceName(service.namespace), uid: `uid-svc-${index}`, labels: { app: `heron-${index}` } },
    spec,
  };
}

/** The slices the EndpointSlice controller would write: chunks of endpointsPerSlice, ready and not-ready mixed. */
function sliceItems(service: FixtureService, index: number): object[] {
  if (service.externalName) return [];
  const endpoints = Array.from({ length: service.readyEndpoints + service.notReadyEndpoints }, (_, at) => endpoint(index, at, isNotReady(service, at)));
  const families = service.dualStack ? (['IPv4', 'IPv6'] as const) : (['IPv4'] as const);
  const slices: object[] = [];
  for (const family of families) {
    for (let start = 0; start < endpoints.length || start === 0; start += service.endpointsPerSlice) {
      const chunk = endpoints.slice(start, start + service.endpointsPerSlice).map((entry) => (family === 'IPv6' ? asIpv6(entry) : entry));
      slices.push(slice(service, index, slices.length, family, chunk));
    }
  }
  return slices;
}

function slice(service: FixtureService, index: number, number: number, family: string, endpoints: readonly object[]): object {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: `${serviceName(index)}-${number}`,
      namespace: namespaceName(service.namespace),
      uid: `uid-slice-${index}-${number}`,
      labels: { 'kubernetes.io/service-name': serviceName(index), 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' },
    },
    addressType: family,
    // The API writes an empty slice's endpoints as null.
    endpoints: endpoints.length === 0 ? null : endpoints,
    ports: Array.from({ length: service.ports }, (_, port) => ({ name: `port-heron-${port}`, port: 9000 + port, protocol: 'TCP' })),
  };
}

/** Ready and not-ready endpoints alternate while both last, so they mix in every slice. */
function isNotReady(service: FixtureService, at: number): boolean {
  const mixed = 2 * Math.min(service.readyEndpoints, service.notReadyEndpoints);
  return at < mixed ? at % 2 === 1 : service.notReadyEndpoints > service.readyEndpoints;
}

/** Every fifth endpoint has two addresses; a ready one at 0 has no `ready` (unknown, which counts as ready). */
function endpoint(service: number, at: number, notReady: boolean): object {
  const address = `10.77.${service % 250}.${at % 250}`;
  const conditions = notReady ? { ready: false, serving: true, terminating: true } : at === 0 ? { serving: true } : { ready: true, serving: true, terminating: false };
  return {
    addresses: at % 5 === 4 ? [address, `${address}1`] : [address],
    conditions,
    nodeName: `node-quartz-${at}`,
    targetRef: { kind: 'Pod', name: `pod-zebra-${service}-${at}`, namespace: 'ns-orchid', uid: `uid-pod-${service}-${at}` },
  };
}

function asIpv6(entry: object): object {
  const addresses = (entry as { addresses: string[] }).addresses;
  return { ...entry, addresses: addresses.map((address) => `fd00:77::${address.replaceAll('.', ':')}`) };
}

function serviceName(index: number): string {
  return `svc-zebra-${index}`;
}

function namespaceName(index: number): string {
  return `ns-orchid-${index}`;
}

function clusterIp(index: number): string {
  return `10.96.${Math.floor(index / 250) % 250}.${index % 250}`;
}
