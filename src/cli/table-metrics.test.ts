import { describe, expect, it } from 'vitest';
import { scenarioModel } from '../../models/index.js';
import { FAKE_METRICS, FAKE_PARAMETERS } from '../experiment/testing/fake-model.js';
import { defaultTableMetrics } from './table-metrics.js';

const names = (columns: readonly string[]): string[] => defaultTableMetrics(columns, scenarioModel.parameters, scenarioModel.metrics).map((metric) => metric.name);

describe('defaultTableMetrics with the real scenario', () => {
  it('leads with DNS metrics when the experiment sweeps DNS parameters', () => {
    expect(names(['dns.ndots', 'workload.nameForm', 'dns.nodeLocalCache']).slice(0, 3)).toEqual([
      'dns_queries_per_lookup', 'dns_latency_p50_ms', 'request_latency_p50_ms',
    ]);
  });

  it('leads with first-packet latency when proxy.mode is swept first, however many other parameters are', () => {
    expect(names(['proxy.mode', 'cluster.services', 'workload.requestsPerConnection', 'dns.ndots'])[0]).toBe('first_packet_p50_us');
  });

  it('puts the models of all swept parameters ahead of the others, in column order', () => {
    const shown = names(['proxy.mode', 'proxy.minSyncPeriod', 'churn.preStopDelay']);
    expect(shown.slice(0, 3)).toEqual(['first_packet_p50_us', 'proxy_latency_share_ratio', 'stale_endpoint_errors']);
    expect(shown.indexOf('stale_endpoint_errors')).toBeLessThan(shown.indexOf('request_latency_p50_ms'));
  });

  it('finds the model of a swept field of a parameter (a distribution field, a class field)', () => {
    expect(names(['churn.podStartupTime.max'])[0]).toBe('stale_endpoint_errors');
    expect(names(['cluster.serviceClasses.1.count', 'dns.ndots'])[0]).toBe('dns_queries_per_lookup');
  });

  it('keeps the model order of the headline metrics when the swept parameters have no metrics of their own (the quickstart)', () => {
    expect(names(['cluster.services', 'workload.requestsPerConnection']).slice(0, 4)).toEqual([
      'request_latency_p50_ms', 'request_error_ratio', 'new_connection_ratio', 'first_packet_p50_us',
    ]);
  });

  it('shows only headline metrics', () => {
    const headlines = scenarioModel.metrics.filter((metric) => metric.headline === true).map((metric) => metric.name);
    expect(names(['dns.ndots']).sort()).toEqual([...headlines].sort());
  });
});

describe('defaultTableMetrics with a scenario that marks no headline', () => {
  it('shows the metrics that are not plain counts, in model order', () => {
    const shown = defaultTableMetrics(['proxy.mode'], FAKE_PARAMETERS, FAKE_METRICS).map((metric) => metric.name);
    expect(shown).toEqual(['throughput_per_s', 'request_latency_p50_ms', 'nodelocal_cache_hit_ratio']);
  });
});
