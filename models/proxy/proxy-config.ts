import type { ConfigOf } from '../../src/contract/parameter-table.js';
import type { PROXY_PARAMETERS } from './proxy-parameters.js';

/** The `proxy.*` parameters, typed: derived from the table, never listed twice. */
export type ProxyConfig = ConfigOf<typeof PROXY_PARAMETERS.tree>['proxy'];

export type ProxyModeName = ProxyConfig['mode'];
