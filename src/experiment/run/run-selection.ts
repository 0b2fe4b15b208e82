import { InputError } from '../../input-error.js';
import { listRuns, type RunId } from './experiment-runs.js';

/** `--only 12` (every replication of point 12) or `--only 12/0` (one run). */
export interface OnlySelector {
  readonly point: number;
  readonly replication: number | undefined;
}

/**
 * Which runs of the experiment one invocation does (docs/design.md, Contracts): all of them, a shard
 * (K from 1 to N: the runs whose index is K−1 modulo N), or the runs named by `--only`
 * (several `--only` take the union).
 */
export type RunSelection =
  | { readonly kind: 'all' }
  | { readonly kind: 'shard'; readonly shard: number; readonly of: number }
  | { readonly kind: 'only'; readonly selectors: readonly OnlySelector[] };

export const ALL_RUNS: RunSelection = { kind: 'all' };

/** The selected runs in index order. */
export function selectRuns(selection: RunSelection, pointCount: number, replications: number): RunId[] {
  const runs = listRuns(pointCount, replications);
  switch (selection.kind) {
    case 'all':
      return runs;
    case 'shard':
      return runs.filter((run) => run.index % selection.of === selection.shard - 1);
    case 'only':
      return runs.filter((run) => selection.selectors.some((only) => only.point === run.point && (only.replication ?? run.replication) === run.replication));
  }
}

/**
 * What goes before `.csv` in every output name, so a part or a debugging run never overwrites
 * a full result: `.part-2-of-3`, `.only-12`, `.only-12-0`; several `--only` in point order,
 * `.only-3-1.only-12`.
 */
export function selectionInfix(selection: RunSelection): string {
  switch (selection.kind) {
    case 'all':
      return '';
    case 'shard':
      return `.part-${selection.shard}-of-${selection.of}`;
    case 'only':
      return selection.selectors.map((only) => `.only-${only.point}${only.replication === undefined ? '' : `-${only.replication}`}`).join('');
  }
}

/** `all runs`, `shard 2 of 3`, `--only 3/1 12`: for progress lines and the meta. */
export function describeSelection(selection: RunSelection): string {
  switch (selection.kind) {
    case 'all':
      return 'all runs';
    case 'shard':
      return `shard ${selection.shard} of ${selection.of}`;
    case 'only':
      return `--only ${selection.selectors.map((only) => `${only.point}${only.replication === undefined ? '' : `/${only.replication}`}`).join(' ')}`;
  }
}

/** `--shard K/N` with 1 <= K <= N. */
export function parseShard(text: string): RunSelection {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const [shard, of] = match === null ? [NaN, NaN] : [Number(match[1]), Number(match[2])];
  if (!(shard >= 1 && shard <= of)) {
    throw new InputError(`--shard ${text}: Expected \`--shard K/N\` with K from 1 to N (e.g. \`2/3\`), got \`${text}\``);
  }
  return { kind: 'shard', shard, of };
}

/**
 * `--shards N` inside a Kubernetes Indexed Job: the Job sets JOB_COMPLETION_INDEX to the
 * pod's 0-based index, which makes it shard index+1 of N.
 */
export function shardFromJobIndex(countText: string, jobIndex: string | undefined): RunSelection {
  const of = /^\d+$/.test(countText.trim()) ? Number(countText) : NaN;
  if (!(of >= 1)) throw new InputError(`--shards ${countText}: Expected \`--shards N\` with N an integer >= 1, got \`${countText}\``);
  const index = jobIndex !== undefined && /^\d+$/.test(jobIndex.trim()) ? Number(jobIndex) : NaN;
  if (!(index >= 0 && index < of)) {
    const found = jobIndex === undefined ? 'it is not set' : `got \`${jobIndex}\``;
    throw new InputError(
      `--shards ${countText}: Expected the environment variable JOB_COMPLETION_INDEX (set by a Kubernetes Indexed Job) ` +
        `to be an integer from 0 to ${of - 1}, but ${found}; outside a Job use \`--shard K/N\``,
    );
  }
  return { kind: 'shard', shard: index + 1, of };
}

/**
 * The union of `--only` texts, checked against the experiment's points and replications;
 * duplicates (and a run inside a whole point also given) are dropped and the rest put in point
 * order, since they name the files.
 */
export function parseOnly(texts: readonly string[], pointCount: number, replications: number): RunSelection {
  const selectors = texts.map((text) => parseOneOnly(text, pointCount, replications));
  const wholePoints = new Set(selectors.filter((only) => only.replication === undefined).map((only) => only.point));
  // `12/0` adds nothing to `12`.
  const needed = selectors.filter((only) => only.replication === undefined || !wholePoints.has(only.point));
  const unique = new Map(needed.map((only) => [`${only.point}/${only.replication ?? ''}`, only]));
  const sorted = [...unique.values()].sort((a, b) => a.point - b.point || (a.replication ?? -1) - (b.replication ?? -1));
  return { kind: 'only', selectors: sorted };
}

function parseOneOnly(text: string, pointCount: number, replications: number): OnlySelector {
  const match = /^(\d+)(?:\/(\d+))?$/.exec(text.trim());
  if (match === null) throw new InputError(`--only ${text}: Expected \`--only POINT\` or \`--only POINT/REPLICATION\` (e.g. \`12\` or \`12/0\`), got \`${text}\``);
  const point = Number(match[1]);
  const replication = match[2] === undefined ? undefined : Number(match[2]);
  if (point >= pointCount) throw new InputError(`--only ${text}: Expected a point from 0 to ${pointCount - 1}, got \`${point}\``);
  if (replication !== undefined && replication >= replications) {
    throw new InputError(`--only ${text}: Expected a replication from 0 to ${replications - 1}, got \`${replication}\``);
  }
  return { point, replication };
}
