import { MAX_EXPERIMENT_FILE_BYTES, MAX_RUNS, MAX_RUNS_WITHOUT_FORCE, MAX_TIMESERIES_BUCKETS, formatBytes, groupThousands } from '../experiment/index.js';
import { MAX_KUBECTL_JSON_BYTES } from './import-cluster/read-kubectl-json.js';
import { MAX_DEFAULT_METRICS } from './table-columns.js';

const LIMIT = groupThousands(MAX_RUNS_WITHOUT_FORCE);
const RUN_LIMIT = groupThousands(MAX_RUNS);
const FILE_LIMIT = formatBytes(MAX_EXPERIMENT_FILE_BYTES);
const BUCKET_LIMIT = groupThousands(MAX_TIMESERIES_BUCKETS);

/** `--columns` and `--format`, as \`run\` and \`merge\` take them (table-options.ts). */
const TABLE_OPTIONS_HELP = `  --columns a,b       the metric columns of the table on stdout, instead of the default
                      ones: metric names (the mean over replications) or <metric>_diff
                      (the paired difference from --baseline, ± its 95% CI), in order
  --format F          the table on stdout: table (the default), csv (RFC 4180 with a
                      header row) or json (one array, an object per point, one per line),
                      with columns point, the swept parameters, replications, then
                      <metric>_mean and <metric>_ci95 (or <metric>_diff and
                      <metric>_diff_ci95) as in the summary, numbers in full. With csv or
                      json only the table goes to stdout; the files written go to stderr`;

export const MAIN_HELP = `eastwest: a deterministic performance model of Kubernetes east-west traffic

Usage:
  eastwest run FILE.yaml [--out PATH] [--workers N] [--shard K/N | --shards N] [--resume]
                         [--set path=value]... [--only RUN]... [--baseline path=value]
                         [--timeseries DURATION] [--all-params] [--columns a,b]
                         [--format table|csv|json] [--force] [--overwrite] [--quiet]
                         [--report]
  eastwest validate FILE.yaml [--set path=value]... [--workers N] [--force]
  eastwest describe [--metrics]
  eastwest merge PART.csv... --out PATH [--baseline path=value] [--all-params]
                 [--columns a,b] [--format table|csv|json] [--overwrite] [--quiet]
  eastwest import-cluster FILE.json [--out PATH] [--overwrite]
  eastwest plot CSV --out FILE.svg [--x PARAM] [--y METRIC]... [--color PARAM]
                    [--log-x] [--log-y] [--overwrite]
  eastwest report FILE.yaml [--out DIR] [--no-run | --rerun] [run's options]
  eastwest --help | --version

Commands:
  run        run every point of an experiment for each replication; write CSV, summary, meta
             (and with --timeseries a CSV per time bucket)
  validate   check an experiment file; print its points, runs, a run-time and a memory
             estimate
  describe   list every scenario parameter, or with --metrics every metric
  merge      join the parts of a sharded run into the files a single run writes
  import-cluster
             a cluster's shape, counts only, from kubectl's JSON, as the cluster part of
             an experiment file
  plot       an SVG chart of a results CSV: means with 95% intervals, or over time
  report     run an experiment (or reuse its results) into results/<name>/ and write
             a chart per headline metric and index.md

Run \`eastwest COMMAND --help\` for a command's options.
Global option: --debug, anywhere on the line, prints the stack of an internal error
(without it, one line saying what failed and that it is a bug).
Exit status: 0 success; 1 a run failed or an internal error; 2 bad input (the file, a
--set, the output path, a grid over the limit, an option, a journal or a part that does
not fit).
`;

