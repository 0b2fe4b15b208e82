import { scenarioValues } from '../../../src/contract/scenario-values.js';
import type { ProxyConfig } from '../proxy-config.js';
import { PROXY_PARAMETERS } from '../proxy-parameters.js';

/** The `proxy.*` configuration with its defaults and `overrides` (paths as in experiment files), for tests and benches. */
export function proxyConfigWith(overrides: Readonly<Record<string, unknown>> = {}): ProxyConfig {
  return PROXY_PARAMETERS.read(scenarioValues(PROXY_PARAMETERS.specs, overrides)).proxy;
}
