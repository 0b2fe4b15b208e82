import { readBoundedText } from '../../experiment/index.js';
import { parseJson } from './parse-json.js';

/**
 * The largest kubectl dump read. A 150,000-pod, 30,000-Service cluster's Nodes, Services and
 * EndpointSlices come to a few hundred MiB of JSON (Nodes list their images, every object its
 * managedFields). Just under 512 MiB because V8 cannot hold a string longer than 2^29 − 24
 * characters, and the file is parsed as one string. Parsing takes a few times the file's size
 * in memory.
 */
export const MAX_KUBECTL_JSON_BYTES = 500 * 1024 * 1024;

/** The parsed dump at `path`; `name` is the file as typed, for messages. */
export function readKubectlJson(path: string, name: string): unknown {
  return parseJson(readBoundedText(path, name, MAX_KUBECTL_JSON_BYTES, 'the kubectl JSON'), name);
}
