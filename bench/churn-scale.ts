/**
 * Whole-simulation benchmark at issue 10's scale: the real scenario (every model, requests and
 * churn together, as `eastwest run` builds it) with 5,000 nodes, 10,000 Services × 10 endpoints
 * (100,000 endpoints) and 15,000 client pods, run once without churn ("before") and once with
 * --replacements pod replacements per second, everything else the same. Issue 10's target: 10
 * replacements/s for 4 simulated minutes within 10 minutes wall on one core and under 2 GiB.
 *
 *   npx tsx bench/churn-scale.ts [--mode iptables|ipvs|nftables|ebpf] [--seconds 240] [--rate 20000]
 *                                [--replacements 10] [--only before|churn]
 *
 * Prints one JSON line per run. `seconds` is the measured window; 20 s of warm-up come first.
 * Every request dials (requestsPerConnection 1), so every request meets its node's current
 * programmed view and churn can show in it. eBPF's Service map is made large enough for all
 * 110,000 entries (Cilium's default 65,536 would leave a third of the Services unprogrammed, and
 * the run would measure failures, not the cost of serving them).
 *
 * wall_s is measured here, around build + run (the simulation itself never reads the wall
 * clock); requests_per_wall_s is requests_completed (measured window only) over that wall time,
 * so it understates the per-request speed by the warm-up and build share.
 *
 * Memory: the run is one synchronous call, so nothing can sample during it. The peak figure is
 * the kernel's high-water mark of the process's resident set (getrusage ru_maxrss, via
 * process.resourceUsage().maxRSS): everything the process ever held, JS heap and native memory.
 * It only grows, so the second run's figure is the peak over both runs (use --only churn for the
 * churn run alone). heap_used_gib and heap_total_gib are V8's heap right after the run, before
 * any further GC: what the run left live plus garbage not yet collected.
 * cpu_s is the process's user + system CPU time over the same span: on a shared machine it moves
 * far less than wall_s (which ran 1.0–1.9× cpu_s under load here), but it counts V8's GC helper
 * threads too, so it can exceed one core's share. Single runs here vary by ±15 % or more.
 */
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { scenarioModel } from '../models/index.js';
import { scenarioValues } from '../src/contract/scenario-values.js';
import { s } from '../src/engine/time.js';

const { values: args } = parseArgs({
  options: {
    mode: { type: 'string', default: 'iptables' },
    seconds: { type: 'string', default: '240' },
    rate: { type: 'string', default: '20000' },
    replacements: { type: 'string', default: '10' },
    only: { type: 'string' },
  },
});

const MODES = ['iptables', 'ipvs', 'nftables', 'ebpf'];
const WARMUP_S = 20;
const GIB = 2 ** 30;
const CONTROL_PLANE_METRICS = [
  'sync_duration_p50_ms',
  'sync_duration_p99_ms',
  'network_programming_latency_p50_ms',
  'network_programming_latency_p99_ms',
  'kube_proxy_cpu_cores_per_node',
  'stale_endpoint_errors',
  'request_error_ratio',
] as const;

function fail(message: string): never {
  process.stderr.write(`churn-scale: ${message}\n`);
  process.exit(2);
}

function number(name: string, text: string, least: number): number {
  const value = Number(text);
  if (!(value >= least) || !Number.isFinite(value)) fail(`expected --${name} to be a number >= ${least}, got \`${text}\``);
  return value;
}

const mode = args.mode;
if (!MODES.includes(mode)) fail(`expected --mode to be one of ${MODES.join(' | ')}, got \`${mode}\``);
if (args.only !== undefined && args.only !== 'before' && args.only !== 'churn') {
  fail(`expected --only to be before | churn, got \`${args.only}\``);
}
const seconds = number('seconds', args.seconds, 1);
const rate = number('rate', args.rate, 1);
const replacements = number('replacements', args.replacements, 0);

const round = (value: number, digits: number): number => +value.toFixed(digits);

/** Builds and runs the scenario once with `podReplacementsPerSecond` and returns its JSON line. */
function measure(podReplacementsPerSecond: number): Record<string, unknown> {
  const values = scenarioValues(scenarioModel.parameters, {
    'cluster.nodes': 5_000,
    'cluster.services': 10_000,
    'cluster.endpointsPerService': 10,
    'workload.clientPods': 15_000,
    'workload.requestsPerSecond': rate,
    'workload.requestsPerConnection': 1,
    'proxy.mode': mode,
    'proxy.ebpf.lbMapMax': 100_000_000,
    'churn.podReplacementsPerSecond': podReplacementsPerSecond,
  });
  const settings = { seed: 1, replication: 0, warmup: s(WARMUP_S), duration: s(seconds) };
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  const built = scenarioModel.build(values, settings);
  const buildEnd = performance.now();
  const result = built.run();
  const wallSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const heap = getHeapStatistics();
  const { metrics } = result;
  const completed = Number(metrics.requests_completed);
  const failures = Object.fromEntries(
    Object.entries(metrics).filter(([name, value]) => name.startsWith('failures_') && Number(value) > 0),
  );
  return {
    mode,
    replacements: podReplacementsPerSecond,
    simulated_s: seconds,
    warmup_s: WARMUP_S,
    build_s: round((buildEnd - started) / 1000, 3),
    wall_s: round(wallSeconds, 1),
    cpu_s: round((cpu.user + cpu.system) / 1e6, 1),
    requests_completed: completed,
    requests_per_wall_s: Math.round(completed / wallSeconds),
    events: result.events,
    events_per_wall_s: Math.round(result.events / wallSeconds),
    peak_rss_gib: round((process.resourceUsage().maxRSS * 1024) / GIB, 3),
    heap_used_gib: round(heap.used_heap_size / GIB, 3),
    heap_total_gib: round(heap.total_heap_size / GIB, 3),
    // null: no samples (no sync happens without churn).
    ...Object.fromEntries(CONTROL_PLANE_METRICS.map((name) => [name, metrics[name] ?? null])),
    failures,
    warnings: result.warnings,
  };
}

const runs = args.only === 'before' ? [0] : args.only === 'churn' ? [replacements] : [0, replacements];
for (const perSecond of runs) process.stdout.write(`${JSON.stringify(measure(perSecond))}\n`);
