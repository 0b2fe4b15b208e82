import { parse as parseYaml } from 'yaml';
import { InputError } from '../../input-error.js';
import { parameterCells } from '../spec/parameter-cells.js';
import type { ResolvedExperiment } from '../spec/resolved-experiment.js';
import { formatWritten } from '../spec/written-value.js';

/**
 * `--baseline path=value` resolved against an experiment: for every point, the baseline point
 * it is compared with — the point whose `path` has `value` and whose other parameter columns
 * are the same. The baseline points are their own partners (their difference is 0).
 */
export interface Baseline {
  /** As typed: `proxy.mode=iptables`. */
  readonly text: string;
  readonly path: string;
  /** The value as the CSV writes it. */
  readonly value: string;
  /** Point index → its baseline point's index; points without a partner are absent. */
  readonly partners: ReadonlyMap<number, number>;
}

/** Checks the option against the experiment; a path that does not vary or a value no point has is bad input. */
export function resolveBaseline(text: string, experiment: ResolvedExperiment): Baseline {
  const { path, value } = splitBaseline(text);
  const columns = experiment.parameterColumns;
  const column = columns.indexOf(path);
  if (column < 0) {
    const varied = columns.length === 0 ? 'the experiment has no sweep or cases' : `they are ${columns.map((c) => `\`${c}\``).join(', ')}`;
    throw new InputError('path', `a swept or case parameter (${varied})`, path).prefixed(`--baseline ${text}`);
  }
  const cells = experiment.points.map((point) => parameterCells(point, columns));
  const baselinePoints = experiment.points.filter((_, i) => cells[i][column] === value);
  if (baselinePoints.length === 0) {
    const values = [...new Set(cells.map((row) => row[column]))].map((cell) => `\`${cell}\``).join(', ');
    throw new InputError(`--baseline ${text}: no point has \`${path}\` = \`${value}\`; its values are ${values}`);
  }
  const others = (row: readonly string[]): string => JSON.stringify(row.filter((_, i) => i !== column));
  const byOthers = new Map<string, number>();
  // The first baseline point with given other parameters wins (a case may repeat a grid point).
  for (const point of [...baselinePoints].reverse()) byOthers.set(others(cells[point.index]), point.index);
  const partners = new Map<number, number>();
  experiment.points.forEach((point, i) => {
    const partner = byOthers.get(others(cells[i]));
    if (partner !== undefined) partners.set(point.index, partner);
  });
  return { text, path, value, partners };
}

/** `path=value`, the value read as a YAML scalar as `--set` reads it, then written as the CSV writes it. */
function splitBaseline(text: string): { path: string; value: string } {
  const equals = text.indexOf('=');
  const path = equals < 0 ? '' : text.slice(0, equals).trim();
  const raw = equals < 0 ? '' : text.slice(equals + 1);
  if (path === '' || raw.trim() === '') {
    throw new InputError('--baseline', '`path=value` (e.g. `proxy.mode=iptables`)', text).prefixed(`--baseline ${text}`);
  }
  try {
    return { path, value: formatWritten(parseYaml(raw)) };
  } catch (error) {
    throw new InputError(`--baseline ${text}: cannot read the value as YAML: ${(error as Error).message.split('\n')[0]}`);
  }
}
