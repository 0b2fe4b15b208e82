import { InputError } from '../../input-error.js';
import {
  fieldAt,
  foundText,
  isObject,
  itemProblem,
  objectAt,
  optionalListAt,
  optionalStringAt,
  stringAt,
  type ItemPlace,
  type JsonObject,
} from './kubectl-item-fields.js';

/** What import-cluster keeps of a Service: enough to join it to its slices and class it. */
export interface ServiceFacts {
  readonly namespace: string;
  readonly name: string;
  /** ClusterIP, NodePort, LoadBalancer or ExternalName; ClusterIP when left out, as the API defaults it. */
  readonly type: string;
  /** spec.clusterIP is "None". */
  readonly headless: boolean;
  readonly ports: number;
}

/** What import-cluster keeps of an EndpointSlice. */
export interface SliceFacts {
  readonly namespace: string;
  /** Its `kubernetes.io/service-name` label: the Service it belongs to. */
  readonly serviceName: string;
  /** IPv4, IPv6 or FQDN. */
  readonly addressType: string;
  /** Endpoints whose conditions.ready is not false (the API says unknown, null, means ready). */
  readonly readyEndpoints: number;
}

/** The objects of a kubectl List, as far as the cluster's shape needs them. */
export interface KubectlObjects {
  readonly nodes: number;
  readonly services: readonly ServiceFacts[];
  readonly slices: readonly SliceFacts[];
  /** Items of other kinds (Pods, when the dump was `kubectl get all`): counted, not read. */
  readonly otherKinds: number;
}

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** The lists kubectl prints: `List` for several kinds, a typed list (whose items may lack `kind`) for one. */
const LIST_KINDS: Readonly<Record<string, string | undefined>> = { List: undefined, NodeList: 'Node', ServiceList: 'Service', EndpointSliceList: 'EndpointSlice' };

const EXPECTED_LIST = 'expected a kubectl List (kind: List, items: [...])';

/** Reads `kubectl get nodes,services,endpointslices -A -o json`, checking every field it uses. */
export function readKubectlObjects(data: unknown): KubectlObjects {
  const { items, itemKind } = listItems(data);
  const objects = { nodes: 0, services: [] as ServiceFacts[], slices: [] as SliceFacts[], otherKinds: 0 };
  items.forEach((item, index) => {
    const kind = isObject(item) && typeof item.kind === 'string' ? item.kind : itemKind;
    if (!isObject(item) || kind === undefined) {
      throw new InputError(`items[${index}]: expected an object with a kind (Node, Service or EndpointSlice), found ${foundText(item)}`);
    }
    const place = { index, kind };
    if (kind === 'Node') objects.nodes++;
    else if (kind === 'Service') objects.services.push(readService(item, place));
    else if (kind === 'EndpointSlice') objects.slices.push(readSlice(item, place));
    else objects.otherKinds++;
  });
  return objects;
}

function listItems(data: unknown): { items: readonly unknown[]; itemKind: string | undefined } {
  if (!isObject(data)) throw new InputError(`${EXPECTED_LIST}, found ${Array.isArray(data) ? 'a list' : foundText(data)}`);
  if (typeof data.kind !== 'string' || !(data.kind in LIST_KINDS)) {
    throw new InputError(`${EXPECTED_LIST}, found ${data.kind === undefined ? 'an object without a kind' : `kind ${foundText(data.kind)}`}`);
  }
  if (!Array.isArray(data.items)) throw new InputError(`${EXPECTED_LIST}, found items: ${foundText(data.items)}`);
  return { items: data.items, itemKind: LIST_KINDS[data.kind] };
}

function readService(item: JsonObject, place: ItemPlace): ServiceFacts {
  objectAt(item, 'spec', place);
  return {
    namespace: stringAt(item, 'metadata.namespace', place),
    name: stringAt(item, 'metadata.name', place),
    type: optionalStringAt(item, 'spec.type', place) ?? 'ClusterIP',
    headless: optionalStringAt(item, 'spec.clusterIP', place) === 'None',
    ports: optionalListAt(item, 'spec.ports', place).length,
  };
}

function readSlice(item: JsonObject, place: ItemPlace): SliceFacts {
  const labels = fieldAt(item, 'metadata.labels');
  const serviceName = isObject(labels) ? labels[SERVICE_NAME_LABEL] : undefined;
  if (typeof serviceName !== 'string' || serviceName === '') {
    throw itemProblem(item, place, `metadata.labels["${SERVICE_NAME_LABEL}"]`, 'the name of its Service', serviceName);
  }
  const endpoints = optionalListAt(item, 'endpoints', place);
  return {
    namespace: stringAt(item, 'metadata.namespace', place),
    serviceName,
    addressType: stringAt(item, 'addressType', place),
    readyEndpoints: endpoints.filter((endpoint, at) => isReady(item, endpoint, `endpoints[${at}]`, place)).length,
  };
}

/** An endpoint counts once however many addresses it has; only `ready: false` leaves it out. */
function isReady(item: JsonObject, endpoint: unknown, path: string, place: ItemPlace): boolean {
  if (!isObject(endpoint)) throw itemProblem(item, place, path, 'an object', endpoint);
  const conditions = endpoint.conditions;
  if (conditions === undefined || conditions === null) return true;
  if (!isObject(conditions)) throw itemProblem(item, place, `${path}.conditions`, 'an object', conditions);
  const ready = conditions.ready;
  if (ready !== undefined && ready !== null && typeof ready !== 'boolean') throw itemProblem(item, place, `${path}.conditions.ready`, 'true or false', ready);
  return ready !== false;
}
