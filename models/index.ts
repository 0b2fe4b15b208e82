import { composeScenario } from './scenario/compose-scenario.js';
import { MODELS } from './scenario/models.js';

/** The scenario as the experiment layer sees it: every model's parameters and metrics, and build. */
export const scenarioModel = composeScenario(MODELS);
