import type { PlainDate } from '../_lib/date';
import type { Part } from '../decision/explanation';
import { createFinding } from '../findings/define';
import type { Source } from '../findings/types';
import type { ReceiptCategory } from '../records';
import type { TermCode } from '../term';
import { RECEIPT_CODES } from '../receipts/codes';

/** The final submission (完成提交) of a category and term, after which nothing changes (seed 004). */
export interface FinalSubmission {
  readonly category: ReceiptCategory;
  readonly term: TermCode;
  readonly submittedBy: string;
  readonly actingAs: string;
  readonly finalOn: PlainDate;
}

/** Seed 004 (臺北市 112 timetable): confirm, resolve disputes, then the final submission; data unchanged after it. */
export const FINAL_SOURCE: Source = { document: '臺北市學習歷程檔案說明 (成功高中)', clause: '112學年度期程' };
/** Nothing changes after the final submission of a category and term. */
export function checkFinalLock(
  finals: readonly FinalSubmission[],
  category: ReceiptCategory,
  term: TermCode,
  subject: string,
): Part {
  const final = finals.find((entry) => entry.category === category && entry.term === term);
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
    { category, term, finalOn: final.finalOn, source: FINAL_SOURCE },
    { rule: 'receipts.final', subject, source: FINAL_SOURCE },
  );
  return {
    steps: [{ rule: 'receipts.final', outcome: 'failed', source: FINAL_SOURCE, detail: finding.message }],
    findings: [finding],
  };
}
