import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { syncFolders } from '../experiment/output/durable-files.js';
import { INDEX_MARK } from './report-index.js';
import { SVG_MARK } from './render-svg.js';

/**
 * The charts an earlier index.md in the folder linked that the new report does not write (a
 * headline metric that has no numbers any more), so no chart of older results stays beside
 * the new ones. Only SVGs that eastwest wrote (SVG_MARK) and its own index linked are named;
 * call it before index.md is replaced.
 */
export function staleCharts(indexPath: string, written: readonly string[]): string[] {
  if (!existsSync(indexPath)) return [];
  const index = readFileSync(indexPath, 'utf8');
  if (!index.startsWith(INDEX_MARK)) return [];
  const linked = [...index.matchAll(/\]\(([^()/\\]+\.svg)\)/g)].map((match) => match[1]);
  const kept = new Set(written.map((path) => basename(path)));
  return [...new Set(linked)]
    .filter((name) => !kept.has(name))
    .map((name) => join(dirname(indexPath), name))
    .filter((path) => existsSync(path) && readFileSync(path).subarray(0, 4096).toString('utf8').includes(SVG_MARK));
}

/** Removes the stale charts once the new index no longer links them. */
export function removeCharts(paths: readonly string[]): void {
  for (const path of paths) rmSync(path, { force: true });
  if (paths.length > 0) syncFolders(paths);
}
