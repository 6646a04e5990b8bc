export { RECEIPT_CODES } from './codes';
export {
  checkFinalLock,
  checkReceiptPeriod,
  confirmationMinimums,
  FINAL_SOURCE,
  RECEIPT_STATES,
  receiptTransition,
  type FinalSubmission,
  type Receipt,
  type ReceiptContext,
  type ReceiptEvent,
  type ReceiptResult,
  type ReceiptState,
} from './confirm';
export { finalSubmit, leaverNotices, type FinalDecision, type FinalRequest, type LeaverNotice } from './final';

export { ReceiptsSchema, type Receipts } from './schema';
