import { resolve } from 'node:path';
import type { ScenarioModel } from '../../contract/scenario-model.js';
import { InputError } from '../../input-error.js';
import { resolveBaseline, type Baseline } from '../output/baseline.js';
import { writeExperimentOutputs } from '../output/experiment-outputs.js';
import { outputTables, type OutputTable } from '../output/output-tables.js';
import { checkWritable, outputPaths, type OutputPaths } from '../output/output-files.js';
import { checkExistingResults, refuseInputsAsOutputs, type InputFile } from '../output/output-guard.js';
import { OutputLock } from '../output/output-lock.js';
import { recoverOutputSet } from '../output/output-set.js';
import { SaveFailedError } from '../output/save-failed-error.js';
import type { CodeVersion } from '../run/code-version.js';
import { sortRecords, type RunRecord } from '../run/experiment-runs.js';
import { hasClassColumns } from '../run/run-classes.js';
import { ALL_RUNS } from '../run/run-selection.js';
import { withEveryParameterColumn } from '../spec/every-parameter-column.js';
import { resolveExperiment } from '../spec/resolve-experiment.js';
import type { CanonicalExperiment, ResolvedExperiment } from '../spec/resolved-experiment.js';
import { checkPartsAgree } from './merge-checks.js';
import { partRecords } from './part-records.js';
import { withPartTable } from './part-table.js';
import { checkPartChecksums } from './part-checksums.js';
import { partCodeVersion, partMetaName, readShardPart, type ShardPart } from './shard-part.js';

export interface MergeOptions {
  /** The part CSVs as typed, relative to `cwd`. */
  readonly parts: readonly string[];
  readonly out: string;
  readonly cwd: string;
  /** `--baseline path=value`, as for run. */
  readonly baseline?: string;
  /** The merging eastwest's version and command line, for the meta. */
  readonly codeVersion: CodeVersion;
  readonly commandLine: readonly string[];
  /** Told when a stale lock on the output is taken over. */
  readonly onNotice?: (message: string) => void;
  /** `--overwrite`: replace another experiment's results, or files eastwest did not write, at `--out`. */
  readonly overwrite?: boolean;
  /** `--all-params`: every scenario parameter a column of the merged CSVs, as it is anyway when the parts have them. */
  readonly allParams?: boolean;
}

export interface MergeResult {
  readonly experiment: ResolvedExperiment;
  readonly records: readonly RunRecord[];
  readonly files: OutputPaths;
  /** `--baseline` resolved against the merged experiment, when given. */
  readonly baseline?: Baseline;
}

/**
 * `eastwest merge` (docs/design.md, Contracts): checks the parts belong together, rebuilds the experiment
 * from the resolved copy in their meta, reads back every run (with its time series and class
 * rows, when the parts have them) and writes the CSV, summary, time series and class table a single run would have written
 * (with every parameter as a column when the parts have them or `allParams` asks),
 * byte for byte, with a meta that gathers the parts', holding the output's lock while it writes.
 */
export function mergeParts(model: ScenarioModel, options: MergeOptions): MergeResult {
  const parts = options.parts.map((name) => readShardPart(name, options.cwd));
  checkPartsAgree(parts);
  const experiment = experimentOfParts(parts[0], model);
  const baseline: Baseline | undefined = options.baseline === undefined ? undefined : resolveBaseline(options.baseline, experiment);
  const timeseriesBucket = parts[0].timeseries?.bucketWidth;
  const files = outputPaths(experiment.header.name, options.out, options.cwd, ALL_RUNS, { timeseries: timeseriesBucket !== undefined, classes: parts[0].classes !== undefined });
  const tables = outputTables(experiment, model, { files, timeseriesBucket });
  // checkPartsAgree made sure every part has every parameter as a column, or none does.
  const partsAllParams = parts[0].meta.allParams === true;
  const partColumns = partsAllParams ? withEveryParameterColumn(experiment, model.parameters) : experiment;
  const records = sortRecords(parts.flatMap((part) => runsOfPart(part, partColumns, model, tables)));
  const overwritten = parts.find((part) => resolve(options.cwd, part.name) === files.csv);
  if (overwritten !== undefined) throw new InputError(`--out ${options.out}: Expected a path other than the parts', got the part ${overwritten.name}`);
  refuseInputsAsOutputs(files, parts.flatMap((part) => partInputs(part, options.cwd)));
  checkWritable(files);
  const lock = OutputLock.acquire(files.csv, { commandLine: options.commandLine, onNotice: options.onNotice });
  try {
    recoverOutputSet(files, options.onNotice);
    const existing = checkExistingResults(files, experiment.header.name, options.overwrite === true);
    const context = mergedContext(parts, files, options);
    const meta = { ...context, baseline: baseline?.text, timeseriesBucket, allParams: partsAllParams || options.allParams === true };
    try {
      writeExperimentOutputs(experiment, model, records, meta, { baseline, extraMeta: mergeMeta(parts, options), remove: existing.leftovers });
    } catch (error) {
      throw new SaveFailedError(`the merged results (${files.csv} and the files beside it)`, error, 'the parts are as they were: once the output can be written, merge again');
    }
  } finally {
    lock.release();
  }
  return { experiment, records, files, baseline };
}

