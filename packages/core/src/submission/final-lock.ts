import type { PlainDate } from '../_lib/date';
import { layerAndSource, type Part, refuses } from '../decision/explanation';
import { perPack } from '../decision/per-pack';
import { createFinding } from '../findings/define';
import type { Source } from '../findings/types';
import type { EffectivePack } from '../layering';
import type { PortfolioItem } from '../records/items';
import { parseTerm, type TermCode } from '../term';
import { GRADES, selectWindow, windowProvenance } from '../windows/resolve';
import type { Division } from '../units';
import { RECEIPT_CODES } from '../receipts/codes';
import { ofRoster, type SubmissionCategory } from './roster';

/** The final submission (完成提交) of a category and term, after which nothing changes (seed 004). */
export interface FinalSubmission {
  readonly category: SubmissionCategory;
  readonly term: TermCode;
  readonly submittedBy: string;
  readonly actingAs: string;
  readonly finalOn: PlainDate;
  /** The division whose final submission it is, when not the day division (each submits its own). */
  readonly division?: Division;
}

/** What a student-side request (upload, select, deselect) passes for the final lock. */
export interface FinalLockContext {
  /** Final submissions made: nothing about an item changes after its roster's (PR7014). */
  readonly finals?: readonly FinalSubmission[] | undefined;
  /** The student's division, whose final submission locks their items; left out, the day division. */
  readonly division?: Division | undefined;
}

/**
 * The national rule behind the final submission: the school submits, confirms its receipts and makes
 * its final submission within the national schedule (學習歷程檔案QA 一(七)); what it submitted then
 * stays as it is.
 */
export const NATIONAL_FINAL_SOURCE: Source = { document: '學習歷程檔案QA', clause: '一(七)' };

/** Who sets a term's final submission: a layer and its clause. */
export interface FinalCitation {
  readonly layer?: string;
  readonly source: Source;
}

/**
 * The clause a term's final submission is cited by: the pack's own final-submission window for the
 * term (`activity: finalSubmission`, the first grade's that has one), with its layer and clause — a
 * school's, or its regional overlay's (臺北市 推估11202時序(二) 完成提交) — else the national schedule
 * with the national layer.
 */
export const finalCitation = perPack((effective: EffectivePack, term: TermCode): FinalCitation => {
  const windows = effective.values.windows ?? [];
  const parsed = parseTerm(term);
  if (parsed)
    for (const grade of GRADES) {
      const index = selectWindow(windows, 'finalSubmission', parsed, grade);
      if (index === undefined) continue;
      const own = windowProvenance(effective, index);
      if (own.source) return Object.freeze({ ...layerAndSource(own), source: own.source });
    }
  return Object.freeze({ layer: effective.national.layer, source: NATIONAL_FINAL_SOURCE });
});

/** Nothing changes after the final submission of a category and term (of the division's roster). */
export function checkFinalLock(
  effective: EffectivePack,
  finals: readonly FinalSubmission[],
  category: SubmissionCategory,
  term: TermCode,
  subject: string,
  division?: Division,
): Part {
  return finalPart(
    finalCitation(effective, term),
    finals.find((entry) => ofRoster(entry, category, term, division)),
    subject,
  );
}

/** The final lock's step, and its finding when a final submission was made. */
function finalPart(cited: FinalCitation, final: FinalSubmission | undefined, subject: string): Part {
  if (!final)
    return {
      steps: [
        {
          rule: 'receipts.final',
          outcome: 'passed',
          ...cited,
          detail: { 'zh-TW': '尚未完成最終提交', en: 'no final submission yet' },
        },
      ],
      findings: [],
    };
  const finding = createFinding(
    RECEIPT_CODES.finalLocked,
    { category: final.category, term: final.term, finalOn: final.finalOn, source: cited.source },
    { rule: 'receipts.final', subject, ...cited },
  );
  return {
    steps: [{ rule: 'receipts.final', outcome: 'failed', ...cited, detail: finding.message }],
    findings: [finding],
  };
}

/**
 * The final submission that locks an item, if any: that of its category and term in the student's
 * division. A diverse performance recorded for a whole academic year, with no term, belongs to no
 * term's roster.
 */
export function finalLocking(
  finals: readonly FinalSubmission[],
  item: PortfolioItem,
  division?: Division,
): FinalSubmission | undefined {
  const term = item.term;
  return term === undefined ? undefined : finals.find((entry) => ofRoster(entry, item.kind, term, division));
}

/**
 * Whether anyone may still change an item: after the final submission of its roster nothing about it
 * changes, whoever acts — an upload, an edit, a certification, and selecting or deselecting it, since
 * the selection (勾選) is what the school submits to the central database (seed 004: 勾選要提交至學習歷程中央資料庫之課程學習成果、多元表現;
 * 完成最終提交作業，其提交資料不再變動). Without the pack (a bare `deselectItem`), the national clause is cited.
 */
export function checkItemFinalLock(
  effective: EffectivePack | undefined,
  finals: readonly FinalSubmission[],
  item: PortfolioItem,
  division?: Division,
): Part {
  const final = finalLocking(finals, item, division);
  const term = final?.term ?? item.term ?? '';
  return finalPart(effective ? finalCitation(effective, term) : { source: NATIONAL_FINAL_SOURCE }, final, item.id);
}

/** The verdict of {@link checkItemFinalLock} without its step and finding. */
export const itemFinalAllows = (
  finals: readonly FinalSubmission[] | undefined,
  item: PortfolioItem,
  division?: Division,
): boolean =>
  finals === undefined || finalLocking(finals, item, division) === undefined || !refuses(RECEIPT_CODES.finalLocked);
