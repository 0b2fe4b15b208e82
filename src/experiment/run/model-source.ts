import type { ScenarioModel } from '../../contract/scenario-model.js';

/**
 * Where a worker thread finds the model: a ScenarioModel object holds functions, which cannot
 * be posted to a thread, so each worker imports it itself. The export is either the model
 * (`scenarioModel` in models/index.js) or a function that makes one from `options` (the fake
 * model of the tests, with its failure switches).
 */
export interface ModelSource {
  /** A file URL, as `new URL('../../models/index.js', import.meta.url).href` gives. */
  readonly moduleUrl: string;
  readonly exportName: string;
  /** Passed to a factory export; must survive structured cloning. */
  readonly options?: unknown;
}

export async function loadModel(source: ModelSource): Promise<ScenarioModel> {
  const module = (await import(source.moduleUrl)) as Record<string, unknown>;
  const exported = module[source.exportName];
  if (exported === undefined) throw new Error(`The model module ${source.moduleUrl} has no export \`${source.exportName}\``);
  return (typeof exported === 'function' ? exported(source.options) : exported) as ScenarioModel;
}
