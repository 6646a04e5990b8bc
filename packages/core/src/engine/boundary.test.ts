import { describe, expect, it } from 'vitest';
import { checkUpload } from '../caps/decide';
import { transition } from '../certification';
import { createEngine } from './index';
import { acrossVersions, magong, outcome, STUDENT, TEACHER } from './magong.fixture';

const engine = createEngine(acrossVersions());
const codes = (findings: readonly { code: string }[]) => findings.map((finding) => finding.code);

describe("the engine's boundary: what an untyped caller can get wrong (issue 12 §6)", () => {
  it('a rejection without a reason is refused by its rule (PR4003), not a TypeError', () => {
    const item = outcome({ state: 'submitted' });
    for (const event of [{ type: 'reject' }, { type: 'reject', reason: '   ' }]) {
      const result = engine.transition(item, event as never, TEACHER, '2024-01-22');
      expect(result.ok).toBe(false);
      expect(codes(result.findings)).toEqual(['PR4003']);
    }
    const direct = transition(item, { type: 'reject' } as never, TEACHER, '2024-01-22', { effective: magong() });
    expect(codes(direct.findings)).toEqual(['PR4003']);
  });

  it('a size that is not a number is refused (PR8100), never taken for a small file', () => {
    const item = outcome({ files: [{ name: 'a.mp4', type: 'mp4', megabytes: Number.NaN }] });
    const decision = engine.checkUpload({ item, items: [], at: '2024-01-20' });
    expect(decision.allowed).toBe(false);
    expect(decision.findings).toMatchObject([
      { code: 'PR8100', data: { method: 'checkUpload', path: 'request.item.files[0].megabytes', received: 'NaN' } },
    ]);
  });

  it('an unknown kind is refused (PR8100), never let past the caps', () => {
    const item = { ...outcome(), kind: 'courseOutcomes' };
    const decision = engine.checkUpload({ item: item as never, items: [], at: '2024-01-20' });
    expect(decision.allowed).toBe(false);
    expect(decision.findings[0]).toMatchObject({ code: 'PR8100', data: { path: 'request.item.kind' } });
    expect(decision.findings[0]!.message['zh-TW']).toContain('courseOutcome 或 diversePerformance');
  });

  it("a window that closes 'never' is refused (PR8100), never read as always open", () => {
    const decision = engine.checkUpload({
      item: outcome(),
      items: [],
      at: '2024-01-20',
      window: { opens: '2024-01-01', closes: 'never' },
    });
    expect(decision.allowed).toBe(false);
    expect(decision.findings[0]).toMatchObject({
      code: 'PR8100',
      data: { path: 'request.window.closes', received: '"never"' },
    });
  });

  it('the low-level functions check their input too', () => {
    const decision = checkUpload(magong(), { item: null, items: [], at: '2024-01-20' } as never);
    expect(decision.allowed).toBe(false);
    expect(decision.findings[0]).toMatchObject({ code: 'PR8100', data: { path: 'request.item' } });
    expect(checkUpload({} as never, { item: outcome(), items: [], at: '2024-01-20' }).findings[0]).toMatchObject({
      code: 'PR8100',
      data: { path: 'effective' },
    });
  });

  it('a refusal explains itself in both languages, with the value it found, shortened', () => {
    const decision = engine.select({ item: outcome(), items: [], actor: { ...STUDENT, id: '' }, at: '2024-01-20' });
    expect(decision.findings[0]!.message).toEqual({
      'zh-TW': 'select 的請求格式錯誤：request.actor.id 應為「非空字串」，收到 ""；未依規定判斷即拒絕',
      en: 'the select request is malformed: request.actor.id should be a non-empty text, not ""; refused without judging the rules',
    });
    expect(decision.explanation).toMatchObject([{ rule: 'request.shape', outcome: 'failed' }]);
  });

  it('a submission and a final submission check what a roster request says alike (one rosterRequestProblem)', () => {
    const base = {
      category: 'courseOutcome',
      term: '11201',
      actor: STUDENT,
      at: '2024-03-20',
      submissions: [],
      finals: [],
      receipts: [],
    };
    const wrong = [
      [{ category: 'grades' }, 'request.category'],
      [{ term: 'next term' }, 'request.term'],
      [{ actor: { id: '' } }, 'request.actor.id'],
      [{ at: '20 March' }, 'request.at'],
      [{ division: 3 }, 'request.division'],
      [{ division: 'evening' }, 'request.division'],
      [{ unavailable: 'registration' }, 'request.unavailable'],
    ] as const;
    for (const [change, path] of wrong) {
      const request = { ...base, ...change } as never;
      expect(engine.submit(request).findings, path).toMatchObject([
        { code: 'PR8100', data: { method: 'submit', path } },
      ]);
      expect(engine.finalSubmit(request).findings, path).toMatchObject([
        { code: 'PR8100', data: { method: 'finalSubmit', path } },
      ]);
    }
  });
});
