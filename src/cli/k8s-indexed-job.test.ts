/**
 * The Kubernetes manifests of experiments/k8s: valid against the Kubernetes schema, N the same
 * in the Indexed Job and the merge, resources that match eastwest's memory estimate, and the
 * Jobs' own command lines, run here index by index as the pods would run them, giving the files
 * of a single `eastwest run` byte for byte. (No cluster or Docker daemon is reachable here; the
 * Dockerfile is only checked for the entrypoint the manifests rely on.)
 */
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { scenarioModel } from '../../models/index.js';
import { scenarioMemoryItems } from '../../models/scenario/memory-estimate.js';
import { resolveExperiment, type MemoryLimit } from '../experiment/index.js';
import { temporaryFolder } from '../experiment/testing/experiment-fixtures.js';
import { runCaptured, type CliOutcome } from './testing/captured-cli.js';
import { jobRuleViolations } from './testing/job-api-rules.js';
import { K8S_FOLDER, manifestFiles, onlyContainer, optionValue, quantityBytes, readJob, readManifests, readOne, remount } from './testing/k8s-manifests.js';

/** The real model as main.ts wires it, with its memory estimate. */
const REAL = {
  model: { ...scenarioModel, estimateMemory: scenarioMemoryItems },
  modelSource: { moduleUrl: new URL('../../models/index.js', import.meta.url).href, exportName: 'scenarioModel' },
};

const sweepJob = (): IJob => readJob('sweep-job.yaml');
const mergeJob = (): IJob => readJob('merge-job.yaml');
const argsOf = (container: IContainer): string[] => container.args ?? [];
const shardsOf = (job: IJob): number => Number(optionValue(argsOf(onlyContainer(job)), 'shards'));

/** The experiment file the sweep runs: its first argument after `run`. */
function experimentPath(job: IJob): string {
  const [command, file] = argsOf(onlyContainer(job));
  expect(command).toBe('run');
  return file;
}

/** The parts `eastwest run --shards N --out X.csv` writes: X.part-K-of-N.csv for K = 1..N. */
function partsOf(out: string, n: number): string[] {
  return Array.from({ length: n }, (_, k) => out.replace(/\.csv$/, `.part-${k + 1}-of-${n}.csv`));
}

function volumesOf(job: IJob | IPod): IVolume[] {
  const spec = 'template' in (job.spec ?? {}) ? (job as IJob).spec?.template.spec : (job as IPod).spec;
  return spec?.volumes ?? [];
}

/** Each volume mount of the container, by mount path, to a folder under `root` named after what it mounts (a claim shared by two Jobs is one folder). */
function mountFolders(job: IJob, root: string): Record<string, string> {
  const volumes = new Map(volumesOf(job).map((volume) => [volume.name, volume]));
  const folders: Record<string, string> = {};
  for (const mount of onlyContainer(job).volumeMounts ?? []) {
    const volume = volumes.get(mount.name);
    const source = volume?.persistentVolumeClaim?.claimName ?? volume?.configMap?.name;
    if (source === undefined) throw new Error(`mount ${mount.name}: expected a PVC or ConfigMap volume`);
    folders[mount.mountPath] = join(root, source);
  }
  return folders;
}

/** A ConfigMap volume as the kubelet lays it out: each key a symbolic link into `..data`, itself a link to a timestamped folder. */
function writeConfigMapVolume(folder: string, files: Readonly<Record<string, string>>): void {
  const stamped = '..2026_11_30_00_00_00.000000001';
  mkdirSync(join(folder, stamped), { recursive: true });
  for (const [key, text] of Object.entries(files)) writeFileSync(join(folder, stamped, key), text);
  symlinkSync(stamped, join(folder, '..data'));
  for (const key of Object.keys(files)) symlinkSync(join('..data', key), join(folder, key));
}

/**
 * The shipped experiment cut down to N runs of a tiny cluster, keeping its name and seed: one
 * run per shard keeps each shard on the in-process runner whatever --workers says (eastwest
 * starts min(--workers, runs) threads; threads give the same bytes, run-workers.test.ts), so
 * the test takes seconds. Two points when N is even, so a point's replications lie in
 * several shards and the merged summary has to gather them.
 */
function tinyExperiment(shipped: string, runs: number): string {
  const { name, seed } = parseYaml(shipped) as { name: string; seed: number };
  const points = runs % 2 === 0 ? 2 : 1;
  return stringify({
    name,
    seed,
    replications: runs / points,
    duration: '1s',
    warmup: '100ms',
    scenario: { cluster: { nodes: 4, services: 10, endpointsPerService: 2 }, workload: { requestsPerSecond: 200, clientPods: 20 } },
    sweep: { 'proxy.mode': ['iptables', 'nftables'].slice(0, points) },
  });
}

