import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sealedMetaText } from '../experiment/output/file-checksums.js';
import { SMALL_EXPERIMENT, temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { runCaptured } from './testing/captured-cli.js';

const read = (cwd: string, file: string): string => readFileSync(join(cwd, file), 'utf8');
const PARTS = ['x.part-1-of-3.csv', 'x.part-2-of-3.csv', 'x.part-3-of-3.csv'].map((file) => `parts/${file}`);

/** small.yaml run whole into whole/x.csv and as three shards into parts/. */
async function shardedFolder(): Promise<string> {
  const cwd = temporaryFolder();
  writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
  await runCaptured(['run', 'small.yaml', '--out', 'whole/x.csv', '--quiet'], { cwd });
  for (const shard of ['1/3', '2/3', '3/3']) {
    const outcome = await runCaptured(['run', 'small.yaml', '--shard', shard, '--out', 'parts/x.csv', '--quiet'], { cwd });
    expect(outcome.status).toBe(0);
  }
  return cwd;
}

describe('eastwest run --shard and --shards', () => {
  it('writes a part CSV and its meta per shard, no summary, each with the runs whose index is K-1 modulo N', async () => {
    const cwd = await shardedFolder();
    expect(readdirSync(join(cwd, 'parts')).sort()).toEqual([
      'x.part-1-of-3.csv', 'x.part-1-of-3.meta.json', 'x.part-2-of-3.csv', 'x.part-2-of-3.meta.json', 'x.part-3-of-3.csv', 'x.part-3-of-3.meta.json',
    ]);
    const runsOfShard2 = JSON.parse(read(cwd, 'parts/x.part-2-of-3.meta.json')).wallTime.perRun.map((run: { run: number }) => run.run);
    expect(runsOfShard2).toEqual([1, 4, 7, 10, 13]);
    expect(read(cwd, 'parts/x.part-2-of-3.csv').split('\n')[1]).toMatch(/^small,0,1,7,/);
  });

  it('gives the same parts with --shards 3 and JOB_COMPLETION_INDEX 0 to 2 as with --shard 1/3 to 3/3', async () => {
    const cwd = await shardedFolder();
    for (const index of ['0', '1', '2']) {
      const env = { JOB_COMPLETION_INDEX: index };
      await runCaptured(['run', 'small.yaml', '--shards', '3', '--out', 'job/x.csv', '--quiet'], { cwd, env });
      const file = `x.part-${Number(index) + 1}-of-3.csv`;
      expect(read(cwd, `job/${file}`)).toBe(read(cwd, `parts/${file}`));
    }
  });

  it('exits 2 when --shards has no JOB_COMPLETION_INDEX, or one out of range', async () => {
    const cwd = temporaryFolder();
    writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
    const missing = await runCaptured(['run', 'small.yaml', '--shards', '3'], { cwd });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(
      'error: --shards 3: Expected the environment variable JOB_COMPLETION_INDEX (set by a Kubernetes Indexed Job) ' +
        'to be an integer from 0 to 2, but it is not set; outside a Job use `--shard K/N`\n',
    );
    const outOfRange = await runCaptured(['run', 'small.yaml', '--shards', '3'], { cwd, env: { JOB_COMPLETION_INDEX: '3' } });
    expect(outOfRange.stderr).toContain('to be an integer from 0 to 2, but got `3`');
  });

  it('exits 2 for --baseline on a shard, which writes no summary', async () => {
    const cwd = temporaryFolder();
    writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
    const outcome = await runCaptured(['run', 'small.yaml', '--shard', '1/3', '--baseline', 'proxy.mode=ipvs'], { cwd });
    expect(outcome.stderr).toBe('error: eastwest run: a shard writes no summary, so `--baseline` has nothing to do there; give it to `eastwest merge`\n');
  });

  it('exits 2 for a --shard outside 1..N', async () => {
    const cwd = temporaryFolder();
    writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
    const outcome = await runCaptured(['run', 'small.yaml', '--shard', '4/3'], { cwd });
    expect(outcome.stderr).toBe('error: --shard 4/3: Expected `--shard K/N` with K from 1 to N (e.g. `2/3`), got `4/3`\n');
  });
});

describe('eastwest merge', () => {
  it('writes the CSV and summary of the single run, byte for byte, with a meta that gathers the parts', async () => {
    const cwd = await shardedFolder();
    const outcome = await runCaptured(['merge', ...PARTS, '--out', 'merged/x.csv'], { cwd });
    expect(outcome.status).toBe(0);
    expect(read(cwd, 'merged/x.csv')).toBe(read(cwd, 'whole/x.csv'));
    expect(read(cwd, 'merged/x.summary.csv')).toBe(read(cwd, 'whole/x.summary.csv'));
    const meta = JSON.parse(read(cwd, 'merged/x.meta.json'));
    expect(meta.parts.map((part: { file: string; shard: number }) => [part.file, part.shard])).toEqual(PARTS.map((file, i) => [file, i + 1]));
    expect(meta).toMatchObject({ experiment: 'small', runs: 14, commandLine: ['eastwest', 'merge', ...PARTS, '--out', 'merged/x.csv'] });
    expect(meta.wallTime.perRun).toHaveLength(14);
    expect(outcome.stdout).toContain('Wrote merged/x.csv');
  });

  it('adds paired differences with --baseline, as run --baseline does', async () => {
    const cwd = await shardedFolder();
    await runCaptured(['run', 'small.yaml', '--baseline', 'proxy.mode=iptables', '--out', 'whole-baseline/x.csv', '--quiet'], { cwd });
    const outcome = await runCaptured(['merge', ...PARTS, '--baseline', 'proxy.mode=iptables', '--out', 'merged/x.csv', '--quiet'], { cwd });
    expect(outcome.status).toBe(0);
    expect(read(cwd, 'merged/x.summary.csv')).toBe(read(cwd, 'whole-baseline/x.summary.csv'));
    expect(read(cwd, 'merged/x.summary.csv').split('\n')[0]).toContain(',request_latency_p50_ms_diff,request_latency_p50_ms_diff_ci95,');
  });

  it('refuses a missing part, naming it', async () => {
    const cwd = await shardedFolder();
    const outcome = await runCaptured(['merge', PARTS[0], PARTS[2], '--out', 'merged/x.csv'], { cwd });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toBe('error: Shard 2 of 3 is missing (expected parts/x.part-2-of-3.csv); a merge needs every part\n');
  });

  it('refuses a part given twice, naming both', async () => {
    const cwd = await shardedFolder();
    copyFileSync(join(cwd, PARTS[1]), join(cwd, 'parts/copy.part-2-of-3.csv'));
    copyFileSync(join(cwd, 'parts/x.part-2-of-3.meta.json'), join(cwd, 'parts/copy.part-2-of-3.meta.json'));
    const outcome = await runCaptured(['merge', ...PARTS, 'parts/copy.part-2-of-3.csv', '--out', 'merged/x.csv'], { cwd });
    expect(outcome.stderr).toBe('error: Shard 2 of 3 is given twice: parts/x.part-2-of-3.csv and parts/copy.part-2-of-3.csv; give each part once\n');
  });

  it('refuses a part of another experiment, naming it', async () => {
    const cwd = await shardedFolder();
    writeExperiment(cwd, 'other.yaml', SMALL_EXPERIMENT.replace('seed: 7', 'seed: 8'));
    await runCaptured(['run', 'other.yaml', '--shard', '2/3', '--out', 'other/x.csv', '--quiet'], { cwd });
    const outcome = await runCaptured(['merge', PARTS[0], 'other/x.part-2-of-3.csv', PARTS[2], '--out', 'merged/x.csv'], { cwd });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toMatch(
      /^error: other\/x\.part-2-of-3\.csv is from experiment `small` \(hash [0-9a-f]{12}…\), but parts\/x\.part-1-of-3\.csv is from experiment `small` \(hash [0-9a-f]{12}…\); merge only parts of one experiment/,
    );
  });

  it('refuses parts of different code versions', async () => {
    const cwd = await shardedFolder();
    const metaPath = join(cwd, 'parts/x.part-3-of-3.meta.json');
    // Sealed again, as a part another eastwest wrote would be.
    const { checksums, ...meta } = JSON.parse(read(cwd, 'parts/x.part-3-of-3.meta.json'));
    const { meta: _own, ...files } = checksums;
    writeFileSync(metaPath, sealedMetaText({ ...meta, codeVersion: '9.9.9', checksums: files }));
    const outcome = await runCaptured(['merge', ...PARTS, '--out', 'merged/x.csv'], { cwd });
    expect(outcome.stderr).toMatch(/^error: parts\/x\.part-3-of-3\.csv was written by eastwest 9\.9\.9, but parts\/x\.part-1-of-3\.csv by eastwest \S+; merge only parts of one code version/);
  });

  it('refuses a part whose rows were edited', async () => {
    const cwd = await shardedFolder();
    writeFileSync(join(cwd, PARTS[0]), read(cwd, PARTS[0]).replace(/\n[^\n]*\n$/, '\n'));
    const outcome = await runCaptured(['merge', ...PARTS, '--out', 'merged/x.csv'], { cwd });
    expect(outcome.stderr).toBe(
      'error: parts/x.part-1-of-3.csv: Expected the 5 runs of shard 1 of 3 as eastwest wrote them, got 4 rows that differ from them (edited, cut short, or from another run)\n',
    );
  });

  it('refuses a file that is not a part, and a part without its meta', async () => {
    const cwd = await shardedFolder();
    const whole = await runCaptured(['merge', 'whole/x.csv', '--out', 'merged/x.csv'], { cwd });
    expect(whole.stderr).toBe('error: whole/x.csv: Expected a shard\'s part, named `X.part-K-of-N.csv` as `eastwest run --shard` writes it, got `whole/x.csv`\n');
    copyFileSync(join(cwd, PARTS[0]), join(cwd, 'lone.part-1-of-3.csv'));
    const lone = await runCaptured(['merge', 'lone.part-1-of-3.csv', '--out', 'merged/x.csv'], { cwd });
    expect(lone.stderr).toBe('error: lone.part-1-of-3.meta.json: cannot read the meta of lone.part-1-of-3.csv (merge needs both files of every part) (no such file)\n');
  });

  it('exits 2 without --out', async () => {
    const outcome = await runCaptured(['merge', 'a.part-1-of-1.csv'], { cwd: temporaryFolder() });
    expect(outcome.stderr).toBe('error: eastwest merge: Expected `--out PATH` (the merged CSV, e.g. `results/x.csv`), got nothing (see `eastwest merge --help`)\n');
  });
});
