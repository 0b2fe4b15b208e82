import type { ParameterSpec } from '../../src/contract/parameter-spec.js';
import { CLUSTER_PARAMETERS } from '../cluster/cluster-parameters.js';
import { NETWORK_PARAMETERS } from '../network/network-parameters.js';
import { PROXY_PARAMETERS } from '../proxy/proxy-parameters.js';
import { WORKLOAD_PARAMETERS } from '../workload/workload-parameters.js';

/** Every parameter of the scenario, model by model; the one table everything is generated from. */
export const SCENARIO_PARAMETERS: readonly ParameterSpec[] = [
  ...CLUSTER_PARAMETERS,
  ...NETWORK_PARAMETERS,
  ...WORKLOAD_PARAMETERS,
  ...PROXY_PARAMETERS,
];
