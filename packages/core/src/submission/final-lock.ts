import type { PlainDate } from '../_lib/date';
import type { Part } from '../decision/explanation';
import { createFinding } from '../findings/define';
import type { Source } from '../findings/types';
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
  const final = finals.find((entry) => ofRoster(entry, category, term, division));
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