/** The memory eastwest sees in the sweep's pod: its memory limit (the cgroup's), one heap as NODE_OPTIONS sizes it. */
function podMemory(container: IContainer): MemoryLimit {
  const limit = quantityBytes(container.resources?.limits?.memory);
  const nodeOptions = container.env?.find((variable) => variable.name === 'NODE_OPTIONS')?.value ?? '';
  const heapMiB = /--max-old-space-size=(\d+)/.exec(nodeOptions)?.[1];
  if (heapMiB === undefined) throw new Error('expected NODE_OPTIONS=--max-old-space-size=MiB in the sweep container');
  return { bytes: limit, source: 'the memory limit of sweep-job.yaml', heapBytes: Number(heapMiB) * 2 ** 20 };
}

/** The shipped experiment: the ConfigMap's key that the sweep's file path names. */
function shippedExperiment(): { key: string; text: string } {
  const configMap = readOne<IConfigMap>('configmap.yaml', 'ConfigMap');
  const key = experimentPath(sweepJob()).replace(/^.*\//, '');
  const text = configMap.data?.[key];
  if (text === undefined) throw new Error(`configmap.yaml: no key ${key}`);
  return { key, text };
}

describe('experiments/k8s manifests', () => {
  it('are valid against the Kubernetes schema, each document of each file, and a broken one is caught', () => {
    const files = manifestFiles();
    expect(files).toEqual(['configmap.yaml', 'merge-job.yaml', 'pvc.yaml', 'results-reader.yaml', 'sweep-job.yaml']);
    for (const file of files) expect(readManifests(file).length).toBe(1);
    const broken = readFileSync(join(K8S_FOLDER, 'sweep-job.yaml'), 'utf8').replace('completionMode: Indexed', 'completionMode: Indexd');
    expect(() => readManifests('sweep-job.yaml', broken)).toThrow(/completionMode must be equal to one of the allowed values/);
  });

  it("keep the API server's rules for Jobs that the schema does not hold, and a Job breaking them is caught", () => {
    expect(jobRuleViolations(sweepJob())).toEqual([]);
    expect(jobRuleViolations(mergeJob())).toEqual([]);
    const sweep = sweepJob();
    const nonIndexed: IJob = { ...sweep, spec: { ...sweep.spec!, completionMode: 'NonIndexed', backoffLimitPerIndex: undefined, podReplacementPolicy: 'TerminatingOrFailed' } };
    expect(jobRuleViolations(nonIndexed)).toEqual([
      'the FailIndex action can only be used when backoffLimitPerIndex is set',
      'with podFailurePolicy, podReplacementPolicy can only be Failed',
    ]);
  });

  it('run the sweep as an Indexed Job with completions N and --shards N, retried with --resume, the image entrypoint being eastwest', () => {
    const job = sweepJob();
    const container = onlyContainer(job);
    expect(job.spec?.completionMode).toBe('Indexed');
    expect(job.spec?.completions).toBe(shardsOf(job));
    expect(job.spec?.parallelism).toBeLessThanOrEqual(shardsOf(job));
    expect(job.spec?.backoffLimitPerIndex).toBeGreaterThan(0);
    expect(job.spec?.podReplacementPolicy).toBe('Failed');
    expect(job.spec?.template.spec?.restartPolicy).toBe('Never');
    expect(argsOf(container)).toContain('--resume');
    // No `command`: the args go to the image's entrypoint, which must be eastwest's launcher.
    expect(container.command).toBeUndefined();
    const entrypoint = /^ENTRYPOINT\s+(\[.*\])\s*$/m.exec(readFileSync(join(K8S_FOLDER, 'Dockerfile'), 'utf8'))?.[1];
    const [node, launcher] = JSON.parse(entrypoint ?? '[]').slice(-2);
    expect([node, launcher.replace(/^.*\/bin\//, 'bin/')]).toEqual(['node', 'bin/eastwest.js']);
  });

  it('merge exactly the N parts the sweep writes, into the output the sweep names', () => {
    const sweepArgs = argsOf(onlyContainer(sweepJob()));
    const mergeArgs = argsOf(onlyContainer(mergeJob()));
    const out = optionValue(sweepArgs, 'out');
    expect(mergeArgs).toEqual(['merge', ...partsOf(out, shardsOf(sweepJob())), '--out', out]);
    expect(onlyContainer(mergeJob()).image).toBe(onlyContainer(sweepJob()).image);
  });

  it('read the experiment from the ConfigMap, which carries services-sweep.yaml as it is, and share one ReadWriteMany claim', () => {
    const pvc = readOne<IPersistentVolumeClaim>('pvc.yaml', 'PersistentVolumeClaim');
    expect(pvc.spec?.accessModes).toEqual(['ReadWriteMany']);
    const claims = [sweepJob(), mergeJob(), readOne<IPod>('results-reader.yaml', 'Pod')].map((object) =>
      volumesOf(object).flatMap((volume) => volume.persistentVolumeClaim?.claimName ?? []),
    );
    expect(claims).toEqual([[pvc.metadata?.name], [pvc.metadata?.name], [pvc.metadata?.name]]);
    const configMap = readOne<IConfigMap>('configmap.yaml', 'ConfigMap');
    expect(volumesOf(sweepJob()).flatMap((volume) => volume.configMap?.name ?? [])).toEqual([configMap.metadata?.name]);
    const { key, text } = shippedExperiment();
    expect(text).toBe(readFileSync(join(K8S_FOLDER, key), 'utf8'));
    expect(experimentPath(sweepJob())).toBe(`${onlyContainer(sweepJob()).volumeMounts?.find((mount) => mount.name === 'experiment')?.mountPath}/${key}`);
  });

  it("give --workers the pod's CPU, and memory for that many of the shipped experiment's largest run, as eastwest estimates it", () => {
    const container = onlyContainer(sweepJob());
    const workers = optionValue(argsOf(container), 'workers');
    expect([container.resources?.requests?.cpu, container.resources?.limits?.cpu].map(String)).toEqual([workers, workers]);
    expect(container.resources?.requests?.memory).toBe(container.resources?.limits?.memory);
    const { key, text } = shippedExperiment();
    const memoryLimit = podMemory(container);
    const resolve = (limit: MemoryLimit) => resolveExperiment(parseYaml(text), key, REAL.model, { workers: Number(workers), memoryLimit: limit });
    expect(() => resolve(memoryLimit)).not.toThrow();
    // The check is live: in half the memory, or a heap too small for one run, eastwest refuses the runs.
    expect(() => resolve({ ...memoryLimit, bytes: memoryLimit.bytes / 2 })).toThrow(/the runs would need about [\d.]+ GiB of memory/);
    expect(() => resolve({ ...memoryLimit, heapBytes: memoryLimit.heapBytes / 2 })).toThrow(/over the [\d.]+ GiB one JavaScript heap may hold/);
  });

  it("run index by index as Kubernetes would, then merged, give one eastwest run's CSVs byte for byte", async () => {
    const sweep = sweepJob();
    const merge = mergeJob();
    const n = sweep.spec?.completions ?? 0;
    const root = temporaryFolder();
    const folders = { ...mountFolders(sweep, root), ...mountFolders(merge, root) };
    const { key, text } = shippedExperiment();
    writeConfigMapVolume(folders['/experiments'], { [key]: tinyExperiment(text, n) });
    const context = { cwd: root, ...REAL, memoryLimit: podMemory(onlyContainer(sweep)) };
    const run = async (args: readonly string[], env: Record<string, string> = {}): Promise<CliOutcome> => {
      const outcome = await runCaptured(remount(args, folders), { ...context, env });
      expect(outcome.status, outcome.stderr).toBe(0);
      return outcome;
    };

    for (let index = 0; index < n; index += 1) await run(argsOf(onlyContainer(sweep)), { JOB_COMPLETION_INDEX: String(index) });
    const firstPart = remount(partsOf(optionValue(argsOf(onlyContainer(sweep)), 'out'), n), folders)[0];
    const before = readFileSync(firstPart, 'utf8');
    // A pod that finished but whose success Kubernetes did not record runs again: same part.
    await run(argsOf(onlyContainer(sweep)), { JOB_COMPLETION_INDEX: '0' });
    expect(readFileSync(firstPart, 'utf8')).toBe(before);
    await run(argsOf(onlyContainer(merge)));

    const out = remount([optionValue(argsOf(onlyContainer(merge)), 'out')], folders)[0];
    const single = join(root, 'single', out.replace(/^.*\//, ''));
    await run(['run', remount([experimentPath(sweep)], folders)[0], '--workers', '1', '--out', single, '--quiet']);
    for (const suffix of ['.csv', '.summary.csv', '.classes.csv']) {
      const merged = readFileSync(out.replace(/\.csv$/, suffix), 'utf8');
      expect(merged, suffix).toBe(readFileSync(single.replace(/\.csv$/, suffix), 'utf8'));
      expect(merged.split('\n').length, suffix).toBeGreaterThan(2);
    }
    // Every run is in, once: N rows; and no journal or lock is left on the volume.
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(n + 1);
    expect(readdirSync(folders['/results']).filter((name) => /\.(journal|lock|commit)$/.test(name))).toEqual([]);
  });
});
