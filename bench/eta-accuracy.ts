/**
 * How honest are the ETA and validate's estimate (issue 13)? Runs shipped experiments from
 * source as a user would, with stderr off a terminal and a progress line every second
 * (EASTWEST_PROGRESS_INTERVAL=1), times each line's arrival, and sets the ETA printed nearest
 * 10, 25, 50 and 75 % of the sweep against the time really left (to the 100 % line); and
 * validate's estimate, made just before, against the session's wall time (the new meta's
 * wallTime.totalSeconds). Not a test: it takes as long as the experiments, on a machine whose
 * load varies. Prints one JSON line per experiment.
 *
 *   npx tsx bench/eta-accuracy.ts [--experiment quickstart]... [--set path=value]...
 *       [--workers 2] [--cold]
 *
 * By default the run finds the committed results/<name>.meta.json (a re-run: per-point costs
 * known); `--cold` runs from a folder with only the experiment file, so nothing is known
 * before the first runs report. Results go to a temporary folder; the committed ones are not touched.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    experiment: { type: 'string', multiple: true, default: ['quickstart'] },
    set: { type: 'string', multiple: true, default: [] },
    workers: { type: 'string', default: '2' },
    cold: { type: 'boolean', default: false },
  },
});

const root = join(import.meta.dirname, '..');
const main = join(root, 'src/cli/main.ts');
const CHECKPOINTS = [0.1, 0.25, 0.5, 0.75];
/** tsx's loader by absolute URL: a --cold run's folder has no node_modules to find it in. */
const TSX = import.meta.resolve('tsx');

interface ProgressLine {
  /** Seconds since the start line arrived. */
  readonly at: number;
  readonly etaSeconds: number | undefined;
  readonly done: boolean;
}

/** `1:02:03` or `0:07` to seconds. */
function clockSeconds(text: string): number {
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** `2 min 48 s`, `17 s`, `0.4 s`, `1 h 05 min` (formatSeconds) to seconds. */
function estimateSeconds(text: string): number {
  let seconds = 0;
  for (const [, value, unit] of text.matchAll(/([\d.]+) (h|min|s)\b/g)) seconds += Number(value) * { h: 3600, min: 60, s: 1 }[unit as 'h' | 'min' | 's'];
  return seconds;
}

function validateEstimate(file: string, cwd: string): number | undefined {
  const sets = args.set.flatMap((set) => ['--set', set]);
  const result = spawnSync(process.execPath, ['--import', TSX, main, 'validate', file, '--workers', args.workers, ...sets], { cwd, encoding: 'utf8' });
  const match = /estimate\s+about (.+?) on \d+ workers?/.exec(result.stdout.replace(/\n {12}/g, ' '));
  return match === null ? undefined : estimateSeconds(match[1]);
}

/** Runs the experiment, collecting its progress lines with their arrival times. */
function runWithProgress(file: string, cwd: string, out: string): Promise<ProgressLine[]> {
  const sets = args.set.flatMap((set) => ['--set', set]);
  const child = spawn(process.execPath, ['--import', TSX, main, 'run', file, '--out', out, '--workers', args.workers, '--overwrite', ...sets], {
    cwd,
    env: { ...process.env, EASTWEST_PROGRESS_INTERVAL: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: ProgressLine[] = [];
  let origin: number | undefined;
  let pending = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    const now = performance.now() / 1000;
    pending += chunk;
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const line of complete) {
      if (line.startsWith('eastwest: ')) origin = now;
      const eta = /ETA (\d+(?::\d+)+)/.exec(line);
      if (origin === undefined || !line.startsWith('progress: ')) continue;
      lines.push({ at: now - origin, etaSeconds: eta === null ? undefined : clockSeconds(eta[1]), done: /\(100%\), [\d:]+ elapsed$/.test(line) });
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(lines) : reject(new Error(`eastwest run ${file} exited with ${code}`))));
  });
}

/** The ETA printed nearest each checkpoint, against the time left to the last line. */
function checkpoints(lines: readonly ProgressLine[]) {
  const end = lines.find((line) => line.done)?.at ?? lines[lines.length - 1].at;
  return CHECKPOINTS.map((share) => {
    const target = share * end;
    const withEta = lines.filter((line) => line.etaSeconds !== undefined && !line.done);
    const nearest = withEta.reduce((best, line) => (Math.abs(line.at - target) < Math.abs(best.at - target) ? line : best), withEta[0]);
    const remaining = end - nearest.at;
    return { share, at: round(nearest.at), eta: nearest.etaSeconds, remaining: round(remaining), error: round(nearest.etaSeconds! / remaining - 1) };
  });
}

function round(value: number): number {
  return Number(value.toFixed(3));
}

async function measure(name: string): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'eta-accuracy-'));
  try {
    const source = join(root, 'experiments', `${name}.yaml`);
    const cwd = args.cold ? folder : root;
    const file = args.cold ? join(folder, `${name}.yaml`) : source;
    if (args.cold) copyFileSync(source, file);
    const estimate = validateEstimate(file, cwd);
    const out = join(folder, 'out', `${name}.csv`);
    const lines = await runWithProgress(file, cwd, out);
    const meta = JSON.parse(readFileSync(join(folder, 'out', `${name}.meta.json`), 'utf8'));
    const actual = meta.wallTime.totalSeconds as number;
    const firstEta = lines.find((line) => line.etaSeconds !== undefined);
    const result = {
      experiment: name,
      sets: args.set,
      workers: Number(args.workers),
      basis: args.cold ? 'no meta' : 'results meta',
      sweepSeconds: round(actual),
      firstEtaAt: firstEta === undefined ? null : round(firstEta.at),
      checkpoints: checkpoints(lines),
      validate: { estimate: estimate ?? null, actual: round(actual), error: estimate === undefined ? null : round(estimate / actual - 1) },
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

for (const name of args.experiment) await measure(name);
