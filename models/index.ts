export { scenarioModel } from './scenario/scenario-model.js';
