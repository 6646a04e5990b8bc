export { RECEIPT_CODES } from './codes';
export {
  checkFinalLock,
  confirmationMinimums,
  FINAL_SOURCE,
  RECEIPT_STATES,
  type FinalSubmission,
  type Receipt,
  type ReceiptContext,
  type ReceiptEvent,
  type ReceiptResult,
  type ReceiptState,
} from './confirm';
export { type FinalDecision, type FinalRequest, type LeaverNotice } from './final';
export { checkReceiptPeriod, finalSubmit, leaverNotices, receiptTransition } from './request';

export { ReceiptsSchema, type Receipts } from './schema';
