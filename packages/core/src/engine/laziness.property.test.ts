import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainUpload, type UploadRequest } from '../caps/decide';
import type { PortfolioItem } from '../records/items';
import { explainDeselection, explainSelection, type SelectDecision, type SelectRequest } from '../selection';
import type { Explained } from '../decision/explanation';
import { divisionListed } from '../layering/divisions';
import { deepFreeze } from './magong.fixture';
import { effectiveOf, PACKS, request } from './requests.fixture';

const numRuns = Number(process.env.FC_NUM_RUNS ?? 300);
const timeout = Math.max(60_000, numRuns * 100);

/** A decision read the way a caller reads it: the verdict first, then everything it carries, as plain data. */
function read(decision: Explained): { allowed: boolean; plain: unknown; json: string } {
  const allowed = decision.allowed;
  return { allowed, plain: { ...decision }, json: JSON.stringify(decision) };
}

/** What select and deselect answered before decisions were lazy: the decision spread, with the changed item last when allowed. */
const withItem = (decision: Explained, item: PortfolioItem, selected: boolean): SelectDecision =>
  decision.allowed ? { ...decision, item: { ...item, selected } } : decision;

function expectSame(lazy: Explained, eager: Explained): void {
  const seen = read(lazy);
  expect(seen.allowed).toBe(eager.allowed);
  expect(seen.plain).toEqual(eager);
  expect(seen.json).toBe(JSON.stringify(eager));
}

describe('lazy decisions — properties (seed 42)', () => {
  it(
    'checkUpload, checkSelection, select and deselect answer exactly what the eager builders answer, on deep-frozen requests',
    () => {
      fc.assert(
        fc.property(request, ({ pack, ...given }) => {
          const engine = PACKS[pack]!;
          const effective = effectiveOf(engine, given.item);
          if (!effective) return;
          // A deep-frozen copy: reading the lazy decision must not need to write to its request.
          const frozen = deepFreeze(structuredClone(given)) as SelectRequest & UploadRequest;
          const original = given as SelectRequest & UploadRequest;
          if (!divisionListed(effective.values, original.division)) {
            // A division the pack does not list: refused before any rule (PR2008), by every method alike.
            for (const decision of [
              engine.checkUpload(frozen),
              engine.checkSelection(frozen),
              engine.select(frozen),
              engine.deselect(frozen),
            ])
              expect({ allowed: decision.allowed, codes: decision.findings.map(({ code }) => code) }).toEqual({
                allowed: false,
                codes: ['PR2008'],
              });
            return;
          }
          expectSame(engine.checkUpload(frozen), explainUpload(effective, original));
          expectSame(engine.checkSelection(frozen), explainSelection(effective, original));
          expectSame(engine.select(frozen), withItem(explainSelection(effective, original), original.item, true));
          expectSame(engine.deselect(frozen), withItem(explainDeselection(original, effective), original.item, false));
        }),
        { seed: 42, numRuns },
      );
    },
    timeout,
  );

  it(
    'reading the findings before the verdict, or the explanation alone, changes nothing',
    () => {
      fc.assert(
        fc.property(request, ({ pack, ...given }) => {
          const engine = PACKS[pack]!;
          const upload = given as UploadRequest;
          const effective = effectiveOf(engine, upload.item);
          if (!effective || !divisionListed(effective.values, upload.division)) return;
          const eager = explainUpload(effective, upload);
          const findingsFirst = engine.checkUpload(upload);
          expect(findingsFirst.findings).toEqual(eager.findings);
          expect(findingsFirst.allowed).toBe(eager.allowed);
          expect(engine.checkUpload(upload).explanation).toEqual(eager.explanation);
        }),
        { seed: 42, numRuns },
      );
    },
    timeout,
  );
});
