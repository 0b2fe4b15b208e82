import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeModel } from '../experiment/testing/fake-model.js';
import { temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { parseSvg } from '../report/testing/svg-structure.js';
import { runCaptured } from './testing/captured-cli.js';

/** 2 × 2 points, 2 replications, a few simulated seconds: a report in well under a second. */
const TINY = `
name: tiny
description: Does the mode matter as Services grow?
seed: 3
replications: 2
duration: 2s
warmup: 1s
scenario:
  workload: { requestsPerSecond: 50 }
sweep:
  cluster.services: [10, 1000]
  proxy.mode: [iptables, ipvs]
`;

const read = (cwd: string, file: string): string => readFileSync(join(cwd, file), 'utf8');

function folder(): string {
  const cwd = temporaryFolder();
  writeExperiment(cwd, 'tiny.yaml', TINY);
  return cwd;
}

describe('eastwest report', () => {
  it('runs the experiment into results/<name>/, then writes a chart per headline metric with numbers and index.md', async () => {
    const cwd = folder();
    const outcome = await runCaptured(['report', 'tiny.yaml', '--quiet'], { cwd });
    expect(outcome.stderr).toContain('running tiny into results/tiny: there is no results/tiny/tiny.meta.json');
    expect(outcome.status).toBe(0);
    // The fake model marks no headline metric: its non-count ones are charted; the NodeLocal hit ratio has no samples here.
    expect(readdirSync(join(cwd, 'results/tiny')).sort()).toEqual(
      ['index.md', 'request_latency_p50_ms.svg', 'throughput_per_s.svg', 'tiny.csv', 'tiny.meta.json', 'tiny.summary.csv'].sort(),
    );
    for (const chart of ['request_latency_p50_ms.svg', 'throughput_per_s.svg']) expect(() => parseSvg(read(cwd, `results/tiny/${chart}`))).not.toThrow();
    const index = read(cwd, 'results/tiny/index.md');
    expect(index).toContain('# tiny\n\nDoes the mode matter as Services grow?\n');
    expect(index).toContain('- 4 points × 2 replications = 8 runs, seed 3; each run 1s of warm-up, then 2s measured.');
    expect(index).toContain('| `cluster.services` | 10, 1000 |\n| `proxy.mode` | iptables, ipvs |');
    expect(index).toContain('| `workload.requestsPerSecond` | `50` | `100` |');
    expect(index).toContain('![request_latency_p50_ms](request_latency_p50_ms.svg)');
    expect(index).toMatch(/\| 3 \| 1000 \| ipvs \| [\d.]+ ± [\d.]+ \| [\d.]+ ± [\d.]+ \|/);
    expect(index).toContain('No samples in this experiment: `nodelocal_cache_hit_ratio`.');
    expect(index).not.toMatch(/20\d\d-\d\d-\d\dT/); // no wall-clock time
  });

  it('renders results already there without running them again, byte for byte, and refuses an edited CSV (exit 2)', async () => {
    const cwd = folder();
    const model = fakeModel();
    await runCaptured(['report', 'tiny.yaml', '--quiet'], { cwd, model });
    const builds = model.builds.length;
    const index = read(cwd, 'results/tiny/index.md');
    const again = await runCaptured(['report', 'tiny.yaml'], { cwd, model });
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('results/tiny holds the results of this experiment');
    expect(again.stderr).toContain('rendered the report from them without running');
    expect(again.stdout).toContain('Wrote results/tiny/index.md\n');
    expect(model.builds.length).toBe(builds);
    expect(read(cwd, 'results/tiny/index.md')).toBe(index);

    const summary = read(cwd, 'results/tiny/tiny.summary.csv');
    writeFileSync(join(cwd, 'results/tiny/tiny.summary.csv'), summary.replace(/,2,(\d)/, ',2,9$1'));
    for (const args of [['report', 'tiny.yaml'], ['report', 'tiny.yaml', '--no-run']]) {
      const tampered = await runCaptured(args, { cwd, model });
      expect(tampered.status).toBe(2);
      expect(tampered.stderr).toContain('results/tiny/tiny.summary.csv: its SHA-256 is not the one results/tiny/tiny.meta.json records');
    }
    expect(model.builds.length).toBe(builds);
    expect(readdirSync(join(cwd, 'results/tiny')).filter((name) => name.endsWith('.tmp') || name.endsWith('.lock'))).toEqual([]);

    writeFileSync(join(cwd, 'results/tiny/tiny.summary.csv'), summary);
    const meta = read(cwd, 'results/tiny/tiny.meta.json');
    writeFileSync(join(cwd, 'results/tiny/tiny.meta.json'), meta.replace('"baseline": null', '"baseline": "proxy.mode=ipvs"'));
    const edited = await runCaptured(['report', 'tiny.yaml', '--no-run'], { cwd, model });
    expect(edited.status).toBe(2);
    expect(edited.stderr).toContain('results/tiny/tiny.meta.json: it says baseline proxy.mode=ipvs, but tiny.summary.csv has no difference columns: the meta was edited');
  });

  it('renders results moved into the folder from where `run` wrote them', async () => {
    const cwd = folder();
    await runCaptured(['run', 'tiny.yaml', '--quiet'], { cwd });
    mkdirSync(join(cwd, 'results/tiny'));
    for (const name of ['tiny.csv', 'tiny.summary.csv', 'tiny.meta.json']) cpSync(join(cwd, 'results', name), join(cwd, 'results/tiny', name));
    const outcome = await runCaptured(['report', 'tiny.yaml', '--no-run', '--quiet'], { cwd });
    expect(outcome.status).toBe(0);
    expect(existsSync(join(cwd, 'results/tiny/index.md'))).toBe(true);
  });

  it('with --no-run, exits 2 saying why when there is nothing to render; runs again for another --baseline', async () => {
    const cwd = folder();
    const nothing = await runCaptured(['report', 'tiny.yaml', '--no-run'], { cwd });
    expect(nothing.status).toBe(2);
    expect(nothing.stderr).toContain('--no-run: results/tiny holds no results of this experiment to render: there is no results/tiny/tiny.meta.json');
    await runCaptured(['report', 'tiny.yaml', '--quiet'], { cwd });
    const baseline = await runCaptured(['report', 'tiny.yaml', '--baseline', 'proxy.mode=iptables', '--quiet'], { cwd });
    expect(baseline.status).toBe(0);
    expect(baseline.stderr).toContain('running tiny into results/tiny: its summary has no baseline, not --baseline proxy.mode=iptables');
    const index = read(cwd, 'results/tiny/index.md');
    expect(index).toContain('- Baseline `proxy.mode=iptables`');
    expect(index).toContain('Paired difference from the baseline point');
    expect(index).toMatch(/\| 0 \| 10 \| iptables \| 0 ± 0 \|/);
  });

  it('removes a chart of the earlier results that the new report does not draw', async () => {
    const cwd = folder();
    await runCaptured(['report', 'tiny.yaml', '--quiet', '--set', 'dns.nodeLocalCache=true'], { cwd });
    expect(existsSync(join(cwd, 'results/tiny/nodelocal_cache_hit_ratio.svg'))).toBe(true);
    writeFileSync(join(cwd, 'results/tiny/mine.svg'), '<svg/>');
    await runCaptured(['report', 'tiny.yaml', '--quiet'], { cwd });
    expect(existsSync(join(cwd, 'results/tiny/nodelocal_cache_hit_ratio.svg'))).toBe(false);
    expect(existsSync(join(cwd, 'results/tiny/request_latency_p50_ms.svg'))).toBe(true);
    expect(existsSync(join(cwd, 'results/tiny/mine.svg'))).toBe(true);
  });

  it('leaves an index.md it did not write unless --overwrite', async () => {
    const cwd = folder();
    mkdirSync(join(cwd, 'results/tiny'), { recursive: true });
    writeFileSync(join(cwd, 'results/tiny/index.md'), '# my notes\n');
    const refused = await runCaptured(['report', 'tiny.yaml', '--quiet'], { cwd });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('Cannot write `results/tiny/index.md`: a file is there that eastwest did not write; pass --overwrite');
    expect(read(cwd, 'results/tiny/index.md')).toBe('# my notes\n');
    expect(existsSync(join(cwd, 'results/tiny/tiny.csv'))).toBe(false); // refused before any run
    expect((await runCaptured(['report', 'tiny.yaml', '--quiet', '--overwrite'], { cwd })).status).toBe(0);
  });
});

describe('eastwest run --report', () => {
  it('writes the results and the report into results/<name>/, and is refused with --only', async () => {
    const cwd = folder();
    const outcome = await runCaptured(['run', 'tiny.yaml', '--report', '--quiet'], { cwd });
    expect(outcome.status).toBe(0);
    expect(existsSync(join(cwd, 'results/tiny/tiny.csv'))).toBe(true);
    expect(read(cwd, 'results/tiny/index.md')).toContain('# tiny');
    const only = await runCaptured(['run', 'tiny.yaml', '--report', '--only', '1'], { cwd });
    expect(only.status).toBe(2);
    expect(only.stderr).toContain('`--report` charts the complete results of an experiment');
  });
});
