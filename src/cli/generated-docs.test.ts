import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fakeModel, FAKE_PARAMETERS } from '../experiment/testing/fake-model.js';
import { SMALL_EXPERIMENT, temporaryFolder } from '../experiment/testing/experiment-fixtures.js';
import { scenarioModel } from '../../models/index.js';
import { experimentSchema } from './experiment-schema.js';
import { expectedDocuments, replaceMarkedSections, staleDocuments } from './generated-docs.js';
import { parameterTable } from './markdown-tables.js';

/** A repository folder holding exactly what `npm run docs` would write for the fake model. */
function freshRoot(readme?: string): string {
  const root = temporaryFolder();
  mkdirSync(join(root, 'docs'));
  if (readme !== undefined) writeFileSync(join(root, 'README.md'), readme);
  for (const [file, content] of expectedDocuments(fakeModel(), root)) writeFileSync(join(root, file), content);
  return root;
}

describe('generated documents', () => {
  it('renders one markdown row per parameter with default, range and source', () => {
    const rows = parameterTable(FAKE_PARAMETERS).split('\n');
    expect(rows[0]).toBe('| Path | Unit | Default | Range | Meaning | Source of the default |');
    expect(rows[2]).toBe('| `cluster.services` | Services | `10` | from 1 to 100000 | ClusterIP Services in the cluster. | assumption |');
  });

  it('replaces only the text between matching markers', () => {
    const text = 'intro\n<!-- generated:parameters -->\nold\n<!-- /generated:parameters -->\noutro\n<!-- generated:other -->\nkept\n<!-- /generated:other -->\n';
    expect(replaceMarkedSections(text, { parameters: 'new\n' })).toBe(
      'intro\n<!-- generated:parameters -->\nnew\n<!-- /generated:parameters -->\noutro\n<!-- generated:other -->\nkept\n<!-- /generated:other -->\n',
    );
  });

  it('finds nothing stale right after generating, and names a file edited by hand', () => {
    const root = freshRoot('# Readme\n<!-- generated:metrics -->\n<!-- /generated:metrics -->\n');
    expect(staleDocuments(fakeModel(), root)).toEqual([]);
    writeFileSync(join(root, 'docs/parameters.md'), 'edited\n');
    expect(staleDocuments(fakeModel(), root)).toEqual(['docs/parameters.md']);
  });

  it('finds a README stale when the tables change under its markers', () => {
    const root = freshRoot('<!-- generated:parameters -->\n<!-- /generated:parameters -->\n');
    const changed = { ...fakeModel(), parameters: FAKE_PARAMETERS.slice(1) };
    expect(staleDocuments(changed, root)).toContain('README.md');
  });

  it('finds every model folder\'s README, with no list to keep up to date', () => {
    const root = freshRoot();
    mkdirSync(join(root, 'models', 'newmodel'), { recursive: true });
    writeFileSync(join(root, 'models', 'newmodel', 'README.md'), '<!-- generated:parameters-proxy -->\n<!-- /generated:parameters-proxy -->\n');
    expect(staleDocuments(fakeModel(), root)).toEqual(['models/newmodel/README.md']);
    expect(expectedDocuments(fakeModel(), root).get('models/newmodel/README.md')).toContain('`proxy.mode`');
  });

  it('lists the per-class columns in docs/metrics.md when the scenario declares them, and no such section when not', () => {
    const root = freshRoot();
    const page = expectedDocuments(fakeModel({ classes: true }), root).get('docs/metrics.md') ?? '';
    expect(page).toContain('## Per-class columns\n\n`results/<name>.classes.csv` has one row per run and Service class');
    expect(page.slice(page.indexOf('## Per-class columns'))).toContain('| `class_requests` |');
    expect(expectedDocuments(fakeModel(), root).get('docs/metrics.md')).not.toContain('Per-class');
  });

  it('leaves a README without markers alone', () => {
    const root = freshRoot('# Readme without generated sections\n');
    expect([...expectedDocuments(fakeModel(), root).keys()]).not.toContain('README.md');
  });
});

describe('experimentSchema', () => {
  const validate = new Ajv2020({ strict: false }).compile(experimentSchema(FAKE_PARAMETERS));

  it('accepts a valid experiment file, nested or dotted', () => {
    expect(validate(parseYaml(SMALL_EXPERIMENT))).toBe(true);
    expect(validate({ name: 'x', duration: '1m30s', scenario: { 'cluster.services': 5, workload: { serviceTime: { dist: 'exponential', mean: '1ms' } } } })).toBe(true);
  });

  it("accepts every shipped experiment against the real model's schema, and a class field swept or set in a case", () => {
    const real = new Ajv2020({ strict: false }).compile(experimentSchema(scenarioModel.parameters));
    const folder = fileURLToPath(new URL('../../experiments/', import.meta.url));
    const files = [...readdirSync(folder), ...readdirSync(join(folder, 'validation')).map((name) => `validation/${name}`)].filter((name) => name.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) expect(real(parseYaml(readFileSync(join(folder, file), 'utf8'))), `${file}: ${JSON.stringify(real.errors)}`).toBe(true);
    expect(real({ name: 'x', duration: '1s', cases: [{ 'cluster.serviceClasses.0.count': 3 }] })).toBe(true);
    expect(real({ name: 'x', duration: '1s', sweep: { 'cluster.serviceClasses.0.count': [-1] } })).toBe(false);
    expect(real({ name: 'x', duration: '1s', sweep: { 'cluster.serviceClasses.0.colour': ['red'] } })).toBe(false);
  });

  it('rejects unknown keys, out-of-range values, bare-number durations and empty sweep axes', () => {
    expect(validate({ name: 'x', duration: '1s', scenario: { cluster: { servics: 5 } } })).toBe(false);
    expect(validate({ name: 'x', duration: '1s', scenario: { cluster: { services: 0 } } })).toBe(false);
    expect(validate({ name: 'x', duration: 60 })).toBe(false);
    expect(validate({ name: 'x', duration: '1s', sweep: { 'proxy.mode': [] } })).toBe(false);
    expect(validate({ name: 'x', duration: '1s', scenario: { workload: { serviceTime: { dist: 'lognormal', median: '1ms' } } } })).toBe(false);
  });
});
