import { churnModel } from '../churn/churn-model.js';
import { clusterModel } from '../cluster/cluster-model.js';
import { controlPlaneModel } from '../controlplane/control-plane-model.js';
import type { AnyModel } from '../core/model-definition.js';
import { dnsModel } from '../dns/dns-model.js';
import { networkModel } from '../network/network-model.js';
import { proxyModel } from '../proxy/proxy-model.js';
import { workloadModel } from '../workload/workload-model.js';

/**
 * The models of a run, in wiring order (a model may take the seams of those before it while it
 * is wired, any seam in `begin`), which is also the order of their parameters and metric
 * columns. Adding a model is one line here (docs/design.md, Models: one shape).
 */
export const MODELS: readonly AnyModel[] = [
  clusterModel,
  workloadModel,
  networkModel,
  proxyModel,
  dnsModel,
  controlPlaneModel,
  churnModel,
];
