/**
 * Obstacles the save tests put in the way of writing the results, once the runs are going
 * (after the output checks, before the output set is written): a model that acts before each
 * run, and the acts.
 */
import { lstatSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioModel } from '../../contract/scenario-model.js';

/** `base`, doing `act` before each run. */
export function modelThat(base: ScenarioModel, act: () => void): ScenarioModel {
  return {
    ...base,
    build(values, settings) {
      const built = base.build(values, settings);
      return { run: () => (act(), built.run()) };
    },
  };
}

/** Puts a folder (not empty, so no rename can replace it) where the file `path` is, once it is a file. */
export function folderInTheWayOf(path: string): () => void {
  return () => {
    if (lstatSync(path).isFile()) {
      rmSync(path);
      mkdirSync(path);
      writeFileSync(join(path, 'in-the-way'), '');
    }
  };
}

/** Makes the temporary file at `path` /dev/full, where every write fails with ENOSPC: a full disk. */
export function fullDiskAt(path: string): () => void {
  return () => {
    if (lstatSync(path, { throwIfNoEntry: false }) === undefined) symlinkSync('/dev/full', path);
  };
}
