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
export { checkFinalLock, FINAL_SOURCE, type FinalSubmission } from '../submission/final-lock';
export { checkReceiptPeriod, confirmationMinimums, periodEnd, type PeriodEnd } from '../submission/receipt-period';
export { finalSubmit, leaverNotices, type FinalDecision, type FinalRequest, type LeaverNotice } from './final';

export { ReceiptsSchema, type Receipts } from './schema';
