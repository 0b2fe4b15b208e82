import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { temporaryFolder } from '../experiment/testing/experiment-fixtures.js';
import { scenarioModel } from '../../models/index.js';
import { runCaptured } from './testing/captured-cli.js';
import { FIXTURE_MARKERS, kubectlList, type FixtureCluster, type FixtureService } from './testing/kubectl-list-fixture.js';

const SERVICE: FixtureService = { namespace: 0, ports: 1, headless: false, externalName: false, readyEndpoints: 3, notReadyEndpoints: 1, endpointsPerSlice: 100, dualStack: false };

/** A cluster with every case: 1–3 ports and none, headless, ExternalName, not-ready endpoints, Services over two slices, dual stack, empty slices. */
const MIXED: FixtureCluster = {
  nodes: 7,
  pods: 2,
  services: [
    SERVICE,
    { ...SERVICE, namespace: 1, readyEndpoints: 150, notReadyEndpoints: 20 },
    { ...SERVICE, namespace: 1, readyEndpoints: 3, notReadyEndpoints: 0, endpointsPerSlice: 2 },
    { ...SERVICE, namespace: 2, ports: 2, readyEndpoints: 0, notReadyEndpoints: 4 },
    { ...SERVICE, namespace: 2, ports: 3, readyEndpoints: 5, headless: true, dualStack: true },
    { ...SERVICE, namespace: 2, ports: 0, readyEndpoints: 2, headless: true },
    { ...SERVICE, namespace: 3, externalName: true },
    { ...SERVICE, namespace: 2, ports: 2, readyEndpoints: 0, notReadyEndpoints: 0 },
  ],
};

/** The shape import-cluster should find, worked out from the fixture's own description rather than its objects. */
function expectedShape(cluster: FixtureCluster): object {
  const imported = cluster.services.filter((service) => !service.externalName);
  const headless = imported.filter((service) => service.headless).length;
  const classes = [...new Set(imported.map((service) => Math.max(1, service.ports)))].sort((a, b) => a - b).map((ports) => {
    const members = imported.filter((service) => Math.max(1, service.ports) === ports);
    const histogram: Record<string, number> = {};
    for (const service of members) histogram[service.readyEndpoints] = (histogram[service.readyEndpoints] ?? 0) + 1;
    return { name: `ports-${ports}`, count: members.length, ports, endpoints: { histogram } };
  });
  return {
    cluster: {
      ...(cluster.nodes > 0 ? { nodes: cluster.nodes } : {}),
      namespaces: new Set(imported.map((service) => service.namespace)).size,
      ...(headless > 0 ? { headlessServiceRatio: Number((headless / imported.length).toPrecision(6)) } : {}),
      serviceClasses: classes,
    },
  };
}

function folderWithJson(data: unknown, file = 'cluster.json'): string {
  const cwd = temporaryFolder();
  writeFileSync(join(cwd, file), typeof data === 'string' ? data : JSON.stringify(data, null, 2));
  return cwd;
}

async function importCluster(data: unknown, ...options: string[]): Promise<{ status: number; stdout: string; stderr: string; cwd: string }> {
  const cwd = folderWithJson(data);
  return { ...(await runCaptured(['import-cluster', 'cluster.json', ...options], { cwd })), cwd };
}

