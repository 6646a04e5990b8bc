import { z } from 'zod';
import { SourceRefSchema } from '../sources';

export { RECEIPT_CODES } from './codes';
export {
  RECEIPT_STATES,
  receiptTransition,
  type Receipt,
  type ReceiptContext,
  type ReceiptEvent,
  type ReceiptResult,
  type ReceiptState,
} from './confirm';
export { checkFinalLock, FINAL_SOURCE, type FinalSubmission } from './final-lock';
export { checkReceiptPeriod, confirmationMinimums, periodEnd, type PeriodEnd } from './period';
export { finalSubmit, leaverNotices, type FinalDecision, type FinalRequest, type LeaverNotice } from './final';

const NOTICE_CHANNELS = ['paper', 'email'] as const;

export const ReceiptsSchema = z
  .strictObject({
    confirmationDays: z
      .int()
      .positive()
      .optional()
      .describe('收訖明細確認至少日數 / the confirmation period lasts at least this many days'),
    leaverNotice: z
      .array(z.enum(NOTICE_CHANNELS))
      .min(1)
      .optional()
      .describe('已離校學生之通知方式 / how students who left are notified: paper, email'),
    source: SourceRefSchema.optional(),
  })
  .describe('收訖明細 / receipt confirmation');
export type Receipts = z.infer<typeof ReceiptsSchema>;
