import type { DistributionSpec } from '../random/index.js';
import type { ParameterSpec, ParameterValue } from './parameter-spec.js';
import type { ScenarioValues } from './scenario-model.js';

/** A parameter as a model writes it in its table: the path comes from where it sits. */
export type ParameterEntry = ParameterSpec extends infer S ? (S extends ParameterSpec ? Omit<S, 'path'> : never) : never;

/** A model's parameters as a tree: `{ proxy: { mode: {...}, iptables: { ruleCost: {...} } } }`. */
export interface ParameterTree {
  readonly [key: string]: ParameterEntry | ParameterTree;
}

/** The value a run gets for one entry: durations as ns numbers, a choice as its literal union. */
export type ValueOf<E> = E extends { readonly kind: 'custom'; parse(raw: unknown, path: string): infer V }
  ? V
  : E extends { readonly kind: 'choice'; readonly choices: readonly (infer C)[] }
  ? C
  : E extends { readonly kind: 'mix'; readonly choices: readonly (infer C)[] }
    ? Readonly<Record<C & string, number>>
  : E extends { readonly kind: 'boolean' }
    ? boolean
    : E extends { readonly kind: 'distribution' }
      ? DistributionSpec
      : number;

/**
 * The typed configuration a table gives, with the same shape as the table: a model reads
 * `config.proxy.iptables.ruleCost` and a typo is a compile error, with no second list of path
 * strings to keep in step with the table.
 */
export type ConfigOf<T> = {
  readonly [K in keyof T]: T[K] extends { readonly kind: string } ? ValueOf<T[K]> : ConfigOf<T[K]>;
};

/**
 * One model's parameters, declared once as a tree (DESIGN §6, docs/design.md): `specs` is the
 * flat list with dotted paths that validation, `describe`, the schema and the README tables are
 * generated from, and `read` turns a run's resolved values into the typed configuration.
 */
export class ParameterTable<T extends ParameterTree> {
  readonly specs: readonly ParameterSpec[];

  constructor(readonly tree: T) {
    this.specs = flatten(tree, '');
  }

  /** The typed configuration from a run's values (every path present: defaults are filled in). */
  read(values: ScenarioValues): ConfigOf<T> {
    return readTree(this.tree, '', values) as ConfigOf<T>;
  }
}

/** `parameterTable({ ... })`: keeps choice lists as literal types, so configs get unions. */
export function parameterTable<const T extends ParameterTree>(tree: T): ParameterTable<T> {
  return new ParameterTable(tree);
}

function isEntry(node: ParameterEntry | ParameterTree): node is ParameterEntry {
  return typeof (node as { kind?: unknown }).kind === 'string';
}

function flatten(tree: ParameterTree, prefix: string): ParameterSpec[] {
  return Object.entries(tree).flatMap(([key, node]) => {
    const path = `${prefix}${key}`;
    return isEntry(node) ? [{ ...node, path } as ParameterSpec] : flatten(node, `${path}.`);
  });
}

function readTree(tree: ParameterTree, prefix: string, values: ScenarioValues): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const [key, node] of Object.entries(tree)) {
    const path = `${prefix}${key}`;
    config[key] = isEntry(node) ? readValue(values, path) : readTree(node, `${path}.`, values);
  }
  return config;
}

function readValue(values: ScenarioValues, path: string): ParameterValue {
  const value = values.get(path);
  if (value === undefined) throw new Error(`Scenario value \`${path}\` is missing: the experiment layer fills in every default`);
  return value;
}