export const RUN_HELP = `Usage: eastwest run FILE.yaml [options]

Runs every (point, replication) of the experiment on worker threads, then writes
  results/<name>.csv           one row per run: parameters and metrics
  results/<name>.summary.csv   one row per point: each metric's mean and 95% CI
  results/<name>.meta.json     resolved scenarios, experiment hash, versions, workers, timings
  results/<name>.timeseries.csv
                               with --timeseries: one row per run and time bucket
  results/<name>.classes.csv   when the scenario declares per-class columns: one row per
                               run and Service class
The files appear together, only when every run is done. Until then each finished run
is kept in a journal beside them (results/<name>.csv.journal), so after a crash, a kill
or a failed run --resume does only the rest. One process writes an output at a time: it
holds results/<name>.csv.lock, and a second one exits 2 naming it. The CSVs are
byte-identical whatever the number of workers or shards. A table of means goes to
stdout (--columns, --format); progress to stderr, moving from the first seconds (runs
report their simulated time as they go): a bar on a terminal, else a line every 5 s (EASTWEST_PROGRESS_INTERVAL
seconds, for a Job's log) with runs done, the share of the work done, runs/min,
simulated s per s and an ETA. The ETA weights each run left by its point's cost: its
time in the meta of an earlier run (at --out, else results/<name>.meta.json) scaled to
the speed of the last runs; without one, the runs of that point so far, else what the
points seen cost on average.

The table has a row per point: the swept parameters, then the means over replications of
the headline metrics (describe --metrics marks them): first those of the models that
declare the swept parameters, in the order of the parameter columns, then the others in
model order. Sweeping dns.* leads with dns_queries_per_lookup, proxy.mode with
first_packet_p50_us. At most ${MAX_DEFAULT_METRICS}, as many as fit 100 characters. With --baseline each
is followed by <metric>_diff: the paired difference from the baseline point, ± its 95% CI.

Options:
  --out PATH          write the CSV to PATH (ending in .csv); the other files go beside it
  --set path=value    override a scenario parameter, or seed, replications, duration,
                      warmup; repeatable; the value is read as YAML (100, 2ms, ipvs, true)
  --workers N         worker threads (default: one per core; 1 runs in this process);
                      each run stays on one thread
  --resume            continue from the journal, running only the runs it lacks; refused
                      if the experiment (hash), the eastwest version or --timeseries
                      changed; with no journal, runs everything. Without --resume an
                      existing journal is an error, so finished work is never thrown away
  --shard K/N         run shard K of N: the runs whose index is K-1 modulo N. Writes
                      <name>.part-K-of-N.csv and .meta.json (and .timeseries.csv with
                      --timeseries, .classes.csv with class columns; no summary);
                      eastwest merge joins the parts
  --shards N          as --shard K/N with K-1 read from JOB_COMPLETION_INDEX, which a
                      Kubernetes Indexed Job sets in each pod
  --only P[/R]        run only point P (all its replications) or the run P/R, for
                      debugging; repeatable, running the union. The files get .only-P or
                      .only-P-R before .csv (several in point order: .only-3-1.only-12),
                      so a full result is never overwritten
  --baseline path=value
                      add <metric>_diff and <metric>_diff_ci95 to the summary: each point
                      minus the point with path=value and the same other parameters,
                      paired replication by replication (common random numbers). Empty
                      where no such point exists; 0 for the baseline points themselves.
                      path must be swept or set in cases
  --timeseries DURATION
                      also write <name>.timeseries.csv: each run's measured window cut
                      into buckets of DURATION (e.g. 1s; the last one cut at the window's
                      end), one row per run and bucket: the CSV's run and parameter
                      columns, time_s (the bucket's start, seconds into the measured
                      window), then the scenario's time-series columns. At most ${BUCKET_LIMIT}
                      buckets per run. Works with --workers, --shard, --only and --resume
                      (which needs the same --timeseries)
  --all-params        write every scenario parameter as a column of the CSV, summary, time
                      series and class table, not only the swept ones: those first, then
                      the others in the order of \`eastwest describe\`, each cell the
                      point's resolved value. --resume may add or drop it (the journal
                      keeps figures, not columns); merge keeps it when the parts have it
${TABLE_OPTIONS_HELP}
  --force             run a grid of more than ${LIMIT} runs (points x replications), or runs
                      whose memory estimate is over the memory available (see validate)
  --overwrite         replace what is at the output even when it is another experiment's
                      results (another name in <name>.meta.json) or files eastwest did not
                      write; without it they are refused (exit 2). The results of this
                      same experiment are replaced either way. An output that would be an
                      input (the experiment file) is always refused
  --quiet             no progress and no table (warnings still go to stderr)
  --report            then write the report beside the results, as \`eastwest report\`
                      does: an SVG per headline metric (and time-series column) and
                      index.md. Its results go to results/<name>/<name>.csv unless --out;
                      give each experiment its own folder. Not with --shard or --only
  -h, --help          show this help

Examples:
  eastwest run experiments/quickstart.yaml --set replications=5 --out /tmp/quick.csv
  eastwest run sweep.yaml --baseline proxy.mode=iptables
  eastwest run sweep.yaml --format json --columns request_latency_p50_ms,first_packet_p50_us
                                             (the table as JSON, for jq or pandas)
  eastwest run sweep.yaml --timeseries 1s    (also writes results/sweep.timeseries.csv)
  eastwest run sweep.yaml --shard 2/3        (then: eastwest merge results/sweep.part-*-of-3.csv
                                              --out results/sweep.csv)
`;

