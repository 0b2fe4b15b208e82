import { resolve } from 'node:path';
import { InputError } from '../input-error.js';
import type { CliContext } from './cli-context.js';
import { IMPORT_CLUSTER_HELP } from './help-text.js';
import { clusterShape } from './import-cluster/cluster-shape.js';
import { clusterYaml } from './import-cluster/cluster-yaml.js';
import { readKubectlObjects } from './import-cluster/kubectl-objects.js';
import { readKubectlJson } from './import-cluster/read-kubectl-json.js';
import { writeOutputFile } from './import-cluster/write-output-file.js';
import { parseCommandArgs } from './parse-command-args.js';

const OPTIONS = {
  out: { type: 'string' },
  overwrite: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const COMMAND = 'eastwest import-cluster';

/** `eastwest import-cluster FILE.json [--out PATH] [--overwrite]`: a cluster's shape, counts only, as experiment YAML. */
export async function importClusterCommand(args: readonly string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(COMMAND, args, OPTIONS);
  if (values.help === true) {
    context.stdout.write(IMPORT_CLUSTER_HELP);
    return 0;
  }
  const file = kubectlFile(positionals);
  const path = resolve(context.cwd, file);
  const yaml = importCluster(readKubectlJson(path, file), file);
  if (values.out === undefined) {
    context.stdout.write(yaml);
    return 0;
  }
  const out = String(values.out);
  writeOutputFile(resolve(context.cwd, out), yaml, { name: out, overwrite: values.overwrite === true, input: path });
  return 0;
}

/** The YAML for a parsed dump; `name` (the file as typed) goes in front of every complaint. */
export function importCluster(data: unknown, name: string): string {
  try {
    const { shape, tally } = clusterShape(readKubectlObjects(data));
    return clusterYaml(shape, tally);
  } catch (error) {
    throw error instanceof InputError ? error.prefixed(name) : error;
  }
}

function kubectlFile(positionals: readonly string[]): string {
  if (positionals.length === 1) return positionals[0];
  const found = positionals.length === 0 ? 'nothing' : positionals.join(' ');
  throw new InputError(
    `${COMMAND}: Expected one file, the output of \`kubectl get nodes,services,endpointslices -A -o json\`, got \`${found}\` (see \`${COMMAND} --help\`)`,
  );
}
