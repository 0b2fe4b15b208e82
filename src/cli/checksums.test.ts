import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sealedMetaText } from '../experiment/output/file-checksums.js';
import { fakeModel } from '../experiment/testing/fake-model.js';
import { SMALL_EXPERIMENT, temporaryFolder, writeExperiment } from '../experiment/testing/experiment-fixtures.js';
import { runCaptured } from './testing/captured-cli.js';

const read = (cwd: string, file: string): string => readFileSync(join(cwd, file), 'utf8');

/** Replaces line `n` (from 1) of a file with `edit` of it, checking the edit changed something. */
function editLine(path: string, n: number, edit: (line: string) => string): void {
  const lines = readFileSync(path, 'utf8').split('\n');
  const edited = edit(lines[n - 1]);
  expect(edited).not.toBe(lines[n - 1]);
  lines[n - 1] = edited;
  writeFileSync(path, lines.join('\n'));
}

/** The edits a hand or bit rot makes to a journal record, each keeping it valid JSON (metrics of the fake model). */
const JOURNAL_EDITS: readonly [string, (line: string) => string][] = [
  ['a metric edited 488 -> 489', (line) => line.replace('"requests_completed":488', '"requests_completed":489')],
  ['a digit flipped', (line) => line.replace('"request_latency_p50_ms":3.7', '"request_latency_p50_ms":3.8')],
  ['two metrics swapped', (line) => line.replace(/"requests_completed":(\d+),"throughput_per_s":([\d.]+)/, '"requests_completed":$2,"throughput_per_s":$1')],
  ['a value deleted', (line) => line.replace(/,"throughput_per_s":[\d.]+/, '')],
];

describe('eastwest run --resume with journal records that fail their checksum', () => {
  it('runs those runs again, naming each line on stderr, and writes what an uninterrupted run writes', async () => {
    const cwd = temporaryFolder();
    writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
    expect((await runCaptured(['run', 'small.yaml', '--quiet'], { cwd, model: fakeModel({ failOnRunCall: 6 }) })).status).toBe(1);
    const journal = join(cwd, 'results/small.csv.journal');
    JOURNAL_EDITS.forEach(([, edit], i) => editLine(journal, i + 2, edit));

    const model = fakeModel();
    const resumed = await runCaptured(['run', 'small.yaml', '--resume'], { cwd, model });
    expect(resumed.status).toBe(0);
    for (const line of [2, 3, 4, 5]) {
      expect(resumed.stderr).toContain(`warning: ${journal}:${line}: run record not trusted: its checksum fails (edited or damaged); running its run again (it says run ${line - 2}: `);
    }
    expect(resumed.stderr).toContain('eastwest: small: 14 runs; 1 already in the journal, 13 to run on 1 worker\n');
    expect(model.builds).toHaveLength(13);
    expect(existsSync(journal)).toBe(false);

    await runCaptured(['run', 'small.yaml', '--out', 'whole/small.csv', '--quiet'], { cwd });
    expect(read(cwd, 'results/small.csv')).toBe(read(cwd, 'whole/small.csv'));
    expect(read(cwd, 'results/small.summary.csv')).toBe(read(cwd, 'whole/small.summary.csv'));
  });

  it('says so even with --quiet', async () => {
    const cwd = temporaryFolder();
    writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
    await runCaptured(['run', 'small.yaml', '--quiet'], { cwd, model: fakeModel({ failOnRunCall: 3 }) });
    const journal = join(cwd, 'results/small.csv.journal');
    editLine(journal, 2, JOURNAL_EDITS[0][1]);
    const resumed = await runCaptured(['run', 'small.yaml', '--resume', '--quiet'], { cwd });
    expect(resumed.stderr).toBe(
      `warning: ${journal}:2: run record not trusted: its checksum fails (edited or damaged); running its run again (it says run 0: point 0, replication 0)\n`,
    );
  });
});

const PARTS = ['x.part-1-of-3.csv', 'x.part-2-of-3.csv', 'x.part-3-of-3.csv'].map((file) => `parts/${file}`);

/** small.yaml run as three shards into parts/, with a time series in 5 s buckets. */
async function shardedFolder(): Promise<string> {
  const cwd = temporaryFolder();
  writeExperiment(cwd, 'small.yaml', SMALL_EXPERIMENT);
  for (const shard of ['1/3', '2/3', '3/3']) {
    const outcome = await runCaptured(['run', 'small.yaml', '--shard', shard, '--out', 'parts/x.csv', '--timeseries', '5s', '--quiet'], { cwd });
    expect(outcome.status).toBe(0);
  }
  return cwd;
}

/** The same edits to a part's row (`small,0,0,7,iptables,10,2ms,488,48.8,3.72...,`), each keeping it a row eastwest could have written. */
const ROW_EDITS: readonly [string, (line: string) => string][] = [
  ['a metric edited 488 -> 489', (line) => line.replace(',488,', ',489,')],
  ['a digit flipped', (line) => line.replace(/,(\d)(\d\.\d),/, (_, digit: string, rest: string) => `,${Number(digit) + 1}${rest},`)],
  ['two metrics swapped', (line) => line.replace(/,(\d+),(\d+\.\d),/, ',$2,$1,')],
  ['a value deleted', (line) => line.replace(/,(\d+),(\d+\.\d),/, ',$1,,')],
];

