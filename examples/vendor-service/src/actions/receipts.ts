import { type Actor, latestRound, type ReceiptCategory, type ReceiptEvent } from '@portfolio-rules/core';
import { lockRosters } from '../locks';
import { record, RequestError, type Service } from '../service';
import { finalsOf, type ReceiptRow, receiptOf, submissionsOf } from '../store';

export interface ReceiptInput {
  readonly actor: Actor;
  readonly studentId: string;
  readonly category: ReceiptCategory;
  readonly term: string;
  readonly event: ReceiptEvent;
  /** The round whose receipt is meant; the latest when absent (an earlier one is refused, PR7018). */
  readonly round?: number;
  readonly unavailable?: readonly string[];
}

/** A student (or the receipt-confirmation unit) confirms or disputes a receipt; the submitting unit resolves a dispute. */
export async function receipt(service: Service, input: ReceiptInput) {
  const { db, rules } = service;
  const day = service.today();
  return db.transaction(async (tx) => {
    await lockRosters(tx, db.strategy, [{ category: input.category, term: input.term }], 'shared');
    const submissions = await submissionsOf(tx, [input.category], [input.term]);
    const latest = latestRound(submissions, input.category, input.term);
    const round = input.round ?? latest?.round ?? 1;
    const lock = db.strategy === 'lock' ? ' for update' : '';
    const { rows } = await tx.query<ReceiptRow>(
      `select * from receipts where category = $1 and term = $2 and student_id = $3 and round = $4${lock}`,
      [input.category, input.term, input.studentId, round],
    );
    if (!rows[0]) throw new RequestError(404, `no receipt of round ${round} for ${input.studentId}`);
    const finals = await finalsOf(tx, input.category, input.term);
    const context = { submissions, finals, ...(input.unavailable && { unavailable: input.unavailable }) };
    const answer = rules.engine.receipt(receiptOf(rows[0]), input.event, input.actor, day, context);
    const subject = `${input.studentId}:${input.category}:${input.term}:${round}`;
    const what = { action: `receipt.${input.event.type}`, subject, actor: input.actor, request: input, day };
    return record(service, tx, what, answer, async (decision) => {
      if (!answer.ok) return undefined;
      const next = answer.receipt;
      await tx.query(
        `update receipts set status = $5, dispute = $6, resolution = $7, confirmed_by = $8, confirmed_on = $9,
           disputed_on = case when $5 = 'disputed' then $10::date else disputed_on end,
           resolved_on = case when $5 = 'resolved' then $10::date else resolved_on end,
           decision_id = $11
         where category = $1 and term = $2 and student_id = $3 and round = $4`,
        [
          input.category,
          input.term,
          input.studentId,
          round,
          next.status,
          next.dispute ?? null,
          next.resolution ?? null,
          next.confirmedBy ?? null,
          next.confirmedOn ?? null,
          day,
          decision,
        ],
      );
      return next;
    });
  });
}
