import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder, writeExperiment } from '../testing/experiment-fixtures.js';
import { messageOf } from '../testing/experiment-fixtures.js';
import { parseExperimentText, readExperimentFile } from './experiment-file.js';

describe('readExperimentFile', () => {
  it('reads YAML into plain data, keeping durations as text and numbers as numbers', () => {
    const file = writeExperiment(temporaryFolder(), 'e.yaml', 'name: e\nduration: 60s\nscenario: { cluster: { services: 1e3 } }\n');
    expect(readExperimentFile(file)).toEqual({ name: 'e', duration: '60s', scenario: { cluster: { services: 1000 } } });
  });

  it('reads JSON, which is YAML too', () => {
    expect(parseExperimentText('{"name": "e", "seed": 3}', 'e.json')).toEqual({ name: 'e', seed: 3 });
  });

  it('names the file, line and column of malformed YAML', () => {
    const message = messageOf(() => parseExperimentText('name: e\nsweep:\n  proxy.mode: [ipvs, iptables\nseed: 1\n', 'x.yaml'));
    expect(message.split('\n')[0]).toBe(
      'x.yaml:4:1: malformed YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
  });

  it('rejects a key written twice, with its line', () => {
    const message = messageOf(() => parseExperimentText('name: e\nseed: 1\nseed: 2\n', 'x.yaml'));
    expect(message.split('\n')[0]).toBe('x.yaml:3:1: malformed YAML: Map keys must be unique');
  });

  it('names a file that does not exist', () => {
    const missing = join(temporaryFolder(), 'missing.yaml');
    expect(messageOf(() => readExperimentFile(missing))).toBe(`${missing}: cannot read the experiment file (no such file)`);
  });
});
