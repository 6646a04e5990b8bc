import type { Actor, Division, ReceiptCategory, ReceiptPeriod } from '@portfolio-rules/core';
import { type Roster, rosterLocks } from '../locks';
import { record, type Service, type Write } from '../service';
import { type ReceiptRow, receiptOf, rosterViewOf, rosterViewQuery, yearOf } from '../store';

export interface SubmitInput {
  readonly actor: Actor;
  readonly category: ReceiptCategory;
  readonly term: string;
  /** The division whose roster it is (日間部 by default; 進修部 submits its own). */
  readonly division?: Division | undefined;
  readonly correction?: string | undefined;
  readonly receiptPeriod?: ReceiptPeriod | undefined;
  readonly unavailable?: readonly string[] | undefined;
}

/**
 * Which students a submitted roster covers, and so who gets a receipt of the round: the division's
 * students with items of the category in it (a course outcome's term; a diverse performance's
 * academic year). The categories the school enters itself (cadre, course records) are not kept by
 * this service.
 */
function rosterStudents(
  category: ReceiptCategory,
  term: string,
  division: Division,
): { readonly sql: string; readonly params: unknown[] } | undefined {
  const ofDivision = 'student_id in (select id from students where division = $2)';
  if (category === 'courseOutcome')
    return {
      sql: `kind = 'courseOutcome' and term = $1 and not withdrawn and ${ofDivision}`,
      params: [term, division],
    };
  if (category === 'diversePerformance')
    return {
      sql: `kind = 'diversePerformance' and academic_year = $1 and not withdrawn and ${ofDivision}`,
      params: [yearOf(term), division],
    };
  return undefined;
}

/** A roster as the decision log names it: `courseOutcome:11201`, `courseOutcome:11201:continuingEducation`. */
const subjectOf = (roster: Roster) =>
  `${roster.category}:${roster.term}${roster.division === 'day' ? '' : `:${roster.division}`}`;

/** The roster a request names: its category and term, in its division (the day division when left out). */
const rosterOf = (input: { category: ReceiptCategory; term: string; division?: Division | undefined }) => ({
  category: input.category,
  term: input.term,
  division: input.division ?? 'day',
});

/**
 * The submitting unit submits a roster (提交), or submits it again after a correction (a new round):
 * the roster is locked exclusively, so no student-side action of it is in flight, and the round's
 * receipts are written with it.
 */
export async function submit(service: Service, input: SubmitInput) {
  const { db, rules } = service;
  const day = service.today();
  const roster = rosterOf(input);
  const opening = [
    ...rosterLocks(db.strategy, [roster], 'exclusive'),
    rosterViewQuery(roster.category, roster.term, roster.division),
  ];
  return db.transaction(opening, (rows) => {
    const { submissions, finals } = rosterViewOf(rows.at(-1));
    const answer = rules.engine.submit({ ...input, at: day, submissions, finals });
    const what = {
      action: 'submit',
      subject: subjectOf(roster),
      actor: input.actor,
      request: input,
      day,
    };
    const submission = answer.submission;
    if (!submission) return record(service, what, answer, []);
    const writes: Write[] = [
      {
        sql: `insert into submissions (category, term, division, round, submitted_by, acting_as, submitted_on, correction, receipt_opens, receipt_closes, decision_id)
          values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $decision)`,
        params: [
          submission.category,
          submission.term,
          roster.division,
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
    const covered = rosterStudents(roster.category, roster.term, roster.division);
    if (covered)
      writes.push({
        sql: `insert into receipts (student_id, category, term, division, round, status, decision_id)
          select distinct student_id, $3::text, $4::text, $2::text, $5::int, 'pending', $decision from items where ${covered.sql}`,
        params: [...covered.params, roster.category, roster.term, submission.round],
      });
    return record(service, what, answer, writes, submission);
  });
}

export interface FinalInput {
  readonly actor: Actor;
  readonly category: ReceiptCategory;
  readonly term: string;
  /** The division whose roster it is (日間部 by default). */
  readonly division?: Division | undefined;
  readonly unavailable?: readonly string[] | undefined;
}

/** The final submission (完成提交): after the latest round's confirmation period, with its disputes resolved. */
export async function finalSubmit(service: Service, input: FinalInput) {
  const { db, rules } = service;
  const day = service.today();
  const roster = rosterOf(input);
  const opening = [
    ...rosterLocks(db.strategy, [roster], 'exclusive'),
    rosterViewQuery(roster.category, roster.term, roster.division),
    {
      sql: 'select * from receipts where category = $1 and term = $2 and division = $3',
      params: [roster.category, roster.term, roster.division],
    },
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
      subject: subjectOf(roster),
      actor: input.actor,
      request: input,
      day,
    };
    const final = answer.final;
    if (!final) return record(service, what, answer, []);
    const write = {
      sql: `insert into finals (category, term, division, submitted_by, acting_as, final_on, decision_id)
        values ($1, $2, $3, $4, $5, $6, $decision)`,
      params: [final.category, final.term, roster.division, final.submittedBy, final.actingAs, final.finalOn],
    };
    return record(service, what, answer, [write], final);
  });
}
