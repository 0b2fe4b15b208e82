/**
 * Queueing theory against the engine: closed-form mean waits (published formulas) against the
 * engine's own Station, and two queues inside the full model. Independent: no default was fitted
 * to them. The tolerances are statistical: the runs are long, so the 95 % interval over seeds is
 * a fraction of the tolerance (both are printed).
 */
import { scenarioModel } from '../../../models/index.js';
import type { RequestProbe } from '../../../models/core/request-probe.js';
import { scenarioValues } from '../../../src/contract/scenario-values.js';
import { mg1MeanWait, mmcMeanWait, NS_PER_MS, s, us } from '../../../src/engine/index.js';
import { engineQueueWait, measuredOf, scenarioMetric } from '../model-runs.js';
import type { MmcOptions } from '../../../bench/mmc-model.js';
import type { Tolerance, ValidationCase } from '../validation-case.js';

const ENGINE_QUEUE: Tolerance = {
  kind: 'relative',
  fraction: 0.03,
  why: 'a long simulated queue converges slowly at high utilisation (ρ ≥ 0.8): 10 runs of 10⁶ customers give a 95 % interval of about ±1 %; 3 % leaves room for that and flags any real bias',
};
const ENGINE_QUEUE_CI: Tolerance = {
  kind: 'relative',
  fraction: 0.08,
  why: 'the scaled-down run (4 × 2·10⁵ customers) has a 95 % interval of about ±3 %',
};

/**
 * The tolerance and the two scales every engine-queue case shares: 10 seeds of 10⁶ customers
 * in full, 4 of 2·10⁵ in CI.
 */
function engineQueueRuns(queue: Omit<MmcOptions, 'seed' | 'customers'>): Pick<ValidationCase, 'tolerance' | 'full' | 'ci'> {
  return {
    tolerance: ENGINE_QUEUE,
    full: { scale: 'engine Station, 10 seeds × 10⁶ customers', compute: () => engineQueueWait({ ...queue, customers: 1_000_000 }, 10) },
    ci: { scale: 'engine Station, 4 seeds × 2·10⁵ customers', tolerance: ENGINE_QUEUE_CI, compute: () => engineQueueWait({ ...queue, customers: 200_000 }, 4) },
  };
}

/** M/M/1 at ρ = 0.8 (μ = 1/s): W_q = ρ/(μ − λ) = 4 s. */
const mm1: ValidationCase = {
  id: 'queueing.mm1-wait',
  group: 'Queueing theory',
  quantity: 'M/M/1 mean wait in queue, ρ = 0.8, μ = 1/s: ρ/(μ − λ)',
  unit: 's',
  published: 0.8 / (1 - 0.8),
  source: 'kleinrock',
  use: 'independent',
  ...engineQueueRuns({ lambda: 0.8, mu: 1, servers: 1 }),
};

/** M/M/10 at a = 8 erlangs: W_q = C(10, 8)/(cμ − λ) with the table's C(10, 8) = 0.4092. */
const mmc: ValidationCase = {
  id: 'queueing.mmc-erlang-c',
  group: 'Queueing theory',
  quantity: 'M/M/10 mean wait in queue at 8 erlangs (μ = 1/s): C(10, 8) ÷ (cμ − λ), C(10, 8) = 0.4092 from the table',
  unit: 's',
  published: 0.4092 / (10 - 8),
  source: 'erlangTable',
  use: 'independent',
  ...engineQueueRuns({ lambda: 8, mu: 1, servers: 10 }),
};

/** M/D/1 at ρ = 0.8, d = 1 s: W_q = ρd/(2(1 − ρ)) = 2 s. */
const md1: ValidationCase = {
  id: 'queueing.md1-wait',
  group: 'Queueing theory',
  quantity: 'M/D/1 mean wait in queue, ρ = 0.8, d = 1 s: ρd/(2(1 − ρ))',
  unit: 's',
  published: mg1MeanWait(0.8, 1, 1),
  source: 'pollaczekKhinchine',
  use: 'independent',
  ...engineQueueRuns({ lambda: 0.8, mu: 1, servers: 1, service: 'deterministic' }),
};

/**
 * A backend pod of 2 slots behind one Service, in the full model (DNS, nftables, network), at
 * λ = 300/s and exponential service of mean 5 ms: ρ = 0.75, sojourn W_q + 1/μ = 11.43 ms. Each
 * request dials, so its way to the pod is its own lookup, handshake and half a round trip:
 * independent random delays, which keep the pod's arrivals Poisson. The sojourn is the latency
 * less what the request record says it spent before the pod (resolution, proxy lookup, the two
 * constant 50 µs round trips).
 */
