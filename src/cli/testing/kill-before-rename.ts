/**
 * Preloaded (`node --import`) by tests into a spawned eastwest to stop it with a real SIGKILL
 * at a chosen step of writing an output set (output-set.ts): just before the rename whose
 * target is named `EASTWEST_TEST_KILL_BEFORE_RENAME` (`x.csv.commit`, `x.summary.csv`,
 * `x.meta.json`), or before the commit record is removed with
 * `EASTWEST_TEST_KILL_BEFORE_REMOVING` (`x.csv.commit`). It wraps node:fs from outside, so the
 * product has no test branch: without this preload nothing changes.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { basename } from 'node:path';
import { killNow } from '../../experiment/testing/kill-now.js';

const beforeRename = process.env.EASTWEST_TEST_KILL_BEFORE_RENAME;
const beforeRemoving = process.env.EASTWEST_TEST_KILL_BEFORE_REMOVING;

const { renameSync, rmSync } = fs;
if (beforeRename !== undefined) {
  fs.renameSync = (from, to) => {
    if (basename(String(to)) === beforeRename) killNow();
    renameSync(from, to);
  };
}
if (beforeRemoving !== undefined) {
  fs.rmSync = (path, options) => {
    if (basename(String(path)) === beforeRemoving) killNow();
    rmSync(path, options);
  };
}
// ES modules' named imports of node:fs (`import { renameSync } from 'node:fs'`) follow.
syncBuiltinESMExports();
