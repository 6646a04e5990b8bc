import type { ReceiptCategory } from '../records';
import type { TermCode } from '../term';
import type { Division } from '../units';

/** What a school submits: the four receipt categories and its basic data (基本資料, 馬公 六(二): 註冊組). */
export type SubmissionCategory = ReceiptCategory | 'basicData';

/**
 * Whether two rosters are of one division: each division submits its own (seed 004: 日間部、進修部各計1校;
 * 新竹 七(二): 註冊組 / 進修部教務組). Left out, the day division.
 */
export const sameDivision = (a: Division | undefined, b: Division | undefined): boolean =>
  (a ?? 'day') === (b ?? 'day');

/** What names a roster: a category and term, of one division. */
export interface RosterKey {
  readonly category: SubmissionCategory;
  readonly term: TermCode;
  readonly division?: Division;
}

/** Whether an entry (a submission, a final submission) belongs to the roster of a category, term and division. */
export const ofRoster = (entry: RosterKey, category: SubmissionCategory, term: TermCode, division?: Division) =>
  entry.category === category && entry.term === term && sameDivision(entry.division, division);
