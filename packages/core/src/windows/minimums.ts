import type { Source } from '../findings/types';
import type { Activity, Anchor, Grade } from './schema';

const FAQ = '學習歷程檔案QA';

/** A national rule on a school's windows (docs/reference/windows.md). */
export type WindowMinimum =
  | {
      /** The window may not close before `anchor` + `weeks`, except for the listed grade and semester. */
      readonly kind: 'closesNoEarlierThan';
      readonly activity: Activity;
      readonly anchor: Anchor;
      readonly weeks: number;
      readonly except: readonly { readonly grade: Grade; readonly semester: 1 | 2 }[];
      readonly source: Source;
    }
  | {
      /** The window lasts at least as many days as the national bound at `boundPath` (or the pack's tighter value there). */
      readonly kind: 'minOpenDays';
      readonly activity: Activity;
      readonly boundPath: string;
      readonly source: Source;
    }
  | {
      /** The windows of these activities close on or before the national deadline: the first of `anchors` the calendar gives. */
      readonly kind: 'closesNoLaterThan';
      readonly activities: readonly Activity[];
      readonly anchors: readonly Anchor[];
      readonly source: Source;
    };

/**
 * The national minimums on windows: the course-outcome upload runs at least to the closing ceremony
 * (休業式) + 2 weeks except grade 3 semester 2 (FAQ 一(九)); receipt confirmation lasts at least the
 * national number of days (FAQ 一(十), the bound `receipts.confirmationDays`); pre-check, submission
 * and the receipt steps finish within the national schedule (FAQ 一(七)).
 */
export const NATIONAL_WINDOW_MINIMUMS: readonly WindowMinimum[] = [
  {
    kind: 'closesNoEarlierThan',
    activity: 'courseOutcomeUpload',
    anchor: 'closingCeremony',
    weeks: 2,
    except: [{ grade: 3, semester: 2 }],
    source: { document: FAQ, clause: '一(九)' },
  },
  {
    kind: 'minOpenDays',
    activity: 'receiptConfirmation',
    boundPath: 'receipts.confirmationDays',
    source: { document: FAQ, clause: '一(十)' },
  },
  {
    kind: 'closesNoLaterThan',
    activities: ['precheck', 'submission', 'receiptConfirmation', 'disputeResolution', 'finalSubmission'],
    anchors: ['nationalUploadDeadline', 'nationalSubmissionCloses'],
    source: { document: FAQ, clause: '一(七)' },
  },
];
