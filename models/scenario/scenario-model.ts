import type { ScenarioModel } from '../../src/contract/scenario-model.js';
import { FirstScenario } from './first-scenario.js';
import { scenarioConfig } from './scenario-config.js';
import { SCENARIO_METRICS } from './scenario-metrics.js';
import { SCENARIO_PARAMETERS } from './scenario-parameters.js';

/** The scenario as the experiment layer sees it: parameters, metrics, build. */
export const scenarioModel: ScenarioModel = {
  parameters: SCENARIO_PARAMETERS,
  metrics: SCENARIO_METRICS,
  build: (values, settings) => new FirstScenario(scenarioConfig(values), settings),
};
