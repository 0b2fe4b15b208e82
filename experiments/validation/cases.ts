/**
 * The registry of validation cases, in the order of the page (results/validation/index.md).
 * Each group is a file under cases/; experiments/validation/README.md explains the fields.
 */
import { CONTROL_PLANE_CASES } from './cases/control-plane.js';
import { COREDNS_THROUGHPUT_CASES } from './cases/coredns-throughput.js';
import { DNS_CACHE_CASES } from './cases/dns-caches.js';
import { DNS_LATENCY_CASES } from './cases/dns-latency.js';
import { DNS_RESOLVER_CASES } from './cases/dns-resolver.js';
import { FIRST_PACKET_CASES } from './cases/first-packet.js';
import { QUEUEING_CASES } from './cases/queueing.js';
import { SHORT_CONNECTION_CASES } from './cases/short-connections.js';
import type { ValidationCase } from './validation-case.js';

export const VALIDATION_CASES: readonly ValidationCase[] = [
  ...QUEUEING_CASES,
  ...DNS_RESOLVER_CASES,
  ...DNS_CACHE_CASES,
  ...COREDNS_THROUGHPUT_CASES,
  ...DNS_LATENCY_CASES,
  ...FIRST_PACKET_CASES,
  ...CONTROL_PLANE_CASES,
  ...SHORT_CONNECTION_CASES,
];
