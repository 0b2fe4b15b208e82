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
  const workTreeCommit = ownGitCommit(root);
  // A commit recorded at build time (a container image) has no work tree to be dirty in.
  const gitCommit = workTreeCommit ?? buildCommit(root);
  // A status git cannot give (null) counts as dirty: a clean claim must be earned.
  // Output under results/ is not code: a rerun that rewrites committed results is not dirty.
  const status =
    workTreeCommit === null
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

/** A build without .git (experiments/k8s/Dockerfile) writes the commit it was built from here. */
export const BUILD_COMMIT_FILE = 'build-commit';

/**
 * The commit in `<root>/build-commit`, so that resume and merge can tell two images of the same
 * package version apart; null when the file is missing or does not hold a hex commit id
 * (`unknown` when the image was built without --build-arg GIT_COMMIT).
 */
function buildCommit(root: string): string | null {
  const path = join(root, BUILD_COMMIT_FILE);
  if (!existsSync(path)) return null;
  const text = readFileSync(path, 'utf8').trim().toLowerCase();
  return /^[0-9a-f]{7,40}$/.test(text) ? text : null;
}

/** Output of a read-only git command, trimmed; null when git is missing or fails. */
function git(cwd: string, args: readonly string[]): string | null {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}
