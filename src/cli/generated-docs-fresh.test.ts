import { describe, expect, it } from 'vitest';
import { scenarioModel } from '../../models/index.js';
import { packageRoot } from '../experiment/index.js';
import { staleDocuments } from './generated-docs.js';

describe('committed generated documents', () => {
  it('match the parameter and metric tables of the real model (run `npm run docs` when this fails)', () => {
    expect(staleDocuments(scenarioModel, packageRoot())).toEqual([]);
  });
});
