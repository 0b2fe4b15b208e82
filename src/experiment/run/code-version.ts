import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Which code produced a result (docs/design.md, Contracts): resume and merge refuse to mix versions. */
export interface CodeVersion {
  /** package.json's version. */
  readonly version: string;
  /** The git commit the package was built from, when it sits in its own git work tree. */
  readonly gitCommit: string | null;
  /** True when tracked files differ from the commit. */
  readonly dirty: boolean;
  /** `0.1.0+68dda03c1f2e-dirty`, or the version alone without git. */
  readonly label: string;
}

/** The eastwest package root: the nearest folder above this file with eastwest's package.json. */
export function packageRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let folder = from; ; folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'eastwest') return folder;
    if (dirname(folder) === folder) throw new Error(`No eastwest package.json above ${from}`);
  }
}

export function readCodeVersion(root = packageRoot()): CodeVersion {
  const version = String(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  const gitCommit = ownGitCommit(root);
  // A status git cannot give (null) counts as dirty: a clean claim must be earned.
  // Output under results/ is not code: a rerun that rewrites committed results is not dirty.
  const status =
    gitCommit === null
      ? ''
      : git(root, ['--no-optional-locks', 'status', '--porcelain', '--untracked-files=no', '--', '.', ':(exclude)results']);
  const dirty = status !== '';
  const label = gitCommit === null ? version : `${version}+${gitCommit.slice(0, 12)}${dirty ? '-dirty' : ''}`;
  return { version, gitCommit, dirty, label };
}

/**
 * HEAD of the work tree whose top is the package root; null without git, or when the
 * package is installed inside someone else's repository (their commit is not ours).
 */
function ownGitCommit(root: string): string | null {
  const top = git(root, ['rev-parse', '--show-toplevel']);
  if (top === null || realpathSync(top) !== realpathSync(root)) return null;
  return git(root, ['rev-parse', 'HEAD']);
}

/** Output of a read-only git command, trimmed; null when git is missing or fails. */
function git(cwd: string, args: readonly string[]): string | null {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}
