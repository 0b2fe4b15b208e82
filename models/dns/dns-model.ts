import { parameterTable } from '../../src/contract/parameter-table.js';
import { defineModel } from '../core/model-definition.js';
import { FixedLatencyResolver } from './fixed-latency-resolver.js';
import type { NameResolver } from './name-resolver.js';

declare module '../core/seams.js' {
  interface Seams {
    /** The client pods' name resolution. */
    resolver: NameResolver;
  }
}

/** Name resolution: for now a fixed lookup latency (the DNS model's issue replaces it). */
export const dnsModel = defineModel({
  name: 'dns',
  parameters: parameterTable({}),
  metrics: [],
  wire(_config, { sim, seams }) {
    seams.provide('resolver', new FixedLatencyResolver(sim), 'dns');
    return {};
  },
});
