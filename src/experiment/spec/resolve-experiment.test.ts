import { describe, expect, it } from 'vitest';
import { resolveError, resolveText, SMALL_EXPERIMENT } from '../testing/experiment-fixtures.js';

const HEAD = 'name: t\nduration: 10s\n';

describe('resolveExperiment', () => {
  it('numbers grid points with the last axis varying fastest, then the cases', () => {
    const experiment = resolveText(SMALL_EXPERIMENT);
    const shown = experiment.points.map((point) => `${point.values.get('proxy.mode')}/${point.values.get('cluster.services')}`);
    expect(shown).toEqual(['iptables/10', 'iptables/100', 'iptables/1000', 'ipvs/10', 'ipvs/100', 'ipvs/1000', 'ebpf/10']);
    expect(experiment.points.map((point) => point.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(experiment.points[6].origin).toBe('cases[0]');
    expect(experiment.runCount).toBe(14);
  });

  it('lists swept paths, then new case paths, as parameter columns', () => {
    expect(resolveText(SMALL_EXPERIMENT).parameterColumns).toEqual(['proxy.mode', 'cluster.services', 'workload.serviceTime.median']);
  });

  it('fills every parameter in: defaults, then the scenario, then the point', () => {
    const point = resolveText(SMALL_EXPERIMENT).points[4];
    expect(point.values.get('workload.requestsPerSecond')).toBe(50);
    expect(point.values.get('workload.idleTimeout')).toBe(90e9);
    expect(point.scenario['workload.idleTimeout']).toBe('90s');
    expect(point.scenario['cluster.services']).toBe(100);
  });

  it('sweeps one field of a distribution inside the written distribution', () => {
    const experiment = resolveText(`${HEAD}sweep:\n  workload.serviceTime.median: [1ms, 5ms]\n`);
    expect(experiment.points.map((point) => point.values.get('workload.serviceTime'))).toEqual([
      { dist: 'lognormal', median: 1e6, p99: 20e6 },
      { dist: 'lognormal', median: 5e6, p99: 20e6 },
    ]);
    expect(experiment.points[1].scenario['workload.serviceTime']).toEqual({ dist: 'lognormal', median: '5ms', p99: '20ms' });
  });

  it('lets a swept field complete a distribution the scenario leaves partial', () => {
    const text = `${HEAD}scenario:\n  workload.serviceTime: { dist: exponential }\nsweep:\n  workload.serviceTime.mean: [1ms, 2ms]\n`;
    expect(resolveText(text).points[0].values.get('workload.serviceTime')).toEqual({ dist: 'exponential', mean: 1e6 });
  });

  it('makes one point of the base scenario when nothing is swept', () => {
    const experiment = resolveText(HEAD);
    expect(experiment.points).toHaveLength(1);
    expect(experiment.parameterColumns).toEqual([]);
    expect(experiment.header).toMatchObject({ seed: 1, replications: 1, warmup: 0, duration: 10e9 });
  });

  it('makes only the cases when there is no sweep', () => {
    const experiment = resolveText(`${HEAD}cases:\n  - { proxy.mode: ipvs }\n  - { proxy.mode: ebpf }\n`);
    expect(experiment.points.map((point) => point.values.get('proxy.mode'))).toEqual(['ipvs', 'ebpf']);
  });

  it('accepts nested maps and dotted keys in the scenario and in cases', () => {
    const text = `${HEAD}scenario:\n  cluster: { services: 5 }\n  proxy.mode: ipvs\ncases:\n  - { dns: { nodeLocalCache: true } }\n`;
    const [point] = resolveText(text).points;
    expect([point.values.get('cluster.services'), point.values.get('proxy.mode'), point.values.get('dns.nodeLocalCache')]).toEqual([5, 'ipvs', true]);
  });

  it('overrides scenario paths and top-level keys with --set, values read as YAML', () => {
    const experiment = resolveText(SMALL_EXPERIMENT, {
      sets: ['seed=42', 'replications=3', 'duration=1m', 'warmup=0s', 'workload.requestsPerSecond=2.5', 'dns.nodeLocalCache=true'],
    });
    expect(experiment.header).toMatchObject({ seed: 42, replications: 3, duration: 60e9, warmup: 0 });
    expect(experiment.points[0].values.get('workload.requestsPerSecond')).toBe(2.5);
    expect(experiment.points[0].values.get('dns.nodeLocalCache')).toBe(true);
    expect(experiment.runCount).toBe(21);
  });

  it('hashes the resolved experiment, so --set changes the hash and writing a default does not', () => {
    const base = resolveText(HEAD).hash;
    expect(resolveText(`${HEAD}seed: 1\nreplications: 1\nwarmup: 0s\nscenario: { proxy.mode: iptables }\n`).hash).toBe(base);
    expect(resolveText(HEAD, { sets: ['seed=2'] }).hash).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('resolveExperiment rejects bad input with exact messages', () => {
  const cases: [what: string, text: string, message: string, sets?: string[]][] = [
    ['a scenario value out of range', `${HEAD}scenario:\n  cluster: { services: -3 }\n`, 'x.yaml: Expected `cluster.services` to be an integer from 1 to 100000, got `-3`'],
    ['an unknown scenario key with a suggestion', `${HEAD}scenario:\n  cluster: { servics: 3 }\n`, 'x.yaml: Unknown parameter `cluster.servics` in `scenario`; did you mean `cluster.services`?'],
    ['an unknown top-level key with a suggestion', `${HEAD}sweeps: {}\n`, 'x.yaml: Unknown top-level key `sweeps`; did you mean `sweep`? (the keys are name, description, seed, replications, duration, warmup, scenario, sweep, cases)'],
    ['a choice that is not one of the choices', `${HEAD}scenario:\n  proxy: { mode: ipvss }\n`, 'x.yaml: Expected `proxy.mode` to be one of iptables, ipvs, nftables, ebpf, got `ipvss`'],
    ['a word where a number belongs', `${HEAD}scenario:\n  workload: { requestsPerSecond: fast }\n`, 'x.yaml: Expected `workload.requestsPerSecond` to be a number > 0, got `fast`'],
    ['a duration without a unit', `${HEAD}scenario:\n  workload: { idleTimeout: 90 }\n`, 'x.yaml: Expected `workload.idleTimeout` to be a duration with a unit (ns, us, ms, s, m, h) from 0s to 720h, got `90`'],
    ['a scalar where a group of parameters belongs', `${HEAD}scenario:\n  cluster: 5\n`, 'x.yaml: Expected `scenario.cluster` to be a map of the parameters under `cluster`, got `5`'],
    ['an empty sweep axis', `${HEAD}sweep:\n  cluster.services: []\n`, 'x.yaml: Expected `sweep.cluster.services` to be a non-empty list of values, got `[]`'],
    ['a sweep axis that is not a list', `${HEAD}sweep:\n  cluster.services: 10\n`, 'x.yaml: Expected `sweep.cluster.services` to be a non-empty list of values, got `10`'],
    ['a sweep axis with a repeated value', `${HEAD}sweep:\n  cluster.services: [1, 1]\n`, 'x.yaml: Expected `sweep.cluster.services` to be a list of distinct values, got `[1,1]`'],
    ['an unknown sweep path with a suggestion', `${HEAD}sweep:\n  proxy.mod: [ipvs]\n`, 'x.yaml: Unknown parameter `proxy.mod` in `sweep`; did you mean `proxy.mode`?'],
    ['a swept value out of range, naming the point', `${HEAD}sweep:\n  cluster.services: [10, 0]\n`, 'x.yaml: Expected `cluster.services` to be an integer from 1 to 100000, got `0` (point 1, sweep: cluster.services=0)'],
    ['a sweep of a distribution and of its own field', `${HEAD}sweep:\n  workload.serviceTime: [{ dist: constant, value: 1ms }]\n  workload.serviceTime.median: [1ms]\n`, 'x.yaml: `sweep` sets both `workload.serviceTime` and `workload.serviceTime.median`; set one or the other'],
    ['a swept distribution field that breaks the distribution', `${HEAD}sweep:\n  workload.serviceTime.median: [30ms]\n`, 'x.yaml: Expected `workload.serviceTime.p99` to be a duration >= `workload.serviceTime.median` (30ms), got `20ms` (point 0, sweep: workload.serviceTime.median=30ms)'],
    ['a case naming an unknown path', `${HEAD}cases:\n  - { proxy.mod: ipvs }\n`, 'x.yaml: Unknown parameter `proxy.mod` in `cases[0]`; did you mean `proxy.mode`?'],
    ['a case that is not a map', `${HEAD}cases:\n  - ipvs\n`, 'x.yaml: Expected `cases[0]` to be a map from dotted parameter paths to values, got `ipvs`'],
    ['a case value out of range, naming the point', `${HEAD}cases:\n  - { cluster.services: 0 }\n`, 'x.yaml: Expected `cluster.services` to be an integer from 1 to 100000, got `0` (point 0, cases[0]: cluster.services=0)'],
    ['a missing name', 'duration: 10s\n', 'x.yaml: Expected `name` to be lower-case letters, digits and dashes (it names the output files), got `nothing`'],
    ['a name that cannot be a file name', 'name: My Test\nduration: 10s\n', 'x.yaml: Expected `name` to be lower-case letters, digits and dashes (it names the output files), got `My Test`'],
    ['a missing duration', 'name: t\n', 'x.yaml: Expected `duration` to be a duration with a unit such as `60s` (it is required), got `nothing`'],
    ['zero replications', `${HEAD}replications: 0\n`, 'x.yaml: Expected `replications` to be an integer from 1 to 1000000, got `0`'],
    ['an empty file', '', 'x.yaml: Expected the file to be a map with at least `name` and `duration`, got `nothing`'],
    ['a file that is not a map', '- a\n- b\n', 'x.yaml: Expected the file to be a map with at least `name` and `duration`, got `["a","b"]`'],
    ['--set on a path a case sets', `${HEAD}cases:\n  - { cluster.services: 5 }\n`, '--set cluster.services=100: `cluster.services` varies between points (sweep or cases); change its values in the file instead', ['cluster.services=100']],
    ['--set on a swept path', `${HEAD}sweep:\n  cluster.services: [1, 2]\n`, '--set cluster.services=100: `cluster.services` varies between points (sweep or cases); change its values in the file instead', ['cluster.services=100']],
    ['--set on a distribution whose field is swept', `${HEAD}sweep:\n  workload.serviceTime.median: [1ms, 2ms]\n`, '--set workload.serviceTime={ dist: constant, value: 1ms }: `workload.serviceTime.median` varies between points (sweep or cases); change its values in the file instead', ['workload.serviceTime={ dist: constant, value: 1ms }']],
    ['--set on an unknown path with a suggestion', HEAD, '--set proxy.mod=ipvs: Unknown parameter `proxy.mod`; did you mean `proxy.mode`? (besides parameters, --set takes seed, replications, duration, warmup)', ['proxy.mod=ipvs']],
    ['--set of a top-level key out of range', HEAD, '--set replications=0: Expected `replications` to be an integer from 1 to 1000000, got `0`', ['replications=0']],
    ['--set of a scenario value out of range', HEAD, '--set cluster.services=-3: Expected `cluster.services` to be an integer from 1 to 100000, got `-3`', ['cluster.services=-3']],
    ['--set without =', HEAD, '--set cluster.services: Expected `--set` to be `path=value` (e.g. `cluster.services=100`), got `cluster.services`', ['cluster.services']],
  ];

  it.each(cases)('rejects %s', (_what, text, message, sets) => {
    expect(resolveError(text, { sets })).toBe(message);
  });

  it('rejects a grid of more than 10,000 runs without --force and accepts it with --force', () => {
    const text = `${HEAD}replications: 3\nsweep:\n  cluster.services: [${Array.from({ length: 3334 }, (_, i) => i + 1).join(', ')}]\n`;
    expect(resolveError(text)).toBe(
      'x.yaml: the grid has 10,002 runs (3,334 points × 3 replications), over the limit of 10,000 runs; shrink the sweep, or pass --force to run it anyway',
    );
    expect(resolveText(text, { force: true }).runCount).toBe(10_002);
  });
});
