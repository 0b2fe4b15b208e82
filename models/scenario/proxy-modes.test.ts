import { describe, expect, it } from 'vitest';
import type { RunSettings } from '../../src/contract/scenario-model.js';
import { scenarioValues } from '../../src/contract/scenario-values.js';
import { s } from '../../src/engine/index.js';
import { linearRegression, rSquared } from 'simple-statistics';
import { scenarioModel } from '../index.js';
import { constant, runScenario } from './testing/run-scenario.js';

const SETTINGS: RunSettings = { seed: 1, replication: 0, warmup: s(1), duration: s(4) };
const PARAMETERS = scenarioModel.parameters;

function metricsOf(overrides: Record<string, unknown>, settings: RunSettings = SETTINGS) {
  return runScenario(overrides, settings);
}

/** First-packet p50 (µs) at each Service count, every request dialling, constant round trips. */
function firstPacketCurve(mode: Record<string, unknown>, servicesList: number[]): number[] {
  return servicesList.map(
    (services) =>
      metricsOf({
        ...mode,
        'cluster.services': services,
        'workload.requestsPerConnection': 1,
        'workload.requestsPerSecond': 1_000,
        'network.sameNodeRtt': constant('40us'),
        'network.crossNodeRtt': constant('40us'),
      }).metrics.first_packet_p50_us as number,
  );
}

const SERVICE_COUNTS = [1_000, 5_000, 10_000, 30_000];

describe('proxy modes as the Service count grows', () => {
  it('iptables first-packet p50 grows linearly with Services: half a chain on the client node, a whole one on the endpoint\'s', () => {
    const curve = firstPacketCurve({ 'proxy.mode': 'iptables' }, SERVICE_COUNTS);
    const points = SERVICE_COUNTS.map((services, i) => [services, curve[i]]);
    const fit = linearRegression(points);
    expect(rSquared(points, (x) => fit.m * x + fit.b)).toBeGreaterThan(0.999);
    // Expected slope: 6 ns × (1/2 + 1) per Service with 100 nodes (99 % of connections remote).
    const expectedUsPerService = (6 * 1.5 * 0.99) / 1000;
    expect(Math.abs(fit.m - expectedUsPerService) / expectedUsPerService).toBeLessThan(0.05);
  });

  it('nftables and eBPF first-packet p50 stay flat from 1k to 30k Services', () => {
    for (const mode of ['nftables', 'ebpf']) {
      const curve = firstPacketCurve({ 'proxy.mode': mode, 'proxy.ebpf.lbMapMax': 1_000_000 }, SERVICE_COUNTS);
      expect(Math.max(...curve) - Math.min(...curve)).toBeLessThan(0.01);
    }
  });

  it('IPVS first-packet p50 grows by the hash-chain walk only (≈ S/512 entries × 100 ns)', () => {
    const curve = firstPacketCurve({ 'proxy.mode': 'ipvs' }, SERVICE_COUNTS);
    const walkGrowthUs = ((30_000 - 1_000) / 512) * 0.1;
    const growth = curve[3] - curve[0];
    expect(Math.abs(growth - walkGrowthUs)).toBeLessThan(0.3 * walkGrowthUs);
    // The fixed part: 8 µs above the 40 µs round trip.
    expect(curve[0]).toBeGreaterThan(48);
    expect(curve[0]).toBeLessThan(48.5);
  });

  it('counts rules on all nodes a connection crosses: about 1.5 S for iptables, a handful for the others', () => {
    const rules = (mode: string) =>
      metricsOf({ 'proxy.mode': mode, 'cluster.services': 10_000, 'workload.requestsPerConnection': 1 }).metrics
        .rules_per_new_connection as number;
    const iptables = rules('iptables');
    expect(iptables).toBeGreaterThan(0.95 * 1.5 * 10_000);
    expect(iptables).toBeLessThan(1.05 * 1.5 * 10_000);
    expect(rules('nftables')).toBe(4);
    expect(rules('ebpf')).toBe(2);
    expect(rules('ipvs')).toBeLessThan(30);
  });
});

