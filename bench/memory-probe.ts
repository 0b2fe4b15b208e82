/**
 * Measures the memory of one run of the real scenario, to calibrate and check the memory
 * estimate `eastwest validate` prints (models/scenario/memory-estimate.ts):
 *
 *   npx tsx bench/memory-probe.ts [--seconds 30] [--warmup 0] [--set path=value]...
 *
 * Builds and runs one run (replication 0, seed 1) in this process and prints one JSON line:
 * the process's resident set before building (the Node baseline with the model loaded), its
 * peak (the kernel's high-water mark, getrusage ru_maxrss: JS heap and native memory, the
 * figure that decides whether a pod is OOM-killed), V8's heap after the run and after a full
 * GC (with --expose-gc, which tsx passes through as `node --expose-gc --import tsx`), and the
 * estimate for the same values. Run each point in its own process: the peak only grows.
 */
import { parseArgs } from 'node:util';
import { scenarioModel } from '../models/index.js';
import { scenarioMemoryItems } from '../models/scenario/memory-estimate.js';
import { scenarioValues } from '../src/contract/scenario-values.js';
import { parseDuration } from '../src/engine/time.js';
import { parse as parseYaml } from 'yaml';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '0' },
    set: { type: 'string', multiple: true, default: [] },
  },
});

const MIB = 1024 * 1024;
const overrides = Object.fromEntries(args.set.map((text) => [text.slice(0, text.indexOf('=')), parseYaml(text.slice(text.indexOf('=') + 1))]));
const values = scenarioValues(scenarioModel.parameters, overrides);
const settings = { seed: 1, replication: 0, warmup: parseDuration(`${args.warmup}s`), duration: parseDuration(`${args.seconds}s`) };
const gc = (globalThis as { gc?: () => void }).gc;

gc?.();
const baselineRss = process.memoryUsage().rss;
const started = performance.now();
const built = scenarioModel.build(values, settings);
const builtAt = performance.now();
const result = built.run();
const ranAt = performance.now();
const heapAfterRun = process.memoryUsage().heapUsed;
gc?.();
const estimate = scenarioMemoryItems(values, settings);
process.stdout.write(
  `${JSON.stringify({
    overrides,
    seconds: Number(args.seconds),
    warmup: Number(args.warmup),
    build_s: Number(((builtAt - started) / 1000).toFixed(2)),
    run_s: Number(((ranAt - builtAt) / 1000).toFixed(2)),
    events: result.events,
    baseline_rss_mib: Math.round(baselineRss / MIB),
    peak_rss_mib: Math.round((process.resourceUsage().maxRSS * 1024) / MIB),
    heap_after_run_mib: Math.round(heapAfterRun / MIB),
    heap_after_gc_mib: Math.round(process.memoryUsage().heapUsed / MIB),
    estimate_mib: Math.round(estimate.reduce((sum, item) => sum + item.count * item.bytesEach, 0) / MIB),
    largest: [...estimate].sort((a, b) => b.count * b.bytesEach - a.count * a.bytesEach).slice(0, 3).map((item) => `${item.what}: ${Math.round((item.count * item.bytesEach) / MIB)} MiB`),
  })}\n`,
);
