import { MAX_RUNS_WITHOUT_FORCE, groupThousands } from '../experiment/index.js';

const LIMIT = groupThousands(MAX_RUNS_WITHOUT_FORCE);

export const MAIN_HELP = `eastwest: a deterministic performance model of Kubernetes east-west traffic

Usage:
  eastwest run FILE.yaml [--out PATH] [--set path=value]... [--force] [--quiet]
  eastwest validate FILE.yaml [--set path=value]... [--force]
  eastwest describe [--metrics]
  eastwest --help | --version

Commands:
  run        run every point of an experiment for each replication; write CSV, summary, meta
  validate   check an experiment file and print its points and runs; write nothing
  describe   list every scenario parameter, or with --metrics every metric

Run \`eastwest COMMAND --help\` for a command's options.
Exit status: 0 success; 1 a run failed; 2 bad input (the file, a --set, the output
path, a grid over the limit, an option).
`;

export const RUN_HELP = `Usage: eastwest run FILE.yaml [options]

Runs every (point, replication) of the experiment in order, then writes
  results/<name>.csv           one row per run: parameters and metrics
  results/<name>.summary.csv   one row per point: each metric's mean and 95% CI
  results/<name>.meta.json     resolved scenarios, experiment hash, versions, timings
The files appear only when every run is done; a failed run leaves no partial CSV.
Progress goes to stderr, a summary table to stdout.

Options:
  --out PATH          write the CSV to PATH (ending in .csv); summary and meta go beside it
  --set path=value    override a scenario parameter, or seed, replications, duration,
                      warmup; repeatable; the value is read as YAML (100, 2ms, ipvs, true)
  --force             run a grid of more than ${LIMIT} runs (points x replications)
  --quiet             no progress and no table (warnings still go to stderr)
  -h, --help          show this help

Example:
  eastwest run experiments/quickstart.yaml --set replications=5 --out /tmp/quick.csv
`;

export const VALIDATE_HELP = `Usage: eastwest validate FILE.yaml [options]

Checks the experiment file as \`run\` would (every point's full scenario), then prints
the points and runs and the grid. Writes nothing.

Options:
  --set path=value    override a parameter or seed, replications, duration, warmup
                      (repeatable)
  --force             accept a grid of more than ${LIMIT} runs
  -h, --help          show this help
`;

export const DESCRIBE_HELP = `Usage: eastwest describe [--metrics]

Lists every scenario parameter: its path as written in experiment files, unit,
default, allowed range, meaning and the source of the default.

Options:
  --metrics           list the metrics instead: CSV column, unit, what it counts,
                      over which window, and the model that produces it
  -h, --help          show this help
`;
