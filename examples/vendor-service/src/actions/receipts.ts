import { type Actor, type ReceiptCategory, type ReceiptEvent } from '@portfolio-rules/core';
import { forUpdate, studentRosterLocks } from '../locks';
import { RequestError } from '../errors';
import { record, type Service } from '../service';
import { type ReceiptRow, receiptOf, rosterViewOf, studentRosterViewQuery } from '../store';
import { present } from '../present';

export interface ReceiptInput {
  readonly actor: Actor;
  readonly studentId: string;
  readonly category: ReceiptCategory;
  readonly term: string;
  readonly event: ReceiptEvent;
  /** The round whose receipt is meant; the latest when absent (an earlier one is refused, PR7018). */
  readonly round?: number | undefined;
  readonly unavailable?: readonly string[] | undefined;
}

/** A student (or the receipt-confirmation unit) confirms or disputes a receipt; the submitting unit resolves a dispute. */
export async function receipt(service: Service, input: ReceiptInput) {
  const { db, rules } = service;
  const day = service.today();
  // The receipt's roster is its student's division's (each division submits its own): the lock, the
  // latest round when none is named, the rounds and final submissions are that division's.
  const division = '(select division from students where id = $3)';
  const opening = [
    ...studentRosterLocks(db.strategy, input.studentId, input.category, [input.term]),
    {
      sql: `select * from receipts where category = $1 and term = $2 and student_id = $3 and division = ${division}
        and round = coalesce($4::int, (select max(round) from submissions
          where category = $1 and term = $2 and division = ${division}))${forUpdate(db.strategy)}`,
      params: [input.category, input.term, input.studentId, input.round ?? null],
    },
    studentRosterViewQuery(input.category, input.term, input.studentId),
  ];
  return db.transaction(opening, (rows) => {
    const row = present(rows.at(-2), 'the receipt query')[0] as unknown as ReceiptRow | undefined;
    if (!row)
      throw new RequestError(
        'VS1203',
        `${input.studentId} ${input.category} ${input.term}${input.round ? ` round ${input.round}` : ''}`,
      );
    const { submissions, finals, division: rosterDivision } = rosterViewOf(rows.at(-1));
    const context = {
      submissions,
      finals,
      ...(rosterDivision && { division: rosterDivision }),
      ...(input.unavailable && { unavailable: input.unavailable }),
    };
    const answer = rules.engine.receipt(receiptOf(row), input.event, input.actor, day, context);
    const subject = `${input.studentId}:${input.category}:${input.term}:${row.round}`;
    const what = { action: `receipt.${input.event.type}`, subject, actor: input.actor, request: input, day };
    if (!answer.ok) return record(service, what, answer, []);
    const next = answer.receipt;
    const write = {
      sql: `update receipts set status = $5, dispute = $6, resolution = $7, confirmed_by = $8, confirmed_on = $9,
          disputed_on = case when $5 = 'disputed' then $10::date else disputed_on end,
          resolved_on = case when $5 = 'resolved' then $10::date else resolved_on end,
          decision_id = $decision
        where category = $1 and term = $2 and student_id = $3 and round = $4 and division = $11`,
      params: [
        input.category,
        input.term,
        input.studentId,
        row.round,
        next.status,
        next.dispute ?? null,
        next.resolution ?? null,
        next.confirmedBy ?? null,
        next.confirmedOn ?? null,
        day,
        row.division,
      ],
    };
    return record(service, what, answer, [write], next);
  });
}
