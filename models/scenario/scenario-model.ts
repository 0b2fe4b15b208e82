import type { ScenarioModel } from '../../src/contract/scenario-model.js';
import { ClusterScenario } from './cluster-scenario.js';
import { scenarioConfig } from './scenario-config.js';
import { SCENARIO_METRICS } from './scenario-metrics.js';
import { SCENARIO_PARAMETERS } from './scenario-parameters.js';
import { PROXY_METRICS } from '../proxy/proxy-metric-specs.js';

/** The scenario as the experiment layer sees it: parameters, metrics, build. */
export const scenarioModel: ScenarioModel = {
  parameters: SCENARIO_PARAMETERS,
  metrics: [...SCENARIO_METRICS, ...PROXY_METRICS],
  build: (values, settings) => new ClusterScenario(scenarioConfig(values), settings),
};
