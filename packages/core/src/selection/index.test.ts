import { describe, expect, it } from 'vitest';
import { deepFreeze, magong, outcome, performance, STUDENT, TEACHER } from '../engine/magong.fixture';
import type { Submission } from '../submission';
import type { FinalSubmission } from '../submission/final-lock';
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

  it("after the final submission of the item's roster, neither select nor deselect (PR7014, seed 004)", () => {
    // The selection is what the school submits (seed 004: 勾選要提交至學習歷程中央資料庫之課程學習成果); after the final
    // submission the submitted data no longer changes (完成最終提交作業，其提交資料不再變動).
    const finals: FinalSubmission[] = [
      { category: 'courseOutcome', term: '11201', submittedBy: 'u', actingAs: 'teaching', finalOn: '2024-03-20' },
    ];
    const certified = outcome({ id: 'co-final', state: 'certified' });
    const chosen = outcome({ id: 'co-chosen', state: 'certified', selected: true });
    const selecting = checkSelection(effective, {
      item: certified,
      items: [],
      actor: STUDENT,
      at: '2024-03-21',
      finals,
    });
    expect(selecting.allowed).toBe(false);
    expect(selecting.findings).toMatchObject([
      {
        code: 'PR7014',
        subject: 'co-final',
        layer: 'national@2022-08-01',
        source: { document: '學習歷程檔案QA', clause: '一(七)' },
        data: { category: 'courseOutcome', term: '11201', finalOn: '2024-03-20' },
      },
    ]);
    expect(
      codes(selectItem(effective, { item: certified, items: [], actor: STUDENT, at: '2024-03-21', finals })),
    ).toEqual(['PR7014']);
    const deselecting = deselectItem({ item: chosen, items: [chosen], actor: STUDENT, at: '2024-03-21', finals });
    expect(deselecting).toMatchObject({ allowed: false, findings: [{ code: 'PR7014', subject: 'co-chosen' }] });
    expect(deselecting).not.toHaveProperty('item');
    // Without the pack, deselect cites the national clause; with it, the pack's layer as select does.
    expect(deselecting.findings[0]?.source).toEqual({ document: '學習歷程檔案QA', clause: '一(七)' });
    expect(
      deselectItem({ item: chosen, items: [chosen], actor: STUDENT, at: '2024-03-21', finals }, effective).findings,
    ).toMatchObject([{ code: 'PR7014', layer: 'national@2022-08-01' }]);
  });

  it("another term's final, or the other division's, does not lock the selection", () => {
    const finals: FinalSubmission[] = [
      { category: 'courseOutcome', term: '11201', submittedBy: 'u', actingAs: 'teaching', finalOn: '2024-03-20' },
    ];
    const at = '2024-03-21';
    const spring = outcome({ term: '11202', state: 'certified' });
    expect(checkSelection(effective, { item: spring, items: [], actor: STUDENT, at, finals }).allowed).toBe(true);
    // 新竹 seed 001 四: 日間部、進修部各計1校 — each division makes its own final submission.
    const evening = { item: outcome({ state: 'certified' }), items: [], actor: STUDENT, at, finals };
    expect(checkSelection(effective, { ...evening, division: 'continuingEducation' }).allowed).toBe(true);
    expect(checkSelection(effective, evening).allowed).toBe(false);
    // A final of course outcomes does not lock a diverse performance of the same term.
    expect(
      checkSelection(effective, { item: performance({ term: '11201' }), items: [], actor: STUDENT, at, finals })
        .allowed,
    ).toBe(true);
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