describe('eastwest import-cluster', () => {
  it('writes the cluster shape a fixture was made from: nodes, namespaces, headless ratio, one class per port count with its histogram', async () => {
    const outcome = await importCluster(kubectlList(MIXED));
    expect(outcome.stderr).toBe('');
    expect(outcome.status).toBe(0);
    expect(parse(outcome.stdout)).toEqual(expectedShape(MIXED));
    expect(parse(outcome.stdout)).toEqual({
      cluster: {
        nodes: 7,
        namespaces: 3,
        headlessServiceRatio: 0.285714,
        serviceClasses: [
          { name: 'ports-1', count: 4, ports: 1, endpoints: { histogram: { 2: 1, 3: 2, 150: 1 } } },
          { name: 'ports-2', count: 2, ports: 2, endpoints: { histogram: { 0: 2 } } },
          { name: 'ports-3', count: 1, ports: 3, endpoints: { histogram: { 5: 1 } } },
        ],
      },
    });
  });

  it("writes a scenario the model takes: the imported classes run, with the fixture's Services and endpoints", async () => {
    const { stdout } = await importCluster(kubectlList(MIXED));
    const experiment = `name: imported\nduration: 2s\nwarmup: 1s\nscenario:\n  workload: { requestsPerSecond: 200, clientPods: 20 }\n${stdout.replace(/^/gm, '  ')}`;
    const cwd = temporaryFolder();
    writeFileSync(join(cwd, 'imported.yaml'), experiment);
    const run = await runCaptured(['run', 'imported.yaml', '--quiet'], { cwd, model: scenarioModel });
    expect(run.stderr).not.toMatch(/^error/m);
    expect(run.status).toBe(0);
    const classes = readFileSync(join(cwd, 'results/imported.classes.csv'), 'utf8').trim().split('\n');
    const header = classes[0].split(',');
    const cell = (row: string, column: string) => row.split(',')[header.indexOf(column)];
    expect(classes.slice(1).map((row) => [cell(row, 'class'), cell(row, 'class_services'), cell(row, 'class_endpoints')])).toEqual([
      ['ports-1', '4', String(2 + 3 + 3 + 150)],
      ['ports-2', '2', '0'],
      ['ports-3', '1', '5'],
    ]);
  });

  it('says in a comment what it read, skipped and ignored, and writes each histogram on one line with bare numbers', async () => {
    const { stdout } = await importCluster(kubectlList(MIXED));
    const lines = stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      '# eastwest import-cluster: counts only, from 7 Nodes, 8 Services and 10 EndpointSlices',
      '# skipped 1 ExternalName Service (no ClusterIP, no proxy rules); ignored 2 items of other kinds',
    ]);
    expect(lines).toContain('      endpoints: { histogram: { 2: 1, 3: 2, 150: 1 } }');
  });

  it('gives back the shape of any generated cluster, and keeps no name, address or label', async () => {
    const service = fc.record({
      namespace: fc.integer({ min: 0, max: 4 }),
      ports: fc.integer({ min: 0, max: 3 }),
      headless: fc.boolean(),
      externalName: fc.boolean(),
      readyEndpoints: fc.integer({ min: 0, max: 120 }),
      notReadyEndpoints: fc.integer({ min: 0, max: 5 }),
      endpointsPerSlice: fc.constantFrom(100, 7),
      dualStack: fc.boolean(),
    });
    const cluster = fc.record({ nodes: fc.integer({ min: 0, max: 5 }), pods: fc.integer({ min: 0, max: 2 }), services: fc.array(service, { minLength: 1, maxLength: 12 }) });
    await fc.assert(
      fc.asyncProperty(cluster.filter((c) => c.services.some((s) => !s.externalName)), async (generated) => {
        const { stdout, status } = await importCluster(kubectlList(generated));
        expect(status).toBe(0);
        expect(parse(stdout)).toEqual(expectedShape(generated));
        for (const marker of FIXTURE_MARKERS) expect(stdout).not.toContain(marker);
      }),
      { numRuns: 40 },
    );
  });

  it('leaves nodes out, saying so, when the dump has no Node, and reads a typed list whose items have no kind', async () => {
    const services = kubectlList({ nodes: 0, pods: 0, services: [SERVICE] }).items.filter((item) => (item as { kind: string }).kind === 'Service');
    const { stdout, status } = await importCluster({ apiVersion: 'v1', kind: 'ServiceList', items: services.map(({ kind: _, ...rest }: { kind?: string }) => rest) });
    expect(status).toBe(0);
    expect(stdout).toContain('# no Node was read, so cluster.nodes is left out and takes its default\n');
    expect(parse(stdout)).toEqual({ cluster: { namespaces: 1, serviceClasses: [{ name: 'ports-1', count: 1, ports: 1, endpoints: { histogram: { 0: 1 } } }] } });
  });

  it('ignores FQDN slices', async () => {
    const list = kubectlList({ nodes: 1, pods: 0, services: [{ ...SERVICE, readyEndpoints: 0, notReadyEndpoints: 0 }] });
    const slice = list.items.find((item) => (item as { kind: string }).kind === 'EndpointSlice') as Record<string, unknown>;
    list.items.push({ ...slice, addressType: 'FQDN', endpoints: [{ addresses: ['a.zebra.example.com'], conditions: { ready: true } }] });
    expect(parse((await importCluster(list)).stdout).cluster.serviceClasses[0].endpoints).toEqual({ histogram: { 0: 1 } });
  });
});

describe('eastwest import-cluster --out', () => {
  it('writes the YAML to the file, and nothing to stdout', async () => {
    const outcome = await importCluster(kubectlList(MIXED), '--out', 'shape/cluster.yaml');
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toBe('');
    expect(parse(readFileSync(join(outcome.cwd, 'shape/cluster.yaml'), 'utf8'))).toEqual(expectedShape(MIXED));
    expect(readdirSync(join(outcome.cwd, 'shape'))).toEqual(['cluster.yaml']);
  });

  it('refuses a file already there, exit 2, unless --overwrite', async () => {
    const cwd = folderWithJson(kubectlList(MIXED));
    writeFileSync(join(cwd, 'cluster.yaml'), 'mine\n');
    const refused = await runCaptured(['import-cluster', 'cluster.json', '--out', 'cluster.yaml'], { cwd });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('error: Cannot write the output `cluster.yaml`: a file is already there; pass --overwrite to replace it, or choose another --out\n');
    expect(readFileSync(join(cwd, 'cluster.yaml'), 'utf8')).toBe('mine\n');
    const replaced = await runCaptured(['import-cluster', 'cluster.json', '--out', 'cluster.yaml', '--overwrite'], { cwd });
    expect(replaced.status).toBe(0);
    expect(parse(readFileSync(join(cwd, 'cluster.yaml'), 'utf8'))).toEqual(expectedShape(MIXED));
    expect(readdirSync(cwd).sort()).toEqual(['cluster.json', 'cluster.yaml']);
  });

  it('refuses an --out that is a folder, even with --overwrite', async () => {
    const outcome = await importCluster(kubectlList(MIXED), '--out', '.', '--overwrite');
    expect(outcome).toMatchObject({ status: 2, stderr: 'error: Cannot write the output `.`: it is a directory\n' });
  });

  it('never writes over the file it reads, even with --overwrite', async () => {
    const cwd = folderWithJson(kubectlList(MIXED));
    const before = readFileSync(join(cwd, 'cluster.json'), 'utf8');
    const outcome = await runCaptured(['import-cluster', 'cluster.json', '--out', './cluster.json', '--overwrite'], { cwd });
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toContain('it is the kubectl JSON being read, which eastwest never overwrites');
    expect(readFileSync(join(cwd, 'cluster.json'), 'utf8')).toBe(before);
  });
});

