import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeModel } from '../experiment/testing/fake-model.js';
import { SMALL_EXPERIMENT, temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { runCaptured, steppingClock } from './testing/captured-cli.js';

function folderWithExperiment(text = SMALL_EXPERIMENT): string {
  const folder = temporaryFolder();
  writeExperiment(folder, 'small.yaml', text);
  return folder;
}

describe('eastwest run', () => {
  it('writes the CSV, summary and meta under results/ and exits 0', async () => {
    const cwd = folderWithExperiment();
    const outcome = await runCaptured(['run', 'small.yaml'], { cwd });
    expect(outcome.status).toBe(0);
    expect(readdirSync(join(cwd, 'results')).sort()).toEqual(['small.csv', 'small.meta.json', 'small.summary.csv']);
    expect(outcome.stdout).toContain('Wrote results/small.csv');
    expect(outcome.stdout).toMatch(/\npoint {2}proxy\.mode {2}services {2}median/);
    expect(outcome.stdout).toMatch(/\n {4}6 {2}ebpf +10 +1ms +50 +2\.\d+\n/);
  });

  it('gives byte-identical CSV and summary on a second run', async () => {
    const cwd = folderWithExperiment();
    await runCaptured(['run', 'small.yaml', '--out', 'a/x.csv', '--quiet'], { cwd });
    await runCaptured(['run', 'small.yaml', '--out', 'b/x.csv', '--quiet'], { cwd });
    for (const file of ['x.csv', 'x.summary.csv']) {
      expect(readFileSync(join(cwd, 'b', file), 'utf8')).toBe(readFileSync(join(cwd, 'a', file), 'utf8'));
    }
  });

  it('records the command line and one worker in the meta', async () => {
    const cwd = folderWithExperiment();
    await runCaptured(['run', 'small.yaml', '--set', 'seed=3', '--quiet'], { cwd });
    const meta = JSON.parse(readFileSync(join(cwd, 'results/small.meta.json'), 'utf8'));
    expect(meta.commandLine).toEqual(['eastwest', 'run', 'small.yaml', '--set', 'seed=3', '--quiet']);
    expect(meta.workers).toBe(1);
    expect(meta.resolved.seed).toBe(3);
  });

  it('leaves no CSV at the output path, keeps the finished runs in the journal and exits 1 when a run throws, naming the run', async () => {
    const cwd = folderWithExperiment();
    const outcome = await runCaptured(['run', 'small.yaml'], { cwd, model: fakeModel({ failOnRunCall: 3 }) });
    expect(outcome.status).toBe(1);
    expect(outcome.stderr).toContain(
      'error: Run failed: point 1, replication 0 (run 2): fake model failure on run call 3\n' +
        `No result files were written; 2 finished runs are kept in ${join(cwd, 'results/small.csv.journal')}: rerun with --resume to do only the rest.\n`,
    );
    expect(readdirSync(join(cwd, 'results'))).toEqual(['small.csv.journal']);
  });

  it('removes the journal when a run fails before any run finished', async () => {
    const cwd = folderWithExperiment();
    const outcome = await runCaptured(['run', 'small.yaml'], { cwd, model: fakeModel({ failOnRunCall: 1 }) });
    expect(outcome.stderr).toContain('error: Run failed: point 0, replication 0 (run 0): fake model failure on run call 1\nNo result files were written.\n');
    expect(readdirSync(join(cwd, 'results'))).toEqual([]);
  });

  it('keeps an earlier result intact when a later run fails', async () => {
    const cwd = folderWithExperiment();
    await runCaptured(['run', 'small.yaml', '--quiet'], { cwd });
    const before = readFileSync(join(cwd, 'results/small.csv'), 'utf8');
    await runCaptured(['run', 'small.yaml', '--quiet'], { cwd, model: fakeModel({ failOnRunCall: 3 }) });
    expect(readFileSync(join(cwd, 'results/small.csv'), 'utf8')).toBe(before);
  });

  it('exits 2 before running when the output path cannot be written', async () => {
    const cwd = folderWithExperiment();
    writeFileSync(join(cwd, 'blocker'), '');
    const model = fakeModel();
    const outcome = await runCaptured(['run', 'small.yaml', '--out', 'blocker/x.csv'], { cwd, model });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toBe(`error: Cannot write the output \`${join(cwd, 'blocker/x.csv')}\`: a part of the path is a file, not a folder\n`);
    expect(model.builds).toHaveLength(0);
  });

  it('exits 2 naming the file, the path, what was expected and what was found', async () => {
    const cwd = folderWithExperiment(`${SMALL_EXPERIMENT}\n`.replace('requestsPerSecond: 50', 'requestsPerSecond: -5'));
    const outcome = await runCaptured(['run', 'small.yaml'], { cwd });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toBe('error: small.yaml: Expected `workload.requestsPerSecond` to be a number > 0, got `-5`\n');
    expect(existsSync(join(cwd, 'results'))).toBe(false);
  });

  it('exits 2 for a --set on a swept path', async () => {
    const outcome = await runCaptured(['run', 'small.yaml', '--set', 'proxy.mode=ipvs'], { cwd: folderWithExperiment() });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toContain('--set proxy.mode=ipvs: `proxy.mode` varies between points');
  });

  it('exits 2 for a --baseline whose value no point has, before running', async () => {
    const cwd = folderWithExperiment();
    const model = fakeModel();
    const outcome = await runCaptured(['run', 'small.yaml', '--baseline', 'proxy.mode=nftables'], { cwd, model });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toBe('error: --baseline proxy.mode=nftables: no point has `proxy.mode` = `nftables`; its values are `iptables`, `ipvs`, `ebpf`\n');
    expect(model.builds).toHaveLength(0);
  });

  it('exits 2 for a grid over the limit without --force', async () => {
    const cwd = folderWithExperiment(`${SMALL_EXPERIMENT}`.replace('replications: 2', 'replications: 2000'));
    const outcome = await runCaptured(['run', 'small.yaml'], { cwd });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toContain('the grid has 14,000 runs (7 points × 2000 replications)');
  });

  it('exits 2 for malformed YAML with the line and column', async () => {
    const cwd = folderWithExperiment('name: x\nsweep: [a\n');
    const outcome = await runCaptured(['run', 'small.yaml'], { cwd });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toMatch(/^error: small\.yaml:\d+:\d+: malformed YAML: /);
  });

  it('exits 2 for an unknown option, suggesting the one meant', async () => {
    const outcome = await runCaptured(['run', 'small.yaml', '--quite'], { cwd: folderWithExperiment() });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toBe('error: eastwest run: unknown option `--quite`; did you mean `--quiet`? (see `eastwest run --help`)\n');
  });

  it('exits 2 without a file', async () => {
    const outcome = await runCaptured(['run'], { cwd: temporaryFolder() });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toBe('error: eastwest run: Expected one experiment file (FILE.yaml), got `nothing` (see `eastwest run --help`)\n');
  });

  it('prints progress lines on a log and a summary table on stdout, neither with --quiet', async () => {
    const cwd = folderWithExperiment();
    const loud = await runCaptured(['run', 'small.yaml'], { cwd, clock: steppingClock(2_000) });
    expect(loud.stderr).toContain('eastwest: small: 14 runs on 1 worker\n');
    expect(loud.stderr).toMatch(/progress: 14\/14 runs \(100%\), \d+:\d\d elapsed\n/);
    const quiet = await runCaptured(['run', 'small.yaml', '--quiet'], { cwd, clock: steppingClock(2_000) });
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toBe('');
  });

  it("prints a model's warning once per point, with --quiet too", async () => {
    const cwd = folderWithExperiment(SMALL_EXPERIMENT.replace('requestsPerSecond: 50', 'requestsPerSecond: 500'));
    const outcome = await runCaptured(['run', 'small.yaml', '--quiet'], { cwd });
    const warnings = outcome.stderr.split('\n').filter((line) => line.startsWith('warning:'));
    expect(warnings).toHaveLength(7);
    expect(warnings[0]).toMatch(/^warning: point 0: station `backend` has offered load \d+\.\d\d >= 1$/);
  });
});

describe('eastwest validate', () => {
  it('prints the points, runs and grid and writes nothing', async () => {
    const cwd = folderWithExperiment();
    const outcome = await runCaptured(['validate', 'small.yaml'], { cwd });
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toContain('small.yaml is valid.');
    expect(outcome.stdout).toContain('points      7: a grid of 6 (proxy.mode 2 × cluster.services 3) and 1 case');
    expect(outcome.stdout).toContain('runs        14: 7 points × 2 replications');
    expect(outcome.stdout).toMatch(/\n {4}6 {2}cases\[0\] {2}ebpf +10 +1ms\n/);
    expect(readdirSync(cwd)).toEqual(['small.yaml']);
  });

  it('applies --set before checking', async () => {
    const outcome = await runCaptured(['validate', 'small.yaml', '--set', 'replications=5'], { cwd: folderWithExperiment() });
    expect(outcome.stdout).toContain('runs        35: 7 points × 5 replications');
  });

  it('exits 2 on an unknown key with a suggestion', async () => {
    const outcome = await runCaptured(['validate', 'small.yaml'], { cwd: folderWithExperiment('name: x\nduration: 1s\nreplication: 3\n') });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toContain('small.yaml: Unknown top-level key `replication`; did you mean `replications`?');
  });
});

describe('eastwest describe', () => {
  it('lists every parameter with unit, default, range, meaning and source', async () => {
    const outcome = await runCaptured(['describe'], { cwd: temporaryFolder() });
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toContain(
      'cluster.services  (Services)\n  ClusterIP Services in the cluster.\n  default 10; range from 1 to 100000\n  source: assumption\n',
    );
    expect(outcome.stdout).toContain('default { dist: lognormal, median: 2ms, p99: 20ms }');
  });

  it('lists every metric with --metrics', async () => {
    const outcome = await runCaptured(['describe', '--metrics'], { cwd: temporaryFolder() });
    expect(outcome.stdout).toContain('request_latency_p50_ms  (ms; first scenario)\n  Median request latency.\n  window: requests started in the measured window\n');
  });
});

describe('eastwest', () => {
  it.each([['--help'], ['run', '--help'], ['validate', '--help'], ['describe', '--help'], ['merge', '--help'], ['import-cluster', '--help']])('prints help for %s and exits 0', async (...args) => {
    const outcome = await runCaptured(args, { cwd: temporaryFolder() });
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toMatch(/^(eastwest: |Usage: eastwest )/);
  });

  it('prints the version', async () => {
    const outcome = await runCaptured(['--version'], { cwd: temporaryFolder() });
    expect(outcome.stdout).toMatch(/^eastwest \d+\.\d+\.\d+/);
  });

  it('exits 2 for an unknown command, suggesting the one meant', async () => {
    const outcome = await runCaptured(['rn'], { cwd: temporaryFolder() });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toContain('unknown command `rn`; did you mean `run`?');
  });

  it('prints usage on stderr and exits 2 without a command', async () => {
    const outcome = await runCaptured([], { cwd: temporaryFolder() });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toContain('Usage:');
  });
});
