import type { ClassRow, ScenarioModel } from '../../contract/scenario-model.js';

/**
 * The class rows a run returned, checked for a scenario that declares class columns
 * (src/contract/scenario-model.ts): at least one class, each named once. A model that returns
 * anything else has a bug, and a class table with a run missing or a class doubled would hide
 * it, so this throws (the run fails, exit 1) with what was expected and found.
 */
export function checkedClasses(rows: readonly ClassRow[] | undefined): readonly ClassRow[] {
  const asked = 'one row per Service class, since the scenario declares class columns,';
  if (rows === undefined || rows.length === 0) throw new Error(`The model was asked for ${asked} and returned ${rows === undefined ? 'none' : 'no row'}`);
  const names = rows.map((row) => row.name);
  const twice = names.findIndex((name, i) => names.indexOf(name) !== i);
  if (twice >= 0) throw new Error(`The model was asked for ${asked} each once, but its row ${twice} is class \`${names[twice]}\` again`);
  return rows;
}

/** Whether runs of this scenario give class rows, and its outputs X.classes.csv: whenever it declares class columns. */
export function hasClassColumns(model: ScenarioModel): boolean {
  return (model.classes ?? []).length > 0;
}
