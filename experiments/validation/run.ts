/**
 * The validation generator: computes every case's model value at full scale, checks each
 * against its published value and tolerance, and writes results/validation/values.csv, its
 * meta and index.md (the page is rendered from those files only).
 *
 *   npm run bench:validation                   # every case (≈ 5 minutes on 2 shared cores)
 *   npm run bench:validation -- --only dns-    # cases whose id starts so; the rest keep their committed values
 *
 * It refuses to write when a case disagrees without an explanation, or carries one and agrees.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readCodeVersion } from '../../src/experiment/index.js';
import { VALIDATION_CASES } from './cases.js';
import { renderIndex } from './render-index.js';
import { explanationProblem, statusOf, type ValidationCase } from './validation-case.js';
import { INDEX_PATH, META_PATH, provenanceOf, readCommittedValues, RESULTS_FOLDER, VALUES_PATH, type ValuesMeta } from './validation-files.js';
import { valuesCsv, type CaseValue } from './values-file.js';

const { values: args } = parseArgs({ options: { only: { type: 'string', multiple: true } } });
const selected = (testCase: ValidationCase) => args.only === undefined || args.only.some((prefix) => testCase.id.startsWith(prefix));

function computeCase(testCase: ValidationCase): CaseValue {
  const started = performance.now();
  const measured = testCase.full.compute();
  const status = statusOf(measured.value, testCase.published, testCase.tolerance);
  process.stderr.write(`${testCase.id}: ${measured.value}${measured.ci95 === undefined ? '' : ` ± ${measured.ci95}`} against ${testCase.published}: ${status} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  return { id: testCase.id, use: testCase.use, published: testCase.published, model: measured.value, ...(measured.ci95 === undefined ? {} : { modelCi95: measured.ci95 }), status };
}

const started = performance.now();
const committed = args.only === undefined ? undefined : readCommittedValues();
const values = VALIDATION_CASES.map((testCase) => {
  if (selected(testCase)) return computeCase(testCase);
  const kept = committed?.values.find((value) => value.id === testCase.id);
  if (kept === undefined) throw new Error(`${testCase.id} has no committed value: run without --only`);
  return kept;
});
const problems = VALIDATION_CASES.map((testCase, i) => explanationProblem(testCase, values[i].status)).filter((problem) => problem !== undefined);
if (problems.length > 0) {
  process.stderr.write(`Not written:\n${problems.map((problem) => `  ${problem}`).join('\n')}\n`);
  process.exit(1);
}
// A partial run says so: the committed page must come from one full run (the CI test checks).
const meta: ValuesMeta = {
  codeVersion: readCodeVersion().label,
  nodeVersion: process.versions.node,
  wallSeconds: Math.round((performance.now() - started) / 1000),
  only: args.only ?? null,
};
mkdirSync(RESULTS_FOLDER, { recursive: true });
writeFileSync(VALUES_PATH, valuesCsv(values));
writeFileSync(META_PATH, `${JSON.stringify(meta, null, 2)}\n`);
writeFileSync(INDEX_PATH, renderIndex(VALIDATION_CASES, values, provenanceOf(meta)));
process.stderr.write(`Wrote ${VALUES_PATH}, ${META_PATH} and ${INDEX_PATH} (${values.filter((value) => value.status === 'disagrees').length} of ${values.length} disagree).\n`);
