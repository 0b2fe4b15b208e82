import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioModel } from '../../models/index.js';
import { parseCsv } from '../experiment/output/csv-rows.js';
import { temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { runCaptured } from './testing/captured-cli.js';

/**
 * Two proxy-cost settings of the same scenario, on the real model (issue 4): replication r of
 * both points sees the same arrivals, clients, Services and endpoints (common random numbers),
 * so their latencies move together and the paired difference is far less noisy than the two
 * means apart. Every request dials, so every request pays the iptables walk. Lookups cost
 * exactly their rules here (`lookupJitter: none`): with jitter each request's extra cost is
 * scaled by its own round trip, so the effect itself varies from request to request — a real
 * spread, not noise of the draws — and the paired interval narrows only by half (measured).
 */
const TWO_COSTS = `
name: crn
seed: 1
replications: 5
duration: 2s
warmup: 200ms
scenario:
  cluster: { nodes: 4, services: 10000 }
  workload: { requestsPerSecond: 1000, clientPods: 20, requestsPerConnection: 1 }
  proxy: { mode: iptables, lookupJitter: none }
sweep:
  proxy.iptables.ruleCost: [6ns, 12ns]
`;

describe('eastwest run --baseline on the real model', () => {
  it('gives a paired-difference CI narrower than the unpaired CI built from the two points', async () => {
    const cwd = temporaryFolder();
    writeExperiment(cwd, 'crn.yaml', TWO_COSTS);
    const modelSource = { moduleUrl: new URL('../../models/index.ts', import.meta.url).href, exportName: 'scenarioModel' };
    const outcome = await runCaptured(['run', 'crn.yaml', '--baseline', 'proxy.iptables.ruleCost=6ns', '--quiet'], { cwd, model: scenarioModel, modelSource });
    expect(outcome.status).toBe(0);
    const [header, base, slower] = parseCsv(readFileSync(join(cwd, 'results/crn.summary.csv'), 'utf8'));
    const cell = (row: string[], name: string): number => Number(row[header.indexOf(name)]);
    const metric = 'request_latency_p50_ms';
    // Half-width of the difference of two independent means of equal n: √(ci₀² + ci₁²).
    const unpaired = Math.hypot(cell(base, `${metric}_ci95`), cell(slower, `${metric}_ci95`));
    const paired = cell(slower, `${metric}_diff_ci95`);
    expect(cell(slower, `${metric}_diff`)).toBeCloseTo(cell(slower, `${metric}_mean`) - cell(base, `${metric}_mean`), 9);
    expect(paired).toBeGreaterThan(0);
    expect(paired).toBeLessThan(unpaired / 3);
  });
});