describe('eastwest import-cluster refuses bad input with exit 2 and one line', () => {
  async function refusal(data: unknown): Promise<string> {
    const outcome = await importCluster(data);
    expect(outcome.status).toBe(2);
    expect(outcome.stdout).toBe('');
    return outcome.stderr;
  }

  function listWith(change: (items: Record<string, unknown>[]) => void): unknown {
    const list = kubectlList({ nodes: 2, pods: 0, services: [SERVICE, SERVICE] });
    change(list.items as Record<string, unknown>[]);
    return list;
  }

  it('text that is not JSON, saying where', async () => {
    expect(await refusal('apiVersion: v1\nkind: List\n')).toBe(
      'error: cluster.json: expected JSON (the output of kubectl ... -o json), found text that is not JSON: unexpected `a` at line 1, column 1\n',
    );
    expect(await refusal('{\n  "kind": "List",\n  "items": [1,]\n}')).toBe(
      'error: cluster.json: expected JSON (the output of kubectl ... -o json), found text that is not JSON: unexpected `]` at line 3, column 15\n',
    );
    expect(await refusal('{"kind": "List", "items": [')).toContain('found text that is not JSON: it ends too early, at line 1 (cut short?)');
  });

  it('JSON that is not a kubectl List', async () => {
    expect(await refusal({ kind: 'Pod' })).toBe('error: cluster.json: expected a kubectl List (kind: List, items: [...]), found kind "Pod"\n');
    expect(await refusal([1, 2])).toBe('error: cluster.json: expected a kubectl List (kind: List, items: [...]), found a list\n');
    expect(await refusal({ kind: 'List', items: 7 })).toBe('error: cluster.json: expected a kubectl List (kind: List, items: [...]), found items: 7\n');
  });

  it('a List without Services', async () => {
    expect(await refusal({ kind: 'List', items: [{ kind: 'Node', metadata: { name: 'n' } }] })).toBe(
      'error: cluster.json: expected at least one Service (other than ExternalName), found none among 1 items\n',
    );
  });

  it('a Service without spec, or whose ports are not a list', async () => {
    expect(await refusal(listWith((items) => delete items[2].spec))).toBe(
      'error: cluster.json: items[2] (Service ns-orchid-0/svc-zebra-0): expected spec to be an object, found nothing\n',
    );
    expect(await refusal(listWith((items) => ((items[3].spec as Record<string, unknown>).ports = 7)))).toBe(
      'error: cluster.json: items[3] (Service ns-orchid-0/svc-zebra-1): expected spec.ports to be a list, found 7\n',
    );
  });

  it('an EndpointSlice without the service-name label, or with an endpoint whose ready is not a boolean', async () => {
    expect(await refusal(listWith((items) => delete (items[4].metadata as { labels?: unknown }).labels))).toBe(
      'error: cluster.json: items[4] (EndpointSlice ns-orchid-0/svc-zebra-0-0): expected metadata.labels["kubernetes.io/service-name"] to be the name of its Service, found nothing\n',
    );
    expect(await refusal(listWith((items) => ((items[5].endpoints as { conditions: object }[])[1].conditions = { ready: 'yes' })))).toBe(
      'error: cluster.json: items[5] (EndpointSlice ns-orchid-0/svc-zebra-1-0): expected endpoints[1].conditions.ready to be true or false, found "yes"\n',
    );
  });

  it('a missing file, or not exactly one', async () => {
    const cwd = temporaryFolder();
    const missing = await runCaptured(['import-cluster', 'nowhere.json'], { cwd });
    expect(missing).toMatchObject({ status: 2, stderr: 'error: nowhere.json: cannot read the kubectl JSON (no such file)\n' });
    const folder = await runCaptured(['import-cluster', '.'], { cwd });
    expect(folder).toMatchObject({ status: 2, stderr: 'error: .: cannot read the kubectl JSON (it is a directory)\n' });
    const none = await runCaptured(['import-cluster'], { cwd });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('Expected one file, the output of `kubectl get nodes,services,endpointslices -A -o json`, got `nothing`');
  });
});
