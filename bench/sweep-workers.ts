/**
 * Whole-sweep benchmark (issue 4): the throughput of `eastwest run` with 1 and with 2 worker
 * threads on the same sweep, through the compiled bin as users run it (build first:
 * `npm run build`). Each run is long enough (about 1-2 s on this project's machine) that
 * thread start-up does not dominate. Prints one JSON line per setting and the speed-up, from
 * the meta's wall time (inside the process, workers' start-up included) and from the whole
 * process (Node start-up included).
 *
 *   npx tsx bench/sweep-workers.ts [--runs 8] [--seconds 50] [--rps 10000] [--repeat 1]
 *       [--requests-per-connection 100] [--services 1000] [--nodes 100] [--client-pods 3000]
 *
 * The default scenario keeps Go's pools for 3,000 clients × 1,000 Services, so hundreds of
 * thousands of idle connections stay live: two such runs at once share the machine's memory
 * bandwidth and its garbage-collector helper threads, and on this project's 2-vCPU machine the
 * speed-up is 1.5-1.7x, the same as two separate processes. A small cluster with long runs
 * (`--services 10 --nodes 2 --client-pods 10 --seconds 240`) is CPU-bound and shows what the
 * runner itself costs: 1.89x (median of 4 interleaved pairs, 2026-11-26).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '8' },
    seconds: { type: 'string', default: '50' },
    rps: { type: 'string', default: '10000' },
    repeat: { type: 'string', default: '1' },
    'requests-per-connection': { type: 'string', default: '100' },
    services: { type: 'string', default: '1000' },
    nodes: { type: 'string', default: '100' },
    'client-pods': { type: 'string', default: '3000' },
  },
});

const root = join(import.meta.dirname, '..');
const launcher = join(root, 'bin/eastwest.js');
if (!existsSync(join(root, 'dist/src/cli/main.js'))) {
  process.stderr.write('sweep-workers: dist/ is missing; run `npm run build` first\n');
  process.exit(2);
}

/** One point, `runs` replications: every run does the same work, so the split is even. */
function experimentText(): string {
  return [
    'name: sweep-workers',
    `replications: ${args.runs}`,
    `duration: ${args.seconds}s`,
    'warmup: 1s',
    'scenario:',
    `  cluster: { nodes: ${args.nodes}, services: ${args.services} }`,
    `  workload: { requestsPerSecond: ${args.rps}, requestsPerConnection: ${args['requests-per-connection']}, clientPods: ${args['client-pods']} }`,
    '',
  ].join('\n');
}

interface Measurement {
  readonly workers: number;
  readonly runs: number;
  readonly sweep_s: number;
  readonly process_s: number;
  readonly runs_per_s: number;
  readonly events_per_s_per_worker: number;
}

function measure(folder: string, workers: number): Measurement {
  const out = join(folder, `w${workers}/sweep.csv`);
  const started = performance.now();
  const result = spawnSync(process.execPath, [launcher, 'run', join(folder, 'sweep.yaml'), '--workers', String(workers), '--out', out, '--quiet']);
  const processSeconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`eastwest run failed: ${result.stderr}`);
  const meta = JSON.parse(readFileSync(out.replace(/\.csv$/, '.meta.json'), 'utf8'));
  const sweepSeconds: number = meta.wallTime.totalSeconds;
  return {
    workers,
    runs: meta.runs,
    sweep_s: round(sweepSeconds),
    process_s: round(processSeconds),
    runs_per_s: round(meta.runs / sweepSeconds),
    events_per_s_per_worker: Math.round(meta.wallTime.eventsPerSecond),
  };
}

function round(value: number): number {
  return Number(value.toFixed(3));
}

const folder = mkdtempSync(join(tmpdir(), 'eastwest-sweep-bench-'));
try {
  writeFileSync(join(folder, 'sweep.yaml'), experimentText());
  for (let repeat = 0; repeat < Number(args.repeat); repeat++) {
    const one = measure(folder, 1);
    const two = measure(folder, 2);
    const same = readFileSync(join(folder, 'w1/sweep.csv'), 'utf8') === readFileSync(join(folder, 'w2/sweep.csv'), 'utf8');
    for (const line of [one, two]) process.stdout.write(`${JSON.stringify(line)}\n`);
    process.stdout.write(
      `${JSON.stringify({ speedup_sweep: round(one.sweep_s / two.sweep_s), speedup_process: round(one.process_s / two.process_s), identical_csv: same })}\n`,
    );
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
