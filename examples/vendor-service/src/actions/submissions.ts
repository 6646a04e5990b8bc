import type { Actor, ReceiptCategory, ReceiptPeriod } from '@portfolio-rules/core';
import { rosterLocks } from '../locks';
import { record, type Service, type Write } from '../service';
import { type ReceiptRow, receiptOf, rosterViewOf, rosterViewQuery, yearOf } from '../store';

export interface SubmitInput {
  readonly actor: Actor;
  readonly category: ReceiptCategory;
  readonly term: string;
  readonly correction?: string | undefined;
  readonly receiptPeriod?: ReceiptPeriod | undefined;
  readonly unavailable?: readonly string[] | undefined;
}

/**
 * Which students a submitted roster covers, and so who gets a receipt of the round: those with items
 * of the category in it (a course outcome's term; a diverse performance's academic year). The
 * categories the school enters itself (cadre, course records) are not kept by this service.
 */
function rosterStudents(
  category: ReceiptCategory,
  term: string,
): { readonly sql: string; readonly params: unknown[] } | undefined {
  if (category === 'courseOutcome')
    return { sql: "kind = 'courseOutcome' and term = $1 and not withdrawn", params: [term] };
  if (category === 'diversePerformance')
    return { sql: "kind = 'diversePerformance' and academic_year = $1 and not withdrawn", params: [yearOf(term)] };
  return undefined;
}

/**
 * The submitting unit submits a roster (提交), or submits it again after a correction (a new round):
 * the roster is locked exclusively, so no student-side action of it is in flight, and the round's
 * receipts are written with it.
 */
export async function submit(service: Service, input: SubmitInput) {
  const { db, rules } = service;
  const day = service.today();
  const opening = [
    ...rosterLocks(db.strategy, [{ category: input.category, term: input.term }], 'exclusive'),
    rosterViewQuery(input.category, input.term),
  ];
  return db.transaction(opening, (rows) => {
    const { submissions, finals } = rosterViewOf(rows.at(-1));
    const answer = rules.engine.submit({ ...input, at: day, submissions, finals });
    const what = {
      action: 'submit',
      subject: `${input.category}:${input.term}`,
      actor: input.actor,
      request: input,
      day,
    };
    const submission = answer.submission;
    if (!submission) return record(service, what, answer, []);
    const writes: Write[] = [
      {
        sql: `insert into submissions (category, term, round, submitted_by, acting_as, submitted_on, correction, receipt_opens, receipt_closes, decision_id)
          values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $decision)`,
        params: [
          submission.category,
          submission.term,
          submission.round,
          submission.submittedBy,
          submission.actingAs,
          submission.submittedOn,
          submission.correction ?? null,
          submission.receiptPeriod?.opens ?? null,
          submission.receiptPeriod?.closes ?? null,
        ],
      },
    ];
    const covered = rosterStudents(input.category, input.term);
    if (covered)
      writes.push({
        sql: `insert into receipts (student_id, category, term, round, status, decision_id)
          select distinct student_id, $2::text, $3::text, $4::int, 'pending', $decision from items where ${covered.sql}`,
        params: [...covered.params, input.category, input.term, submission.round],
      });
    return record(service, what, answer, writes, submission);
  });
}

export interface FinalInput {
  readonly actor: Actor;
  readonly category: ReceiptCategory;
  readonly term: string;
  readonly unavailable?: readonly string[] | undefined;
}

/** The final submission (完成提交): after the latest round's confirmation period, with its disputes resolved. */
export async function finalSubmit(service: Service, input: FinalInput) {
  const { db, rules } = service;
  const day = service.today();
  const opening = [
    ...rosterLocks(db.strategy, [{ category: input.category, term: input.term }], 'exclusive'),
    rosterViewQuery(input.category, input.term),
    { sql: 'select * from receipts where category = $1 and term = $2', params: [input.category, input.term] },
  ];
  return db.transaction(opening, (rows) => {
    const { submissions, finals } = rosterViewOf(rows.at(-2));
    const receipts = (rows.at(-1) ?? []) as unknown as ReceiptRow[];
    const answer = rules.engine.finalSubmit({
      ...input,
      at: day,
      receipts: receipts.map(receiptOf),
      finals,
      submissions,
    });
    const what = {
      action: 'final',
      subject: `${input.category}:${input.term}`,
      actor: input.actor,
      request: input,
      day,
    };
    const final = answer.final;
    if (!final) return record(service, what, answer, []);
    const write = {
      sql: 'insert into finals (category, term, submitted_by, acting_as, final_on, decision_id) values ($1, $2, $3, $4, $5, $decision)',
      params: [final.category, final.term, final.submittedBy, final.actingAs, final.finalOn],
    };
    return record(service, what, answer, [write], final);
  });
}
