/**
 * Reads the Kubernetes manifests of experiments/k8s for the tests: each YAML document checked
 * against its kind's schema (kubernetes-models, generated from the Kubernetes OpenAPI), and the
 * few fields the tests compare (a Job's container, an option's value, a quantity in bytes).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Job, type IJob } from 'kubernetes-models/batch/v1/Job';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Pod } from 'kubernetes-models/v1/Pod';
import { parseAllDocuments } from 'yaml';

export const K8S_FOLDER = fileURLToPath(new URL('../../../experiments/k8s/', import.meta.url));

/** The kinds shipped there, each with the model whose validate() throws on a schema violation. */
const MODELS: Readonly<Record<string, new (data: never) => { validate(): void }>> = {
  Job,
  ConfigMap,
  PersistentVolumeClaim,
  Pod,
};

export interface Manifest {
  readonly file: string;
  readonly kind: string;
  readonly object: Record<string, unknown>;
}

/** The `.yaml` files of experiments/k8s that hold Kubernetes objects (not the experiment file beside them). */
export function manifestFiles(): string[] {
  const yamlFiles = readdirSync(K8S_FOLDER).filter((name) => name.endsWith('.yaml'));
  return yamlFiles.filter((name) => /^apiVersion:/m.test(readFileSync(join(K8S_FOLDER, name), 'utf8'))).sort();
}

/** Every document of a manifest file, each validated against its kind's schema (throws naming the file). */
export function readManifests(file: string, text = readFileSync(join(K8S_FOLDER, file), 'utf8')): Manifest[] {
  return parseAllDocuments(text).map((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0].message}`);
    const object = document.toJS() as Record<string, unknown>;
    const kind = String(object.kind);
    const Model = MODELS[kind];
    if (Model === undefined) throw new Error(`${file}: no schema here for kind ${kind}`);
    try {
      new Model(object as never).validate();
    } catch (error) {
      throw new Error(`${file} (${kind}): ${(error as Error).message}`);
    }
    return { file, kind, object };
  });
}

/** The one object of a file, of the kind expected. */
export function readOne<T>(file: string, kind: string): T {
  const manifests = readManifests(file);
  if (manifests.length !== 1 || manifests[0].kind !== kind) throw new Error(`${file}: expected one ${kind}`);
  return manifests[0].object as T;
}

export function readJob(file: string): IJob {
  return readOne<IJob>(file, 'Job');
}

/** A Job's only container (eastwest's Jobs have one). */
export function onlyContainer(job: IJob): IContainer {
  const containers = job.spec?.template.spec?.containers ?? [];
  if (containers.length !== 1) throw new Error(`Job ${job.metadata?.name}: expected one container, got ${containers.length}`);
  return containers[0];
}

/** The value after `--name` in a command line, which must appear exactly once. */
export function optionValue(args: readonly string[], name: string): string {
  const at = args.flatMap((arg, index) => (arg === `--${name}` ? [index] : []));
  if (at.length !== 1 || at[0] + 1 >= args.length) throw new Error(`expected one \`--${name} VALUE\` in ${args.join(' ')}`);
  return args[at[0] + 1];
}

const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };

/** A Kubernetes memory quantity in bytes (the binary suffixes the manifests use). */
export function quantityBytes(quantity: string | number | undefined): number {
  const match = /^(\d+)(Ki|Mi|Gi|Ti)?$/.exec(String(quantity));
  if (match === null) throw new Error(`expected a memory quantity like 12Gi, got ${String(quantity)}`);
  return Number(match[1]) * (match[2] === undefined ? 1 : BINARY_SUFFIXES[match[2]]);
}

/** Each argument under a container's mount path, moved to the same place under `folders[mountPath]`. */
export function remount(args: readonly string[], folders: Readonly<Record<string, string>>): string[] {
  return args.map((arg) => {
    const mount = Object.keys(folders).find((path) => arg.startsWith(`${path}/`));
    return mount === undefined ? arg : join(folders[mount], arg.slice(mount.length + 1));
  });
}