export const VALIDATE_HELP = `Usage: eastwest validate FILE.yaml [options]

Checks the experiment file as \`run\` would (every point's full scenario), then prints
the points, the runs and a rough run-time estimate, saying what it rests on: the meta of
an earlier run of an experiment with this name at results/<name>.meta.json (each point's
wall time per run, scaled to this file's simulated time per run and to this machine's
speed now by a short calibration run of the first point, the runs spread over the
workers in point order as run hands them out), or else short calibration runs of the
first and last points, scaled to a full run. Writes nothing.

It also prints a memory estimate: the largest run (its three largest terms), times the
workers, plus this process; and the memory available (the cgroup limit, as in a pod,
else the machine's). Runs that would not fit are refused with exit 2, as \`run\` refuses
them, unless --force (then no calibration run is made).

Limits on the input (exit 2): a file of at most ${FILE_LIMIT}, 250,000 YAML values and
100,000 entries per list; at most ${RUN_LIMIT} runs even with --force; durations at most 30
days (warmup + duration too); a positive rate at least 0.000001 per second.

Options:
  --set path=value    override a parameter or seed, replications, duration, warmup
                      (repeatable)
  --workers N         the workers to estimate for (default: one per core)
  --force             accept a grid of more than ${LIMIT} runs, or runs over the memory
                      available
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

export const MERGE_HELP = `Usage: eastwest merge PART.csv... --out PATH [options]

Joins the parts that \`eastwest run --shard K/N\` (or --shards N) wrote into the CSV,
summary and meta a single run writes (and the time series, when the shards were run with
--timeseries, and the class table, when they wrote one); the CSVs are byte-identical to a
single run's. Reads each part's .meta.json (and .timeseries.csv, .classes.csv) beside it, and refuses parts of different experiments (hash),
eastwest versions or --timeseries, a missing shard and a shard given twice, naming them,
and a part whose lines or files fail the checksums in its meta, or whose meta fails its
own (edited or damaged), naming the file and line.

Options:
  --out PATH          the merged CSV (ending in .csv), required; summary and meta go
                      beside it
  --baseline path=value
                      paired differences in the summary, as for \`eastwest run\`
  --overwrite         replace another experiment's results, or files eastwest did not
                      write, at --out (as for \`eastwest run\`); the parts are never written
  --all-params        every scenario parameter as a column of the merged CSVs, as for
                      \`eastwest run\`; without it the merged files have them when the
                      parts do (parts that disagree are refused)
${TABLE_OPTIONS_HELP}
  --quiet             no table on stdout
  -h, --help          show this help

Example:
  eastwest merge results/sweep.part-*-of-3.csv --out results/sweep.csv
  eastwest merge results/sweep.part-*-of-3.csv --out results/sweep.csv --format csv \\
      --columns first_packet_p50_us,first_packet_p50_us_diff --baseline proxy.mode=iptables
`;

export const IMPORT_CLUSTER_HELP = `Usage: eastwest import-cluster FILE.json [options]

Reads what
  kubectl get nodes,services,endpointslices -A -o json > FILE.json
prints (a List, or a NodeList, ServiceList or EndpointSliceList) and writes the cluster
part of an experiment file as YAML, counts only: no name, address or label is kept.
  cluster.nodes                 the Nodes (left out when there are none)
  cluster.namespaces            the namespaces that hold at least one Service
  cluster.headlessServiceRatio  the share of Services with clusterIP None (left out at 0)
  cluster.serviceClasses        one class per number of ports (ports-1, ports-2, ...), each
                                with its count and a histogram: ready endpoints per Service
                                -> how many Services have that many
A Service's ready endpoints are the endpoints (however many addresses each has) not marked
ready: false in the EndpointSlices of its namespace labelled kubernetes.io/service-name with
its name; FQDN slices are ignored, and a dual-stack Service counts its larger address family.
Services of type ExternalName are skipped (no ClusterIP, no proxy rules); a Service with no
ports counts as one port. A comment above the YAML says how many Nodes, Services and
EndpointSlices were read, and what was skipped or ignored.

Bad input exits 2 naming the file, the item (items[12]) and the field, what was expected
and what was found: text that is not JSON (with its line and column), JSON that is not a
kubectl List, no Service, a file over ${formatBytes(MAX_KUBECTL_JSON_BYTES)}.

Options:
  --out PATH          write the YAML to PATH (atomically) instead of stdout; a file already
                      there is refused unless --overwrite, and FILE.json always is
  --overwrite         replace the file at --out
  -h, --help          show this help

Example:
  kubectl get nodes,services,endpointslices -A -o json > cluster.json
  eastwest import-cluster cluster.json --out experiments/my-cluster.cluster.yaml
`;

