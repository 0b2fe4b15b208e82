/**
 * The engine against a compiled reference (issue 14): compiles bench/mmc-reference.c with the
 * system's cc (-O2) into a temporary folder, then runs the reference, bench/mmc.ts, the
 * hand-written JS loop bench/mmc-handwritten.ts and the least kernel bench/mmc-minimal-kernel.ts
 * in turn, each in its own process, for M/M/1 and M/M/8 at ρ = 0.9, `--repeats` times (C,
 * engine, hand-written, kernel, C, ...: the machine is shared, so all are measured in the same
 * minute), and prints one JSON line: each one's customers per second (every run, and the
 * median), the median ratios to C, and whether all simulated the same customers (all draw the
 * engine's numbers, so the mean waits agree to the last digits).
 *
 *   npm run bench:mmc -- [--customers 4000000] [--repeats 3]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    customers: { type: 'string', default: '4000000' },
    repeats: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
  },
});

const here = dirname(fileURLToPath(import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'eastwest-mmc-'));
const reference = join(folder, 'mmc-reference');

interface Run {
  readonly mean_wait: number;
  readonly events: number;
  readonly customers_per_s: number;
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

try {
  execFileSync('cc', ['-O2', '-o', reference, join(here, 'mmc-reference.c'), '-lm'], { stdio: 'inherit' });
  const queues = [
    { name: 'M/M/1', servers: 1, lambda: 0.9 },
    { name: 'M/M/8', servers: 8, lambda: 7.2 },
  ];
  const out: Record<string, unknown> = { benchmark: 'mmc-compare', customers: Number(args.customers), repeats: Number(args.repeats) };
  for (const queue of queues) {
    const c: Run[] = [];
    const engine: Run[] = [];
    const handwritten: Run[] = [];
    const minimalKernel: Run[] = [];
    const common = ['--customers', args.customers, '--lambda', String(queue.lambda), '--mu', '1', '--servers', String(queue.servers), '--seed', args.seed];
    for (let i = 0; i < Number(args.repeats); i++) {
      c.push(JSON.parse(execFileSync(reference, [args.customers, String(queue.lambda), '1', String(queue.servers), args.seed], { encoding: 'utf8' })));
      engine.push(JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(here, 'mmc.ts'), ...common], { encoding: 'utf8' })));
      const positional = [args.customers, String(queue.lambda), '1', String(queue.servers), args.seed];
      handwritten.push(JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(here, 'mmc-handwritten.ts'), ...positional], { encoding: 'utf8' })));
      minimalKernel.push(JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(here, 'mmc-minimal-kernel.ts'), ...positional], { encoding: 'utf8' })));
    }
    const cRate = median(c.map((run) => run.customers_per_s));
    const engineRate = median(engine.map((run) => run.customers_per_s));
    const handwrittenRate = median(handwritten.map((run) => run.customers_per_s));
    const kernelRate = median(minimalKernel.map((run) => run.customers_per_s));
    const sameAsC = (run: Run): boolean => Math.abs(c[0].mean_wait - run.mean_wait) <= 1e-9 * Math.abs(c[0].mean_wait) && c[0].events === run.events;
    out[queue.name] = {
      c_customers_per_s: Math.round(cRate),
      engine_customers_per_s: Math.round(engineRate),
      engine_over_c: Math.round((engineRate / cRate) * 1000) / 1000,
      engine_events_per_s: Math.round((engineRate * engine[0].events) / Number(args.customers)),
      handwritten_js_customers_per_s: Math.round(handwrittenRate),
      handwritten_js_over_c: Math.round((handwrittenRate / cRate) * 1000) / 1000,
      minimal_kernel_customers_per_s: Math.round(kernelRate),
      minimal_kernel_over_c: Math.round((kernelRate / cRate) * 1000) / 1000,
      c_runs: c.map((run) => Math.round(run.customers_per_s)),
      engine_runs: engine.map((run) => Math.round(run.customers_per_s)),
      handwritten_js_runs: handwritten.map((run) => Math.round(run.customers_per_s)),
      minimal_kernel_runs: minimalKernel.map((run) => Math.round(run.customers_per_s)),
      same_customers: sameAsC(engine[0]) && sameAsC(handwritten[0]) && sameAsC(minimalKernel[0]),
    };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
