/**
 * Every quick yes/no check against the explained check it stands in for, on random requests: the
 * verdict the quick path takes must be the one the explained path's findings give (no error, no
 * refusal). Both call one judge per rule; this holds them to it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toPlainDate } from '../_lib/date';
import { capsAllow, checkCaps, type CapAction } from '../caps/decide';
import { checkFiles, filesAllow } from '../caps/files';
import { hasErrors } from '../findings/define';
import { checkStanding, standingAllows } from '../selection';
import { checkLock, lockAllows } from '../submission';
import { checkItemFinalLock, itemFinalAllows } from '../submission/final-lock';
import { checkSpan, spanAllows } from '../windows/span';
import { effectiveOf, PACKS, request } from './requests.fixture';

const numRuns = Number(process.env.FC_NUM_RUNS ?? 500);

const asked = fc.tuple(request, fc.constantFrom<CapAction>('upload', 'select'), fc.constantFrom('select', 'deselect'));

describe('quick checks and explained checks agree (seed 42)', () => {
  it('capsAllow ⇔ checkCaps, filesAllow ⇔ checkFiles, lockAllows ⇔ checkLock, itemFinalAllows ⇔ checkItemFinalLock, spanAllows ⇔ checkSpan, standingAllows ⇔ checkStanding', () => {
    const refusals = new Map<string, number>();
    fc.assert(
      fc.property(asked, ([{ pack, ...given }, action, event]) => {
        const effective = effectiveOf(PACKS[pack]!, given.item);
        if (!effective) return;
        const { item, items, submissions, finals, division, window, at } = given;
        const pairs: [string, boolean, boolean][] = [
          [
            'caps',
            capsAllow(effective, action, item, items),
            !hasErrors(checkCaps(effective, action, item, items).findings),
          ],
          ['files', filesAllow(effective, item), !hasErrors(checkFiles(effective, item).findings)],
          ['lock', lockAllows(submissions, item), !hasErrors(checkLock(submissions ?? [], item).findings)],
          [
            'final',
            itemFinalAllows(finals, item, division),
            !hasErrors(checkItemFinalLock(effective, finals ?? [], item, division).findings),
          ],
          [
            'span',
            spanAllows(window, at),
            !hasErrors(checkSpan(window, toPlainDate(at), 'courseOutcomeUpload', item.id).findings),
          ],
          ['standing', standingAllows(item, event), !hasErrors(checkStanding(item, event).findings)],
        ];
        for (const [rule, quick, explained] of pairs) {
          expect(quick, rule).toBe(explained);
          if (!quick) refusals.set(rule, (refusals.get(rule) ?? 0) + 1);
        }
      }),
      { seed: 42, numRuns },
    );
    // Not vacuous: every rule refuses some of the requests.
    for (const rule of ['caps', 'files', 'lock', 'final', 'span', 'standing'])
      expect(refusals.get(rule), rule).toBeGreaterThan(0);
  });
});
