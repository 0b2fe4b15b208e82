import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classesCsv } from '../../src/experiment/output/classes-csv.js';
import { resultsCsv } from '../../src/experiment/output/results-csv.js';
import { timeseriesCsv } from '../../src/experiment/output/timeseries-csv.js';
import { runOne } from '../../src/experiment/run/run-experiment.js';
import { runPlanOf } from '../../src/experiment/run/run-plan.js';
import { listRuns } from '../../src/experiment/run/experiment-runs.js';
import { loadExperiment } from '../../src/experiment/spec/resolve-experiment.js';
import { parseDuration } from '../../src/engine/time.js';
import { scenarioModel } from '../index.js';

/**
 * Same bytes as the committed results (issue 14): a speed-up of the engine or of a model's hot
 * path must not change what is simulated, so one run of each shipped experiment — the one the
 * committed meta says was cheapest — is run again here and its row of X.csv (and its rows of
 * X.classes.csv and X.timeseries.csv, where the experiment has them) must be the committed
 * rows byte for byte. The runs that took more than a few seconds (churn-rollout, the largest
 * Services counts) are checked only with EASTWEST_SHIPPED_RESULTS=all in the environment.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const RESULTS = join(ROOT, 'results');
const CHEAP_RUN_SECONDS = 3;
const everyExperiment = process.env.EASTWEST_SHIPPED_RESULTS === 'all';

interface PerRun {
  readonly run: number;
  readonly runSeconds: number;
}

interface Meta {
  readonly experiment: string;
  readonly file: string;
  readonly experimentHash: string;
  readonly timeseriesBucket?: string;
  readonly wallTime: { readonly perRun: readonly PerRun[] };
}

/** results/<name>/<name>.X (the layout results may move to), else results/<name>.X. */
function resultFile(name: string, suffix: string): string | undefined {
  for (const path of [join(RESULTS, name, `${name}${suffix}`), join(RESULTS, `${name}${suffix}`)]) {
    if (existsSync(path)) return path;
  }
  return undefined;
}

function shippedMetas(): Meta[] {
  const names = new Set<string>();
  for (const entry of readdirSync(RESULTS, { withFileTypes: true })) {
    if (entry.isDirectory()) names.add(entry.name);
    else if (entry.name.endsWith('.meta.json') && !entry.name.includes('.only-') && !entry.name.includes('.part-')) names.add(entry.name.slice(0, -'.meta.json'.length));
  }
  return [...names]
    .sort()
    .flatMap((name) => {
      const path = resultFile(name, '.meta.json');
      return path === undefined ? [] : [JSON.parse(readFileSync(path, 'utf8')) as Meta];
    });
}

/** The lines of a CSV text, without the final empty one. */
const lines = (text: string): string[] => text.split('\n').filter((line, i, all) => i < all.length - 1 || line !== '');

/** Checks that `produced` (a header and the run's rows) is the committed file's header and contains its rows, in order. */
function expectSameRows(name: string, suffix: string, produced: string): void {
  const path = resultFile(name, suffix);
  expect(path, `results for ${name}${suffix}`).toBeDefined();
  const committed = lines(readFileSync(path as string, 'utf8'));
  const [header, ...rows] = lines(produced);
  expect(committed[0], `${name}${suffix} header`).toBe(header);
  expect(rows.length, `${name}${suffix}: the run made no row`).toBeGreaterThan(0);
  const at = committed.indexOf(rows[0]);
  expect(at, `${name}${suffix}: the run's first row is not in the committed file`).toBeGreaterThan(0);
  expect(committed.slice(at, at + rows.length), `${name}${suffix} rows`).toEqual(rows);
}

const metas = shippedMetas();

describe('shipped experiments give the committed bytes', () => {
  it('finds the committed results', () => {
    expect(metas.map((meta) => meta.experiment)).toContain('quickstart');
  });

  for (const meta of metas) {
    const cheapest = [...meta.wallTime.perRun].sort((a, b) => a.runSeconds - b.runSeconds)[0];
    const cheap = cheapest.runSeconds <= CHEAP_RUN_SECONDS;
    it.runIf(cheap || everyExperiment)(`${meta.experiment}: run ${cheapest.run} (${cheapest.runSeconds.toFixed(1)} s when committed)`, { timeout: 300_000 }, () => {
      const experiment = loadExperiment(meta.file, scenarioModel, { cwd: ROOT, force: true });
      expect(experiment.hash, `${meta.file} changed since results/${meta.experiment} was written`).toBe(meta.experimentHash);
      const bucket = meta.timeseriesBucket === undefined ? undefined : parseDuration(meta.timeseriesBucket);
      const run = listRuns(experiment.points.length, experiment.header.replications)[cheapest.run];
      const record = runOne(runPlanOf(experiment, bucket), scenarioModel, run);
      expectSameRows(meta.experiment, '.csv', resultsCsv(experiment, scenarioModel.metrics, [record]));
      if (record.classes !== undefined && resultFile(meta.experiment, '.classes.csv') !== undefined) {
        expectSameRows(meta.experiment, '.classes.csv', classesCsv(experiment, scenarioModel.classes ?? [], [record]));
      }
      if (bucket !== undefined) {
        expectSameRows(meta.experiment, '.timeseries.csv', timeseriesCsv(experiment, scenarioModel.timeseries ?? [], [record], bucket));
      }
    });
  }
});
