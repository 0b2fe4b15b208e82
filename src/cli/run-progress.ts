import {
  describeSelection,
  formatPointWarning,
  PointWarnings,
  type ResolvedExperiment,
  type RunRecord,
  type RunSelection,
  type SessionStart,
} from '../experiment/index.js';
import type { CliContext } from './cli-context.js';
import { ProgressReporter } from './progress-reporter.js';

export interface RunProgressOptions {
  readonly selection: RunSelection;
  readonly quiet: boolean;
  readonly resume: boolean;
  readonly clock: () => number;
}

/**
 * What `eastwest run` shows on stderr while a session runs: a line saying what will run
 * (runs, shard or --only, what the journal had, workers), then progress over the runs left,
 * counted across all workers as they finish, and each point's warnings once (also from runs
 * read from the journal). `--quiet` leaves only the warnings.
 */
export class RunProgress {
  private reporter: ProgressReporter | undefined;
  private readonly warnings = new PointWarnings();

  constructor(
    private readonly context: CliContext,
    private readonly experiment: ResolvedExperiment,
    private readonly options: RunProgressOptions,
  ) {}

  start(start: SessionStart): void {
    const { quiet, clock } = this.options;
    if (!quiet) this.context.stderr.write(this.startLine(start));
    const terminal = this.context.stderr.isTTY === true;
    this.reporter = new ProgressReporter(this.context.stderr, start.toRun, { enabled: !quiet, terminal, clock });
    for (const record of start.fromJournal) this.warn(record);
  }

  runDone(record: RunRecord, done: number): void {
    this.warn(record);
    this.reporter?.update(done);
  }

  finish(): void {
    this.reporter?.finish();
  }

  private warn(record: RunRecord): void {
    for (const warning of this.warnings.add(record)) {
      const line = formatPointWarning(warning);
      if (this.reporter === undefined) this.context.stderr.write(`${line}\n`);
      else this.reporter.message(line);
    }
  }

  /** `eastwest: sweep: shard 2 of 3: 5 of 14 runs; 2 already in the journal, 3 to run on 2 workers` */
  private startLine({ runs, fromJournal, toRun, workers }: SessionStart): string {
    const { selection, resume } = this.options;
    const scope = selection.kind === 'all' ? `${runs} runs` : `${describeSelection(selection)}: ${runs} of ${this.experiment.runCount} runs`;
    const journal = fromJournal.length > 0 ? `; ${fromJournal.length} already in the journal, ${toRun} to run` : resume ? '; no journal to resume, running all' : '';
    return `eastwest: ${this.experiment.header.name}: ${scope}${journal} on ${workers} worker${workers === 1 ? '' : 's'}\n`;
  }
}
