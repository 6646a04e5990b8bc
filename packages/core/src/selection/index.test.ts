import { describe, expect, it } from 'vitest';
import { deepFreeze, magong, outcome, performance, STUDENT, TEACHER } from '../engine/magong.fixture';
import type { Submission } from '../submission';
import { checkSelection, deselectItem, selectItem } from './index';

const effective = magong();
const codes = (decision: { findings: readonly { code: string }[] }) => decision.findings.map((finding) => finding.code);

describe('selection (勾選) — 馬公 六(一), seed 002 4-7', () => {
  it('selects a certified course outcome and returns it selected, leaving the input unchanged', () => {
    const item = deepFreeze(outcome({ state: 'certified' }));
    const decision = selectItem(effective, { item, items: [item], actor: STUDENT, at: '2024-09-01' });
    expect(decision).toMatchObject({ allowed: true, item: { id: item.id, selected: true } });
    expect(item.selected).toBe(false);
  });

  it('only certified course outcomes (PR4010)', () => {
    for (const state of ['draft', 'submitted', 'rejected'] as const) {
      expect(
        checkSelection(effective, { item: outcome({ state }), items: [], actor: STUDENT, at: '2024-09-01' }).findings,
      ).toMatchObject([{ code: 'PR4010', data: { state } }]);
    }
  });

  it('diverse performances need no certification', () => {
    expect(
      checkSelection(effective, { item: performance(), items: [], actor: STUDENT, at: '2024-09-01' }).allowed,
    ).toBe(true);
  });

  it('the 7th course outcome of an academic year is refused; both semesters count (6 per academic year)', () => {
    const items = [
      ...Array.from({ length: 3 }, () => outcome({ state: 'certified', selected: true })),
      ...Array.from({ length: 3 }, () => outcome({ term: '11202', state: 'certified', selected: true })),
    ];
    const decision = checkSelection(effective, {
      item: outcome({ state: 'certified' }),
      items,
      actor: STUDENT,
      at: '2024-09-01',
    });
    expect(decision.findings).toMatchObject([
      { code: 'PR3002', data: { max: 6, per: 'academicYear', count: 6, period: '112' } },
    ]);
  });

  it('only the student selects their own items (FAQ 一(三))', () => {
    expect(
      codes(
        checkSelection(effective, {
          item: outcome({ state: 'certified' }),
          items: [],
          actor: TEACHER,
          at: '2024-09-01',
        }),
      ),
    ).toEqual(['PR4002']);
  });

  it('is locked once the roster is submitted (PR7004), for select and deselect', () => {
    const submissions: Submission[] = [
      { category: 'courseOutcome', term: '11201', submittedBy: 'u', actingAs: 'teaching', submittedOn: '2024-09-15' },
    ];
    const item = outcome({ state: 'certified', selected: true });
    expect(
      codes(checkSelection(effective, { item, items: [], actor: STUDENT, at: '2024-09-16', submissions })),
    ).toEqual(['PR7004']);
    expect(codes(deselectItem({ item, items: [], actor: STUDENT, at: '2024-09-16', submissions }))).toEqual(['PR7004']);
  });

  it("a diverse performance is locked by its academic year's submission", () => {
    const submissions: Submission[] = [
      {
        category: 'diversePerformance',
        term: '11202',
        submittedBy: 'u',
        actingAs: 'discipline',
        submittedOn: '2024-09-15',
      },
    ];
    expect(
      codes(
        checkSelection(effective, {
          item: performance({ academicYear: 112 }),
          items: [],
          actor: STUDENT,
          at: '2024-09-16',
          submissions,
        }),
      ),
    ).toEqual(['PR7004']);
    expect(
      codes(
        checkSelection(effective, {
          item: performance({ academicYear: 113 }),
          items: [],
          actor: STUDENT,
          at: '2024-09-16',
          submissions,
        }),
      ),
    ).toEqual([]);
  });

  it('within the selection window (馬公 flow table: by 10 September), warning in the last days', () => {
    const window = { opens: '2024-08-01', closes: '2024-09-10', layer: 'school:magong' };
    const item = outcome({ state: 'certified' });
    expect(codes(checkSelection(effective, { item, items: [], actor: STUDENT, at: '2024-09-11', window }))).toEqual([
      'PR6003',
    ]);
    expect(
      checkSelection(effective, { item, items: [], actor: STUDENT, at: '2024-09-09', window }).findings,
    ).toMatchObject([
      { code: 'PR6004', data: { activity: 'courseOutcomeSelection', daysLeft: 2, closes: '2024-09-10' } },
    ]);
  });

  it('deselecting frees a slot; a withdrawn item cannot be selected (PR4007)', () => {
    const item = outcome({ state: 'certified', selected: true });
    expect(deselectItem({ item, items: [item], actor: STUDENT, at: '2024-09-01' })).toMatchObject({
      allowed: true,
      item: { selected: false },
    });
    expect(
      codes(
        checkSelection(effective, {
          item: outcome({ state: 'certified', withdrawn: true }),
          items: [],
          actor: STUDENT,
          at: '2024-09-01',
        }),
      ),
    ).toEqual(['PR4007']);
  });
});
