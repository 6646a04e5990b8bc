export { RECEIPT_CODES } from './codes';
export {
  RECEIPT_STATES,
  type Receipt,
  type ReceiptContext,
  type ReceiptEvent,
  type ReceiptResult,
  type ReceiptState,
} from './confirm';
export { checkFinalLock, finalCitation, type FinalLockContext, type FinalSubmission } from '../submission/final-lock';
export { confirmationMinimums, periodEnd, type PeriodEnd } from '../submission/receipt-period';
export { type FinalDecision, type FinalRequest, type LeaverNotice } from './final';
export { checkReceiptPeriod, finalSubmit, leaverNotices, receiptTransition } from './request';

export type { Receipts } from './schema'; // the schema itself from './schema' (see submission/index.ts)
