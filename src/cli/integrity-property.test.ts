/**
 * Property (issue 11): journals and shard parts damaged at random — bits flipped, digits
 * edited, lines deleted, duplicated or swapped, files cut short, garbage appended or inserted,
 * values swapped, checksums edited, parts left out or given twice — make `run --resume` and
 * `merge` succeed with the uninterrupted run's files byte for byte (saying which records they
 * ran again), or exit 2 with one line naming the file; never a crash, a stack, exit 1 or a
 * silently different CSV. The cases are src/cli/testing/integrity-property.ts's; a few here,
 * many in bench/integrity-soak.ts.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkJournalCase, checkPartsCase, journalCase, partsCase } from './testing/integrity-property.js';

describe('damaged journals and parts (property)', () => {
  it('run --resume on a damaged journal: the uninterrupted result, records run again, or exit 2 naming the journal', async () => {
    await fc.assert(fc.asyncProperty(journalCase, async (test) => void (await checkJournalCase(test))), { numRuns: 60, seed: 20_261_130, endOnFailure: true });
  });

  it('merge of damaged parts: the uninterrupted result or exit 2 naming the part', async () => {
    await fc.assert(fc.asyncProperty(partsCase, async (test) => void (await checkPartsCase(test))), { numRuns: 60, seed: 20_261_130, endOnFailure: true });
  });
});
