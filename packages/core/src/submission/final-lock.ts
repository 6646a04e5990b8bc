import type { PlainDate } from '../_lib/date';
import { type Part, refuses } from '../decision/explanation';
import { createFinding } from '../findings/define';
import type { Source } from '../findings/types';
import type { PortfolioItem } from '../records/items';
import type { TermCode } from '../term';
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

/** Seed 004 (臺北市 112 timetable): confirm, resolve disputes, then the final submission; data unchanged after it. */
export const FINAL_SOURCE: Source = { document: '臺北市學習歷程檔案說明 (成功高中)', clause: '112學年度期程' };

/** Nothing changes after the final submission of a category and term (of the division's roster). */
export function checkFinalLock(
  finals: readonly FinalSubmission[],
  category: SubmissionCategory,
  term: TermCode,
  subject: string,
  division?: Division,
): Part {
  return finalPart(
    finals.find((entry) => ofRoster(entry, category, term, division)),
    subject,
  );
}

/** The final lock's step, and its finding when a final submission was made. */
function finalPart(final: FinalSubmission | undefined, subject: string): Part {
  if (!final)
    return {
      steps: [
        {
          rule: 'receipts.final',
          outcome: 'passed',
          source: FINAL_SOURCE,
          detail: { 'zh-TW': '尚未完成最終提交', en: 'no final submission yet' },
        },
      ],
      findings: [],
    };
  const finding = createFinding(
    RECEIPT_CODES.finalLocked,
    { category: final.category, term: final.term, finalOn: final.finalOn, source: FINAL_SOURCE },
    { rule: 'receipts.final', subject, source: FINAL_SOURCE },
  );
  return {
    steps: [{ rule: 'receipts.final', outcome: 'failed', source: FINAL_SOURCE, detail: finding.message }],
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
 * changes, whoever acts — an upload, an edit, a certification (seed 004). Selecting is not a change to
 * the term's data: it is judged by the selection window.
 */
export function checkItemFinalLock(finals: readonly FinalSubmission[], item: PortfolioItem, division?: Division): Part {
  return finalPart(finalLocking(finals, item, division), item.id);
}

/** The verdict of {@link checkItemFinalLock} without its step and finding. */
export const itemFinalAllows = (
  finals: readonly FinalSubmission[] | undefined,
  item: PortfolioItem,
  division?: Division,
): boolean =>
  finals === undefined || finalLocking(finals, item, division) === undefined || !refuses(RECEIPT_CODES.finalLocked);
