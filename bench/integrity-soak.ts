/**
 * The integrity property of src/cli/integrity-property.test.ts (issue 11) at length: damaged
 * journals and shard parts of random experiments on the fake model, with many more cases than
 * CI runs, and a fresh seed each time unless given:
 *
 *   npx tsx bench/integrity-soak.ts [--runs 2000] [--seed N]
 *
 * Each case must end with the uninterrupted run's files byte for byte (maybe after running
 * again the journal records it did not trust) or exit 2 naming the damaged file; the first
 * case that does not is printed, shrunk, with the seed and path to replay it, and the exit
 * status is 1. Prints how the cases ended, the time they took and the heap before and after.
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { checkJournalCase, checkPartsCase, journalCase, partsCase, type CaseOutcome } from '../src/cli/testing/integrity-property.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '2000' },
    seed: { type: 'string' },
  },
});

const numRuns = Number(args.runs);
const seed = args.seed === undefined ? Date.now() % 2 ** 31 : Number(args.seed);
const MIB = 1024 * 1024;
const heapBefore = process.memoryUsage().heapUsed;

async function soak<T>(name: string, cases: fc.Arbitrary<T>, check: (test: T) => Promise<CaseOutcome>): Promise<boolean> {
  const counts: Record<CaseOutcome, number> = { same: 0, rerun: 0, refused: 0 };
  const started = performance.now();
  const details = await fc.check(
    fc.asyncProperty(cases, async (test) => {
      counts[await check(test)] += 1;
    }),
    { numRuns, seed },
  );
  const seconds = (performance.now() - started) / 1000;
  const rss = process.memoryUsage().rss / MIB;
  console.log(
    `${name}: ${details.numRuns} cases in ${seconds.toFixed(1)} s (${((1000 * seconds) / Math.max(1, details.numRuns)).toFixed(0)} ms each): ` +
      `${counts.same} the same result, ${counts.rerun} the same after running damaged records again, ${counts.refused} refused with exit 2; rss ${rss.toFixed(0)} MiB`,
  );
  if (details.failed) console.log(fc.defaultReportMessage(details));
  return !details.failed;
}

console.log(`seed ${seed}, ${numRuns} cases each`);
const journals = await soak('journals', journalCase, checkJournalCase);
const parts = await soak('parts', partsCase, checkPartsCase);
console.log(`heap ${(heapBefore / MIB).toFixed(0)} MiB before, ${(process.memoryUsage().heapUsed / MIB).toFixed(0)} MiB after`);
process.exitCode = journals && parts ? 0 : 1;
