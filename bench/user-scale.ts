/**
 * The user-scale benchmark (issues 12 and 14): the scenario users sweep, with every model on —
 * 3,000 nodes, 8,000 Services in classes imported from a generated kubectl dump (the same
 * import-cluster code a user runs), 60,000 client pods, 50,000 requests/s, DNS at its defaults,
 * churn at 10 pod replacements per second and a call graph — run once, printing one JSON line:
 * requests and events per wall second, peak memory and the share of wall time in garbage
 * collection.
 *
 *   npx tsx bench/user-scale.ts [--seconds 20] [--warmup 20] [--rate 50000] [--mode iptables]
 *                               [--call-graph services|none] [--replacements 10]
 *
 * The warm-up is short for a benchmark's sake (pools keep connections 90 s, so the connection
 * figures are not at steady state; this measures speed, not the cluster). wall_s is measured
 * here around build + run (the simulation never reads the wall clock). Peak memory is the
 * kernel's high-water mark of the resident set (process.resourceUsage().maxRSS). GC time is the
 * sum of V8's GC pauses reported to a PerformanceObserver over the same span: its share of
 * wall_s is what a faster allocator could at most win back.
 */
import { parseArgs } from 'node:util';
import { PerformanceObserver } from 'node:perf_hooks';
import { scenarioModel } from '../models/index.js';
import { clusterShape } from '../src/cli/import-cluster/cluster-shape.js';
import { readKubectlObjects } from '../src/cli/import-cluster/kubectl-objects.js';
import { kubectlList, type FixtureService } from '../src/cli/testing/kubectl-list-fixture.js';
import { scenarioValues } from '../src/contract/scenario-values.js';
import { s } from '../src/engine/time.js';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '20' },
    rate: { type: 'string', default: '50000' },
    mode: { type: 'string', default: 'iptables' },
    'call-graph': { type: 'string', default: 'services' },
    replacements: { type: 'string', default: '10' },
  },
});

const NODES = 3_000;
const SERVICES = 8_000;
const NAMESPACES = 40;

/**
 * A plausible 8,000-Service cluster, made by formula (no real dump): most Services have 1 to 3
 * ready endpoints, a few dozen have 20 to 60, about one in eight has two ports, 3 % are headless.
 */
function generatedServices(): FixtureService[] {
  return Array.from({ length: SERVICES }, (_, i) => ({
    namespace: i % NAMESPACES,
    ports: i % 8 === 0 ? 2 : 1,
    headless: i % 33 === 0,
    externalName: false,
    readyEndpoints: i % 250 === 0 ? 20 + (i % 41) : 1 + (i % 3),
    notReadyEndpoints: i % 50 === 0 ? 1 : 0,
    endpointsPerSlice: 100,
    dualStack: false,
  }));
}

function importedCluster(): Record<string, unknown> {
  const { shape } = clusterShape(readKubectlObjects(kubectlList({ nodes: NODES, services: generatedServices(), pods: 0 })));
  return {
    'cluster.nodes': shape.nodes,
    'cluster.namespaces': shape.namespaces,
    'cluster.headlessServiceRatio': shape.headlessServiceRatio ?? 0,
    'cluster.serviceClasses': shape.serviceClasses,
  };
}

const gcMs = { total: 0 };
const addGc = (entries: readonly { duration: number }[]) => entries.forEach((entry) => (gcMs.total += entry.duration));
// The run is one synchronous call: V8 reports its GC pauses once the event loop turns, so the
// figures are printed after a pause (and takeRecords() collects what is still buffered).
const gcObserver = new PerformanceObserver((list) => addGc(list.getEntries()));
gcObserver.observe({ entryTypes: ['gc'] });

const overrides: Record<string, unknown> = {
  ...importedCluster(),
  'workload.clientPods': 60_000,
  'workload.requestsPerSecond': Number(args.rate),
  'proxy.mode': args.mode,
  'proxy.ebpf.lbMapMax': 1_000_000,
  'churn.podReplacementsPerSecond': Number(args.replacements),
  ...(args['call-graph'] === 'none' ? {} : { 'workload.callGraph': args['call-graph'] }),
};

const started = process.hrtime.bigint();
const built = scenarioModel.build(scenarioValues(scenarioModel.parameters, overrides), {
  seed: 1,
  replication: 0,
  warmup: s(Number(args.warmup)),
  duration: s(Number(args.seconds)),
});
const result = built.run();
const wallS = Number(process.hrtime.bigint() - started) / 1e9;
const requests = result.metrics.requests_completed as number;
const simulatedS = Number(args.warmup) + Number(args.seconds);
setTimeout(() => {
  addGc(gcObserver.takeRecords());
  gcObserver.disconnect();
  console.log(JSON.stringify({
    benchmark: 'user-scale',
    mode: args.mode,
    call_graph: args['call-graph'],
    nodes: NODES,
    services: SERVICES,
    client_pods: 60_000,
    offered_requests_per_s: Number(args.rate),
    simulated_s: simulatedS,
    wall_s: Math.round(wallS * 100) / 100,
    // Every request of warm-up and window, estimated from the offered rate, over the whole wall time.
    requests_per_wall_s: Math.round((Number(args.rate) * simulatedS) / wallS),
    measured_requests: requests,
    events_per_wall_s: Math.round(result.events / wallS),
    peak_rss_gib: Math.round(((process.resourceUsage().maxRSS * 1024) / 2 ** 30) * 1000) / 1000,
    gc_share: Math.round((gcMs.total / 1000 / wallS) * 1000) / 1000,
    new_connection_ratio: result.metrics.new_connection_ratio,
    request_error_ratio: result.metrics.request_error_ratio,
  }));
}, 500);