function backendPodSojournMs(seed: number, duration: number): number {
  let sum = 0;
  let count = 0;
  const probe: RequestProbe = {
    completed: (request, latency) => {
      if (!request.measured) return;
      sum += latency - request.resolveNs - request.lookupNs - 2 * us(50);
      count++;
    },
  };
  const values = scenarioValues(scenarioModel.parameters, BACKEND_POD);
  scenarioModel.build(values, { seed, replication: 0, warmup: s(2), duration: s(duration) }, probe).run();
  return sum / count / NS_PER_MS;
}

const BACKEND_POD = {
  'proxy.mode': 'nftables',
  'cluster.services': 1,
  'cluster.endpointsPerService': 1,
  'workload.podConcurrency': 2,
  'workload.requestsPerConnection': 1,
  'workload.requestsPerSecond': 300,
  'workload.serviceTime': { dist: 'exponential', mean: '5ms' },
  'network.sameNodeRtt': { dist: 'constant', value: '50us' },
  'network.crossNodeRtt': { dist: 'constant', value: '50us' },
};

const backendPod: ValidationCase = {
  id: 'queueing.backend-pod-mmc',
  group: 'Queueing theory',
  quantity: 'Backend pod in the full model (2 slots, λ = 300/s, exponential 5 ms service, ρ = 0.75): mean sojourn W_q + 1/μ (M/M/2)',
  unit: 'ms',
  published: (mmcMeanWait(300, 200, 2) + 1 / 200) * 1000,
  source: 'kleinrock',
  use: 'independent',
  tolerance: { kind: 'relative', fraction: 0.05, why: '10 runs of 120 s (≈ 36,000 requests each) give a 95 % interval of about ±2.5 % at ρ = 0.75; 5 % is twice that' },
  full: { scale: 'full model, 1 pod, 10 seeds × 120 s', compute: () => measuredOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((seed) => backendPodSojournMs(seed, 120))) },
  ci: {
    scale: 'full model, 1 pod, 4 seeds × 30 s',
    tolerance: { kind: 'relative', fraction: 0.1, why: '4 runs of 30 s give a 95 % interval of about ±5 %; 10 % is twice that' },
    compute: () => measuredOf([1, 2, 3, 4].map((seed) => backendPodSojournMs(seed, 30))),
  },
};

/** One CoreDNS replica of 2 cores, exponential CPU of mean 1 ms per query, 1,500 queries/s: ρ = 0.75. */
const CORE_DNS_QUEUE = {
  'workload.requestsPerConnection': 1,
  'workload.requestsPerSecond': 1_500,
  'dns.queryAAAA': false,
  'dns.coredns.replicas': 1,
  'dns.coredns.cores': 2,
  'dns.coredns.answerCost': { dist: 'exponential', mean: '1ms' },
};

const coreDnsReplica: ValidationCase = {
  id: 'queueing.coredns-replica-mmc',
  group: 'Queueing theory',
  quantity: 'CoreDNS replica in the full model (2 cores, exponential 1 ms CPU per query, 1,500 queries/s, ρ = 0.75): mean wait for a core, C(2, 1.5) ÷ (cμ − λ)',
  unit: 'ms',
  published: mmcMeanWait(1_500, 1_000, 2) * 1_000,
  source: 'kleinrock',
  use: 'independent',
  tolerance: { kind: 'relative', fraction: 0.05, why: '10 runs of 120 s (≈ 180,000 queries each) give a 95 % interval of about ±2.5 % at ρ = 0.75; 5 % is twice that' },
  full: { scale: 'full model, 1 replica, 10 replications × 120 s', compute: () => scenarioMetric(CORE_DNS_QUEUE, { warmup: s(2), duration: s(120), replications: 10 }, 'coredns_wait_mean_ms') },
  ci: {
    scale: 'full model, 1 replica, 4 replications × 10 s',
    tolerance: { kind: 'relative', fraction: 0.15, why: '4 runs of 10 s give a 95 % interval of about ±7 %; 15 % is twice that' },
    compute: () => scenarioMetric(CORE_DNS_QUEUE, { warmup: s(2), duration: s(10), replications: 4 }, 'coredns_wait_mean_ms'),
  },
};

export const QUEUEING_CASES: readonly ValidationCase[] = [mm1, mmc, md1, backendPod, coreDnsReplica];

