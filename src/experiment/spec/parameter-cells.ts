import type { ExperimentPoint } from './experiment-points.js';
import { isPlainMap } from './scenario-assignments.js';
import { formatWritten } from './written-value.js';

/**
 * A point's cells for the parameter columns: the value as the point's sweep or case wrote it,
 * or, where the point does not set that path, the value it resolved to (as written), so every
 * row can be read alone.
 */
export function parameterCells(point: ExperimentPoint, columns: readonly string[]): string[] {
  return parameterValues(point, columns).map(formatWritten);
}

/** The same values as written (a number, a string, a map for a distribution), for JSON; undefined where there is none. */
export function parameterValues(point: ExperimentPoint, columns: readonly string[]): unknown[] {
  return columns.map((path) => pointValue(point, path));
}

function pointValue(point: ExperimentPoint, path: string): unknown {
  const own = point.settings.find((setting) => setting.target.path === path);
  if (own !== undefined) return own.value;
  if (Object.hasOwn(point.scenario, path)) return point.scenario[path];
  // A distribution field column (`workload.serviceTime.median`): read it inside the distribution.
  const dot = path.lastIndexOf('.');
  const owner = point.scenario[path.slice(0, dot)];
  if (isPlainMap(owner)) return owner[path.slice(dot + 1)];
  // A list element's field (`cluster.serviceClasses.1.count`): read it inside the element.
  const element = /^(.+)\.(\d+)\.([A-Za-z]+)$/.exec(path);
  const list = element === null ? undefined : point.scenario[element[1]];
  const item = Array.isArray(list) ? (list[Number(element![2])] as unknown) : undefined;
  return isPlainMap(item) ? item[element![3]] : undefined;
}
