import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { formatDuration } from '../engine/time.js';
import { ALL_RUNS, outputPaths, readTimeseriesBucket, resolveBaseline, type ResolvedExperiment } from '../experiment/index.js';
import { withOutputLock } from '../experiment/output/output-lock.js';
import { recoverOutputSet } from '../experiment/output/output-set.js';
import { readSavedOutputs, type SavedOutputs } from '../experiment/output/saved-outputs.js';
import { checkGeneratedPaths, writeGeneratedFiles, type GeneratedFile } from '../report/chart-files.js';
import { modelColumns } from '../report/model-columns.js';
import { reportCharts } from '../report/report-charts.js';
import { INDEX_MARK, reportIndex } from '../report/report-index.js';
import { SVG_MARK } from '../report/render-svg.js';
import { removeCharts, staleCharts } from '../report/stale-charts.js';
import { readResultsTable } from '../report/results-table.js';
import type { CliContext } from './cli-context.js';

/** Options that change an output set, as this command line asks for them; absent: whatever the set has. */
export interface WantedSet {
  readonly timeseries?: string;
  readonly baseline?: string;
}

/** What rendering a report folder came to: the files written, or why the folder holds nothing to render. */
export type ReportOutcome =
  | { readonly rendered: true; readonly files: readonly string[]; readonly codeVersion: string }
  | { readonly rendered: false; readonly why: string };

/**
 * Renders the report of the results at `csv` into its folder (docs/design.md, Contracts):
 * holding the output's lock (so no run replaces the set meanwhile), it completes a commit a
 * crash interrupted, reads the set back checked against its meta's checksums (an edited CSV is
 * bad input, exit 2), and, when the set is the complete results of this experiment with the
 * options `wanted` asks for, writes one SVG per headline metric with numbers (and per
 * time-series column), then index.md. Otherwise it writes nothing and says why.
 */
export async function renderReportFolder(experiment: ResolvedExperiment, csv: string, context: CliContext, options: { wanted?: WantedSet; overwrite: boolean }): Promise<ReportOutcome> {
  const shown = (path: string): string => {
    const near = relative(context.cwd, path);
    return near.startsWith('..') ? path : near;
  };
  const paths = outputPaths(experiment.header.name, csv, context.cwd, ALL_RUNS, { timeseries: true, classes: true });
  if (!existsSync(paths.meta) && !existsSync(`${paths.csv}.commit`)) return { rendered: false, why: `there is no ${shown(paths.meta)}` };
  const notice = (message: string): void => {
    context.stderr.write(`warning: ${message}\n`);
  };
  return withOutputLock(paths.csv, { commandLine: context.commandLine, onNotice: notice }, async () => {
    recoverOutputSet(paths, notice);
    const found = readSavedOutputs(paths.csv, experiment, shown);
    if (!found.found) return { rendered: false, why: found.why };
    const mismatch = optionMismatch(found.saved, experiment, context, options.wanted ?? {});
    if (mismatch !== undefined) return { rendered: false, why: mismatch };
    const notes: string[] = [];
    const files = await reportFiles(experiment, found.saved, context, { shown, notes });
    checkGeneratedPaths(files, options.overwrite);
    const stale = staleCharts(join(dirname(paths.csv), 'index.md'), files.map((file) => file.path));
    writeGeneratedFiles(files);
    removeCharts(stale);
    for (const note of new Set(notes)) context.stderr.write(`note: ${note}\n`);
    return { rendered: true, files: files.map((file) => file.name), codeVersion: found.saved.meta.codeVersion };
  });
}

/**
 * Before a run whose report goes beside `csv`: refuses an index.md there that eastwest did not
 * write (unless `overwrite`) now, rather than after the runs.
 */
export function checkReportIndex(csv: string, context: CliContext, overwrite: boolean): void {
  const path = join(dirname(resolve(context.cwd, csv)), 'index.md');
  checkGeneratedPaths([{ path, name: relative(context.cwd, path), content: '', mark: INDEX_MARK }], overwrite);
}

/** Renders the report of results a run just wrote at `csv` (`report`, `run --report`). */
export async function renderAfterRun(experiment: ResolvedExperiment, csv: string, context: CliContext, overwrite: boolean): Promise<ReportOutcome> {
  const outcome = await renderReportFolder(experiment, resolve(context.cwd, csv), context, { overwrite });
  if (!outcome.rendered) throw new Error(`the results just written at ${csv} cannot be read back: ${outcome.why}`);
  return outcome;
}

/** `Wrote ...` on stdout, unless --quiet; exit status 0. */
export function writtenReport(outcome: ReportOutcome, quiet: boolean, context: CliContext): number {
  if (outcome.rendered && !quiet) context.stdout.write(`Wrote ${outcome.files.at(-1)}\n${outcome.files.slice(0, -1).map((name) => `      ${name}\n`).join('')}`);
  return 0;
}

/** The charts and index.md of a saved set, in the order they are written; what the charts left out goes to `notes`. */
async function reportFiles(
  experiment: ResolvedExperiment,
  saved: SavedOutputs,
  context: CliContext,
  { shown, notes }: { shown: (path: string) => string; notes: string[] },
): Promise<GeneratedFile[]> {
  const columns = modelColumns(context.model);
  const folder = dirname(saved.paths.csv);
  const summary = readResultsTable(saved.texts.get('summary')!, shown(saved.paths.summary!), columns.known);
  const timeseriesText = saved.texts.get('timeseries');
  const timeseries = timeseriesText === undefined ? undefined : readResultsTable(timeseriesText, shown(saved.paths.timeseries!), columns.known);
  const charts = await reportCharts(summary, timeseries, { specs: columns.specs, defaultYs: columns.headlines }, notes);
  const setFiles = [saved.paths.csv, saved.paths.summary, saved.paths.timeseries, saved.paths.classes, saved.paths.meta].filter((path): path is string => path !== undefined).map((path) => basename(path));
  const index = reportIndex({
    experiment,
    parameters: context.model.parameters,
    specs: columns.specs,
    headlines: columns.headlines,
    summary,
    charts,
    meta: saved.meta,
    files: setFiles,
  });
  const file = (name: string, content: string, mark: string): GeneratedFile => ({ path: join(folder, name), name: shown(join(folder, name)), content, mark });
  // index.md goes last: it never links a chart that is not in place yet.
  return [...charts.map((chart) => file(chart.file, chart.svg, SVG_MARK)), file('index.md', index, INDEX_MARK)];
}

/** Why the saved set is not what this command line asks for: another --timeseries width, or another --baseline. */
function optionMismatch(saved: SavedOutputs, experiment: ResolvedExperiment, context: CliContext, wanted: WantedSet): string | undefined {
  const { meta } = saved;
  if (wanted.timeseries !== undefined) {
    const width = formatDuration(readTimeseriesBucket(wanted.timeseries, experiment.header, context.model));
    if (meta.timeseriesBucket !== width) return `its results have ${meta.timeseriesBucket === undefined ? 'no time series' : `a time series in buckets of ${meta.timeseriesBucket}`}, not --timeseries ${wanted.timeseries}`;
  }
  if (wanted.baseline !== undefined) {
    const asked = resolveBaseline(wanted.baseline, experiment);
    const had = meta.baseline === null ? undefined : resolveBaseline(meta.baseline, experiment);
    if (had === undefined || had.path !== asked.path || had.value !== asked.value) return `its summary has ${meta.baseline === null ? 'no baseline' : `baseline ${meta.baseline}`}, not --baseline ${wanted.baseline}`;
  }
  return undefined;
}
