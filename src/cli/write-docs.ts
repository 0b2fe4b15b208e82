/**
 * `npm run docs`: rewrites the generated documents from the real model's tables. The test
 * generated-docs-fresh.test.ts fails while a committed one is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { scenarioModel } from '../../models/index.js';
import { packageRoot } from '../experiment/index.js';
import { expectedDocuments } from './generated-docs.js';

const root = packageRoot();
for (const [file, content] of expectedDocuments(scenarioModel, root)) {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  process.stdout.write(`wrote ${file}\n`);
}