describe('conntrack and the eBPF map', () => {
  it('fills a small conntrack table and drops and fails the connections that find it full', () => {
    const { metrics } = metricsOf({
      'proxy.mode': 'nftables',
      'cluster.nodes': 2,
      'cluster.nodeCores': 1,
      'proxy.conntrack.maxPerCore': 0,
      'proxy.conntrack.min': 500,
      'workload.requestsPerConnection': 1,
      'workload.requestsPerSecond': 1_000,
      'workload.connectTimeout': '1s',
    });
    // Each node sees ~1,000 new entries a second, each lingering 120 s after close: the
    // 500-entry tables fill within the first second and stay full.
    expect(metrics.conntrack_drops).toBeGreaterThan(3_000);
    expect(metrics.request_error_ratio).toBeGreaterThan(0.9);
  });

  it('does not fill conntrack at the default size', () => {
    const { metrics } = metricsOf({ 'proxy.mode': 'nftables', 'workload.requestsPerConnection': 1 });
    expect(metrics.conntrack_drops).toBe(0);
    expect(metrics.request_error_ratio).toBe(0);
  });

  it('fails exactly the requests to Services that did not fit in a small eBPF map', () => {
    const services = 1_000;
    const observed = { failedToUnprogrammed: 0, failedOther: 0, completedToUnprogrammed: 0 };
    // 2,750 entries / (1 + 10) = 250 Services fit: numbers 0..249.
    const overrides = { 'proxy.mode': 'ebpf', 'proxy.ebpf.lbMapMax': 2_750, 'cluster.services': services, 'workload.connectTimeout': '1s' };
    const result = runScenario(overrides, SETTINGS, {
      completed: (request) => void (request.service >= 250 && observed.completedToUnprogrammed++),
      failed: (request) => void (request.service >= 250 ? observed.failedToUnprogrammed++ : observed.failedOther++),
    });
    expect(observed.completedToUnprogrammed).toBe(0);
    expect(observed.failedOther).toBe(0);
    expect(observed.failedToUnprogrammed).toBeGreaterThan(100);
    expect(result.warnings.join('\n')).toContain('750 of 1000 Services did not fit in the eBPF LB map');
  });
});

describe('connection reuse hides the proxy mode', () => {
  it('with a few busy pairs and 100 requests per connection, iptables and nftables p50 differ by under 2 % at 30k Services', () => {
    const busyPairs = {
      'cluster.services': 30_000,
      'workload.zipfExponent': 5, // ~3 Services take all the traffic: every pair is busy
      'workload.clientPods': 10,
      'workload.requestsPerConnection': 100,
      'workload.maxIdlePerService': 100,
    };
    const settings = { ...SETTINGS, duration: s(20) };
    const iptables = metricsOf({ ...busyPairs, 'proxy.mode': 'iptables' }, settings).metrics;
    const nftables = metricsOf({ ...busyPairs, 'proxy.mode': 'nftables' }, settings).metrics;
    // 1/100, plus the first dial of the few rarely called pairs.
    expect(iptables.new_connection_ratio).toBeGreaterThan(0.0095);
    expect(iptables.new_connection_ratio).toBeLessThan(0.0115);
    const p50 = (m: typeof iptables) => m.request_latency_p50_ms as number;
    expect(Math.abs(p50(iptables) - p50(nftables)) / p50(nftables)).toBeLessThan(0.02);
  });
});

describe('lookup jitter', () => {
  it('slows a first packet\'s lookups by its round trip over the median, and leaves a zero round trip alone', () => {
    const runWith = (rtt: unknown, jitter: string) =>
      metricsOf({ 'proxy.mode': 'nftables', 'workload.requestsPerConnection': 1, 'network.sameNodeRtt': rtt, 'network.crossNodeRtt': rtt, 'proxy.lookupJitter': jitter }).metrics;
    const skewed = { dist: 'lognormal', median: '20us', p99: '80us' };
    // With jitter the p99 first packet pays its lookup scaled like its round trip: (1 + 1 µs/20 µs) × p99.
    const fixed = runWith(skewed, 'none');
    const jittered = runWith(skewed, 'roundTrip');
    expect(jittered.first_packet_p50_us as number).toBeCloseTo(fixed.first_packet_p50_us as number, 0);
    expect(jittered.first_packet_p99_us as number).toBeGreaterThan((fixed.first_packet_p99_us as number) + 2);
    expect(runWith(constant('0s'), 'roundTrip').first_packet_p50_us).toBeCloseTo(1, 1); // the 1 µs lookup alone
  });
});

describe('bad proxy parameters', () => {
  it('rejects an unknown mode, a negative cost and an unknown scheduler with the usual messages', () => {
    expect(() => scenarioValues(PARAMETERS, { 'proxy.mode': 'userspace' })).toThrow(
      'Expected `proxy.mode` to be one of iptables, ipvs, nftables, ebpf, got `userspace`',
    );
    expect(() => scenarioValues(PARAMETERS, { 'proxy.iptables.ruleCost': '-5ns' })).toThrow(
      'Expected `proxy.iptables.ruleCost` to be a duration with a unit (ns, us, ms, s, m, h) from 0s to 1s, got `-5ns`',
    );
    expect(() => scenarioValues(PARAMETERS, { 'proxy.ipvs.scheduler': 'wrr' })).toThrow(
      'Expected `proxy.ipvs.scheduler` to be one of rr, lc, sh, got `wrr`',
    );
  });
});