describe('eastwest merge with parts that fail their checksums', () => {
  it.each(ROW_EDITS)('refuses a part row with %s, exit 2, naming the file and line', async (_, edit) => {
    const cwd = await shardedFolder();
    editLine(join(cwd, PARTS[1]), 3, edit);
    const outcome = await runCaptured(['merge', ...PARTS, '--out', 'merged/x.csv'], { cwd });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toBe(
      'error: parts/x.part-2-of-3.csv:3: its checksum fails (recorded in parts/x.part-2-of-3.meta.json); ' +
        'the part was edited or damaged since its shard wrote it, so it is not merged (rerun that shard)\n',
    );
    expect(existsSync(join(cwd, 'merged'))).toBe(false);
  });

  it('refuses an edited row of a part\'s time series, naming its file and line', async () => {
    const cwd = await shardedFolder();
    const requestsColumn = read(cwd, 'parts/x.part-3-of-3.timeseries.csv').split('\n')[0].split(',').indexOf('requests');
    editLine(join(cwd, 'parts/x.part-3-of-3.timeseries.csv'), 4, (line) => {
      const cells = line.split(',');
      cells[requestsColumn] = String(Number(cells[requestsColumn]) + 1);
      return cells.join(',');
    });
    const outcome = await runCaptured(['merge', ...PARTS, '--out', 'merged/x.csv'], { cwd });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toMatch(/^error: parts\/x\.part-3-of-3\.timeseries\.csv:4: its checksum fails \(recorded in parts\/x\.part-3-of-3\.meta\.json\)/);
  });

  it('refuses a part whose meta records no checksums, or whose whole file differs', async () => {
    const cwd = await shardedFolder();
    const metaPath = join(cwd, 'parts/x.part-1-of-3.meta.json');
    const meta = JSON.parse(read(cwd, 'parts/x.part-1-of-3.meta.json'));
    writeFileSync(metaPath, JSON.stringify({ ...meta, checksums: undefined }));
    const bare = await runCaptured(['merge', ...PARTS, '--out', 'merged/x.csv'], { cwd });
    expect(bare.status).toBe(2);
    expect(bare.stderr).toBe(
      'error: parts/x.part-1-of-3.meta.json: Expected the checksum of the meta itself (`checksums.meta`, which `eastwest run --shard` records), got nothing; rerun the shard with this eastwest\n',
    );
    const { meta: _own, ...files } = meta.checksums;
    writeFileSync(metaPath, sealedMetaText({ ...meta, checksums: { ...files, csv: undefined } }));
    const noCsv = await runCaptured(['merge', ...PARTS, '--out', 'merged/x.csv'], { cwd });
    expect(noCsv.stderr).toBe(
      'error: parts/x.part-1-of-3.meta.json: Expected the checksums of parts/x.part-1-of-3.csv (`checksums.csv`, which `eastwest run --shard` records), got nothing; rerun the shard with this eastwest\n',
    );
    // A meta sealed again over a wrong checksum of the whole CSV (its lines' checksums still right).
    writeFileSync(metaPath, sealedMetaText({ ...meta, checksums: { ...files, csv: { ...files.csv, sha256: '0'.repeat(64) } } }));
    const whole = await runCaptured(['merge', ...PARTS, '--out', 'merged/x.csv'], { cwd });
    expect(whole.stderr).toMatch(/^error: parts\/x\.part-1-of-3\.csv: the checksum of the whole file fails/);
  });

  it('refuses a part whose meta was edited (a wall time, the workers), naming the meta', async () => {
    const cwd = await shardedFolder();
    const metaPath = join(cwd, 'parts/x.part-2-of-3.meta.json');
    const text = read(cwd, 'parts/x.part-2-of-3.meta.json');
    for (const edited of [text.replace(/"totalSeconds": [\d.e-]+/, '"totalSeconds": 1'), text.replace('"workers": 1', '"workers": 2')]) {
      expect(edited).not.toBe(text);
      writeFileSync(metaPath, edited);
      const outcome = await runCaptured(['merge', ...PARTS, '--out', 'merged/x.csv'], { cwd });
      expect(outcome.status).toBe(2);
      expect(outcome.stderr).toBe(
        'error: parts/x.part-2-of-3.meta.json: its checksum fails (`checksums.meta`); the part was edited or damaged since its shard wrote it, so it is not merged (rerun that shard)\n',
      );
    }
  });

  it('merges untouched parts into the single run\'s files, byte for byte', async () => {
    const cwd = await shardedFolder();
    await runCaptured(['run', 'small.yaml', '--out', 'whole/x.csv', '--timeseries', '5s', '--quiet'], { cwd });
    expect((await runCaptured(['merge', ...PARTS, '--out', 'merged/x.csv', '--quiet'], { cwd })).status).toBe(0);
    for (const file of ['x.csv', 'x.summary.csv', 'x.timeseries.csv']) expect(read(cwd, `merged/${file}`)).toBe(read(cwd, `whole/${file}`));
  });
});