export const PLOT_HELP = `Usage: eastwest plot CSV --out FILE.svg [options]

Draws an SVG chart of one of eastwest's CSVs, rendered in Node (no browser):
  X.summary.csv      each point's mean with its 95% interval as an error bar
  X.csv              the same from X.summary.csv beside it when there is one (said on
                     stderr); otherwise a symbol per run and a line through the means
  X.timeseries.csv   lines over time_s: each point's mean over its replications
  X.classes.csv      as X.csv, with class as a parameter
Axis titles carry units (request_latency_p50_ms (ms), first_packet_p50_us (µs));
parameters are titled by their path (cluster.services).

Defaults: x is the first swept parameter (time_s for a time series; point when nothing
is swept), colour the next swept parameter, y the model's headline metrics that have
numbers, one panel per metric, stacked. Every other swept parameter splits a panel
into small charts, one per combination of its values, so no two points are averaged
together. A numeric x gets a linear axis, or a log one when its values are all positive
and span two decades or more (or with --log-x); text (proxy.mode, 1s) gets one tick per
value, in the experiment's order, with the colours side by side.

Options:
  --out FILE.svg      the chart (required; ending in .svg); written atomically. An SVG
                      eastwest wrote there is replaced, anything else only with
                      --overwrite
  --x COLUMN          the x axis: point, a parameter column (cluster.services), time_s
  --y METRIC          a value column (request_latency_p50_ms; in a summary also
                      <metric>_diff, with its paired interval); repeatable, one panel each
  --color COLUMN      the colour: a parameter column (or class, point)
  --log-x             log x axis (numeric, positive values)
  --log-y             log y axis; values <= 0 are left out, saying so on stderr
  --overwrite         replace a file at --out that eastwest did not write
  -h, --help          show this help

A column the CSV lacks is refused (exit 2) with the columns it has and the closest name.

Examples:
  eastwest plot results/quickstart/quickstart.summary.csv --out /tmp/latency.svg
  eastwest plot results/sweep.csv --x cluster.services --color proxy.mode --log-y \\
                --y request_latency_p50_ms --y first_packet_p50_us --out sweep.svg
  eastwest plot results/churn-rollout.timeseries.csv --y stale_endpoint_errors \\
                --out stale.svg
`;

export const REPORT_HELP = `Usage: eastwest report FILE.yaml [--out DIR] [options]

Runs the experiment into a folder of its own, results/<name>/ by default (as
\`eastwest run FILE.yaml --out DIR/<name>.csv\` would: journal, --resume, lock,
workers; the CSV, summary, meta, class table and, with --timeseries, time series as
one set), then writes into the same folder
  <metric>.svg                 one chart per headline metric that has numbers: each
                               point's mean and 95% interval (as eastwest plot draws them)
  timeseries-<column>.svg      with a time series: one chart per column, over time
  index.md                     the question (the experiment's description), the set-up
                               (parameters set away from their defaults, the swept ones
                               and their values, seed, replications, warm-up, duration),
                               the charts, and the headline metrics per point as mean ±
                               95% half-width, with paired differences from the baseline
                               when there is one
index.md holds no wall time, so the same results render the same bytes. A chart an earlier
report linked that this one does not draw is removed.

When DIR already holds the complete results of this very experiment (the same
experiment hash: file, --set and defaults; every run; each CSV matching the checksum
its meta records, so an edited file is refused, exit 2, not rendered), report renders
them without running and says so on stderr. They may have been moved there: files are
found by name beside the meta. Results of another hash, another --timeseries or
--baseline, or no results are run.

Options:
  --out DIR           the folder (default results/<name>)
  --no-run            only render what DIR holds; exit 2 saying why when it holds nothing
                      to render
  --rerun             run the experiment even when DIR holds its results
  --set, --workers, --resume, --baseline, --timeseries, --force, --overwrite, --quiet
                      as for eastwest run; --overwrite also replaces an index.md or an
                      SVG in DIR that eastwest did not write
  -h, --help          show this help

Examples:
  eastwest report experiments/quickstart.yaml              (npm start does this)
  eastwest report experiments/churn-rollout.yaml --timeseries 1s
  eastwest report experiments/proxy-modes-at-scale.yaml --no-run
                                         (its baseline is the one its meta records)
`;