/**
 * A part's runs, with their rows of each table per run it has (checkPartsAgree made sure all
 * parts have the same tables). Its files must hold every run of the shard in the form eastwest
 * writes (partRecords, withPartTable) and match the checksums in its meta line by line, so an
 * edit that keeps them well-formed is refused too, naming the line.
 */
function runsOfPart(part: ShardPart, experiment: ResolvedExperiment, model: ScenarioModel, tables: readonly OutputTable[]): RunRecord[] {
  const metaName = partMetaName(part.name);
  checkClassesDeclared(part, model);
  let records = partRecords(part, experiment, model.metrics);
  checkPartChecksums(part.name, part.csvText, 'csv', part.meta.checksums, metaName);
  for (const { table, columns } of tables) {
    const file = part[table.name]!;
    records = withPartTable(part, file, experiment, table, columns, records);
    checkPartChecksums(file.name, file.text, table.name, part.meta.checksums, metaName);
  }
  return records;
}

/**
 * A scenario that declares class columns writes a class table with every output, so parts
 * without one were written by an eastwest whose scenario had none: merging them would leave it
 * out. (Parts with one, for a scenario without, fail the check of its columns.)
 */
function checkClassesDeclared(part: ShardPart, model: ScenarioModel): void {
  if (part.classes !== undefined || !hasClassColumns(model)) return;
  throw new InputError(
    `${part.name}: Expected a class table beside it (\`${part.name.slice(0, -'.csv'.length)}.classes.csv\`: this eastwest's scenario declares class columns), ` +
      `got a part without one; merge with the eastwest version that wrote the parts (${part.meta.codeVersion})`,
  );
}

/** The files merge reads for a part: its CSV, its meta and its tables of rows per run. */
function partInputs(part: ShardPart, cwd: string): InputFile[] {
  const metaName = partMetaName(part.name);
  const inputs = [
    { path: resolve(cwd, part.name), name: part.name, what: 'a part' },
    { path: resolve(cwd, metaName), name: metaName, what: `the meta of the part ${part.name}` },
  ];
  if (part.timeseries !== undefined) inputs.push({ path: resolve(cwd, part.timeseries.name), name: part.timeseries.name, what: `the time series of the part ${part.name}` });
  if (part.classes !== undefined) inputs.push({ path: resolve(cwd, part.classes.name), name: part.classes.name, what: `the class table of the part ${part.name}` });
  return inputs;
}

/**
 * The experiment, resolved again from the copy in a part's meta (every parameter written
 * out, so no default of this eastwest can creep in); its hash must come out as recorded.
 */
function experimentOfParts(part: ShardPart, model: ScenarioModel): ResolvedExperiment {
  const { meta } = part;
  let experiment: ResolvedExperiment;
  try {
    experiment = resolveExperiment(documentOf(meta.resolved), meta.file, model, { force: true });
  } catch (error) {
    throw new InputError(`${part.name}: the experiment in its meta does not resolve with this eastwest: ${(error as Error).message}`);
  }
  if (experiment.hash !== meta.experimentHash) {
    throw new InputError(
      `${part.name}: the experiment in its meta resolves to hash ${experiment.hash.slice(0, 12)}… with this eastwest, not ` +
        `${meta.experimentHash.slice(0, 12)}… as recorded; merge with the eastwest version that wrote the parts (${meta.codeVersion})`,
    );
  }
  return experiment;
}

/** A canonical experiment written back as an experiment file's content. */
function documentOf(canonical: CanonicalExperiment): Record<string, unknown> {
  const { sweep, ...rest } = canonical;
  return { ...rest, sweep: Object.fromEntries(sweep.map((axis) => [axis.path, axis.values])) };
}

/** The meta's provenance is the parts' (their code and Node.js ran the runs); the command line is the merge's. */
function mergedContext(parts: readonly ShardPart[], files: OutputPaths, options: MergeOptions) {
  const metas = parts.map((part) => part.meta);
  return {
    codeVersion: partCodeVersion(metas[0]),
    nodeVersion: metas[0].nodeVersion,
    commandLine: options.commandLine,
    workers: metas.reduce((total, meta) => total + meta.workers, 0),
    startedAt: metas.map((meta) => meta.startedAt).sort()[0],
    // Shards run side by side: the sweep took as long as the slowest.
    totalSeconds: Math.max(...metas.map((meta) => meta.wallTime.totalSeconds)),
    files,
  };
}

function mergeMeta(parts: readonly ShardPart[], options: MergeOptions): Record<string, unknown> {
  return {
    merged: { by: options.codeVersion.label, nodeVersion: process.version, at: new Date().toISOString() },
    parts: [...parts]
      .sort((a, b) => a.shard - b.shard)
      .map(({ name, shard, of, meta }) => ({
        file: name,
        shard,
        of,
        commandLine: meta.commandLine,
        nodeVersion: meta.nodeVersion,
        workers: meta.workers,
        startedAt: meta.startedAt,
        totalSeconds: meta.wallTime.totalSeconds,
        runs: meta.wallTime.perRun.length,
      })),
  };
}
