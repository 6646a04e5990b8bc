/**
 * Test helper: a school's dataset replayed through the engine, every record a request in date order,
 * to compare the engine's refusals with the audit's findings on the same records
 * (engine-audit.differential.test.ts). Not part of any package.
 *
 * What the replay asks, and as of when:
 * - each item (not withdrawn) is uploaded on its `uploadedOn`, against the student's items uploaded
 *   before it (as the records leave them: the audit judges the data's final state);
 * - each decision of a course outcome (its record's `certifiedOn` and `certifiedBy`, and each
 *   certify, reject or revoke event) is a transition from the state before it, by its actor, on its
 *   day, in the certification window of the student's grade then; an actor who is not a teacher
 *   assigned that day (the record's, or the one it was last reassigned to; on a reassignment's own day
 *   either, see `reassignments`) acts for them as the audit reads it (the teacher unavailable, the
 *   chain's role links filled);
 * - each submit event is the student's submission of the item from draft, each reassign event an
 *   administrator's (systemAdmin) reassignment from the item's state that day; no window binds either;
 * - once every item is in, each selected item (not withdrawn) is selected, against the selections
 *   made before it, without the final submissions: the data records no day for a selection, so the
 *   audit cannot tell one made after the final submission (the engine refuses it, PR7014);
 * - each submission is submitted (stage submit: a round, with its receipt period and a correction,
 *   since the data records every round the school made) or finally submitted (stage final, against
 *   the rounds and the receipts of its division as they stood that day), by its unit acting as the
 *   audit reads it;
 * - the custom rules are evaluated on studentTermFacts and studentFacts of the students' items.
 * The final submissions the data records before a day (the audit lets a change on the final's own day
 * pass) are passed to the uploads, the decisions and the rounds of that day (PR7014). The rosters
 * are not passed to the item requests: when a roster locks the student side (PR7004) the audit does
 * not judge from the data (see the test).
 */
import {
  createEngine,
  evaluateRules,
  parseTerm,
  formatTerm,
  resolveWindows,
  ROLES,
  rulesFor,
  studentFacts,
  studentTermFacts,
  type Actor,
  type CertificationEvent,
  type CourseOutcome,
  type DatasetRecord,
  type EffectivePack,
  type Engine,
  type Facts,
  type Finding,
  type FinalSubmission,
  type PortfolioItem,
  type Receipt,
  type ResolvedWindow,
  type Resolution,
  type Role,
  type SchoolCalendar,
  type Student,
  type Submission,
} from '@portfolio-rules/core';
import { assignmentFor, chainOf, SUBMISSION_DUTIES } from '@portfolio-rules/core/internal';

type Item = PortfolioItem & { readonly type: 'courseOutcome' | 'diversePerformance' };
type Records = readonly DatasetRecord[];

/** What the replay found: every finding the engine gave, with the item or student it was about. */
export interface Replayed {
  readonly findings: readonly Finding[];
  /** Item ids by student, and each item's term, to key the audit's and the engine's findings alike. */
  readonly items: ReadonlyMap<string, Item>;
  /** Decisions by a teacher of the item on another day, not that day: replaced already, or not yet assigned. */
  readonly offDay: number;
}

/** The term an item's rules are those of: its own, or the first semester of its academic year. */
const termOf = (item: PortfolioItem): string =>
  item.kind === 'courseOutcome' ? item.term : (item.term ?? `${item.academicYear}01`);

/**
 * An engine per term that judges it by the rules the audit applies: the school's engine for the terms
 * its pack covers, and for a term outside them (which the engine refuses, PR2007, and the audit
 * judges by the nearest version, PR7804) an engine of that version with its period lifted.
 */
function enginesFor(resolution: Resolution): (term: string) => Engine {
  const engine = createEngine(resolution);
  const nearest = new Map<EffectivePack, Engine>();
  return (term) => {
    if (engine.effectiveFor(term)) return engine;
    const effective = rulesFor(resolution, parseTerm(term)!);
    let other = nearest.get(effective);
    if (!other) {
      const { appliesFrom: _from, appliesUntil: _until, ...always } = effective;
      nearest.set(effective, (other = createEngine(always)));
    }
    return other;
  };
}

const byDate = <T>(entries: readonly T[], day: (entry: T) => string) =>
  entries
    .map((entry, index) => ({ entry, index, day: day(entry) }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.index - b.index))
    .map(({ entry }) => entry);

/** The student's grade in a term: their grade in the data's latest year, fewer by the years between (as the audit reads it). */
const gradeThen = (student: Student | undefined, maxYear: number, term: string): 1 | 2 | 3 => {
  if (!student) return 1;
  return Math.min(3, Math.max(1, student.grade - (maxYear - Number(term.slice(0, -2))))) as 1 | 2 | 3;
};

export function replay(
  resolution: Resolution,
  calendars: readonly SchoolCalendar[],
  records: Records,
  asOf: string,
): Replayed {
  const engine = enginesFor(resolution);
  const findings: Finding[] = [];
  const students = new Map<string, Student>();
  const items = new Map<string, Item>();
  let maxYear = 0;
  const seeTerm = (term: string) => (maxYear = Math.max(maxYear, Number(term.slice(0, -2))));
  for (const record of records) {
    if (record.type === 'student') students.set(record.id, record);
    if (record.type === 'courseOutcome' || record.type === 'diversePerformance') {
      items.set(record.id, record);
      seeTerm(record.kind === 'courseOutcome' ? record.term : (record.term ?? `${record.academicYear}01`));
    }
    if ('term' in record && typeof record.term === 'string') seeTerm(record.term);
  }
  const live = [...items.values()].filter((item) => !item.withdrawn);
  const finalsBefore = finalsOf(records);

  // Uploads, in date order: each against the student's items already on the platform.
  const platform = new Map<string, PortfolioItem[]>();
  for (const item of byDate(live, (entry) => entry.uploadedOn ?? asOf)) {
    const mine = platform.get(item.studentId) ?? [];
    const upload = { ...item, selected: false } as PortfolioItem;
    const at = item.uploadedOn ?? asOf;
    const division = students.get(item.studentId)?.division;
    findings.push(
      ...engine(termOf(item)).checkUpload({
        item: upload,
        items: mine,
        at,
        finals: finalsBefore(at),
        ...(division && { division }),
      }).findings,
    );
    mine.push(upload);
    platform.set(item.studentId, mine);
  }

  const decided = decisions(engine, calendars, records, items, students, maxYear, finalsBefore);
  findings.push(...decided.findings);

  // Selections, once everything is in: each against the selections made before it.
  for (const item of live.filter((entry) => entry.selected)) {
    const mine = platform.get(item.studentId)!;
    const actor = { id: item.studentId, roles: ['student' as Role], studentId: item.studentId };
    const decision = engine(termOf(item)).checkSelection({
      item: { ...item, selected: false },
      items: mine,
      actor,
      at: asOf,
    });
    findings.push(...decision.findings);
    const index = mine.findIndex((other) => other.id === item.id);
    mine[index] = { ...mine[index]!, selected: true };
  }

  findings.push(...submissions(engine, resolution, records, students, finalsBefore));
  findings.push(...customRules(resolution, calendars, items, students, asOf));
  return { findings, items, offDay: decided.offDay };
}

/** The final submissions the data records, as the engine is given them: those made before a day. */
function finalsOf(records: Records): (day: string) => FinalSubmission[] {
  const finals: FinalSubmission[] = [];
  for (const record of records)
    if (record.type === 'submission' && record.stage === 'final')
      finals.push({
        category: record.category,
        term: record.term,
        submittedBy: record.unit,
        actingAs: record.unit,
        finalOn: record.on,
        ...(record.division && { division: record.division }),
      });
  return (day) => finals.filter((final) => final.finalOn < day);
}

/** A term's windows on the sample's calendar of its year, resolved once per term and pack. */
const windowsOf = (() => {
  const known = new Map<string, readonly ResolvedWindow[] | undefined>();
  return (effective: EffectivePack, calendars: readonly SchoolCalendar[], term: string) => {
    const key = `${effective.id}|${effective.appliesFrom ? formatTerm(effective.appliesFrom) : ''}|${term}|${calendars.length}`;
    if (!known.has(key)) {
      const parsed = parseTerm(term)!;
      const calendar = calendars.find((entry) => entry.academicYear === parsed.year);
      known.set(key, calendar && resolveWindows(effective, calendar, parsed).windows);
    }
    return known.get(key);
  };
})();

/** The certification window of a grade in a term. */
const certificationWindow = (
  effective: EffectivePack,
  calendars: readonly SchoolCalendar[],
  term: string,
  grade: number,
) =>
  windowsOf(effective, calendars, term)?.find(
    (window) => window.activity === 'courseOutcomeCertification' && window.grades.includes(grade as 1 | 2 | 3),
  );

/** Every decision on a course outcome, from its record and its events, as a transition. */
function decisions(
  engine: (term: string) => Engine,
  calendars: readonly SchoolCalendar[],
  records: Records,
  items: ReadonlyMap<string, Item>,
  students: ReadonlyMap<string, Student>,
  maxYear: number,
  finalsBefore: (day: string) => FinalSubmission[],
): { findings: Finding[]; offDay: number } {
  const certifierOn = reassignments(records);
  const asked: { item: CourseOutcome; event: CertificationEvent; actor: string | undefined; on: string }[] = [];
  for (const item of items.values()) {
    if (item.kind !== 'courseOutcome' || item.certifiedOn === undefined) continue;
    // A record without certifiedBy was decided by its teacher of the day (after any reassignment).
    if (item.state === 'certified')
      asked.push({ item, event: { type: 'certify' }, actor: item.certifiedBy, on: item.certifiedOn });
    if (item.state === 'rejected')
      asked.push({
        item,
        event: { type: 'reject', reason: item.rejectionReason } as CertificationEvent,
        actor: item.certifiedBy,
        on: item.certifiedOn,
      });
  }
  for (const record of records) {
    if (record.type !== 'certificationEvent') continue;
    const item = items.get(record.itemId);
    if (item?.kind !== 'courseOutcome') continue;
    const event: CertificationEvent =
      record.event === 'reject'
        ? ({ type: 'reject', reason: record.reason } as CertificationEvent)
        : record.event === 'reassign'
          ? { type: 'reassign', certifier: record.to ?? '' }
          : { type: record.event };
    asked.push({ item, event, actor: record.actor, on: record.on });
  }
  const findings: Finding[] = [];
  let offDay = 0;
  for (const { item, event, actor: given, on } of byDate(asked, (entry) => entry.on)) {
    const effective = engine(item.term).effectiveFor(item.term)!;
    const student = students.get(item.studentId);
    const division = student?.division;
    const teachers = certifierOn(item, on);
    // A decision by a teacher assigned that day is theirs; anyone else's is judged against the teacher standing before it.
    const certifier =
      given !== undefined && WHO[event.type] === 'certifier' && teachers.assigned.includes(given)
        ? given
        : teachers.before;
    const actor = given ?? certifier;
    if (WHO[event.type] === 'certifier' && !teachers.assigned.includes(actor) && teachers.ever.includes(actor))
      offDay++;
    const context = { ...(division && { division }), finals: finalsBefore(on) };
    const who = WHO[event.type];
    if (who !== 'certifier') {
      // Submitting (the student) and reassigning (an administrator): not bound by the window.
      const state = event.type === 'submit' ? 'draft' : stateOn(item, on);
      const before: CourseOutcome = { ...item, certifier, state, selected: false };
      const acting: Actor =
        who === 'student'
          ? { id: actor, roles: ['student'], studentId: item.studentId }
          : { id: actor, roles: ['systemAdmin'] };
      findings.push(...engine(item.term).transition(before, event, acting, on, context).findings);
      continue;
    }
    const chain = chainOf(assignmentFor(effective, 'courseOutcomeCertification', division));
    const roles = chain.filter(
      (link): link is Role =>
        (ROLES as readonly string[]).includes(link) && link !== 'courseTeacher' && link !== 'student',
    );
    const window = certificationWindow(effective, calendars, item.term, gradeThen(student, maxYear, item.term));
    const before: CourseOutcome = {
      ...item,
      certifier,
      state: event.type === 'revoke' ? 'certified' : 'submitted',
      selected: false,
    };
    // Someone else than the teacher acts as a deputy when the chain has one and they are not the
    // student; else they are asked as the engine asks anyone but the teacher (PR4002), as the audit reads it.
    const deputy = actor !== certifier && actor !== item.studentId && chain.some((link) => link !== 'courseTeacher');
    const result = engine(item.term).transition(
      before,
      event,
      actor === certifier
        ? { id: actor, roles: ['courseTeacher'] }
        : deputy
          ? { id: actor, roles, units: [actor] }
          : { id: actor, roles: [] },
      on,
      { ...context, ...(deputy && { unavailable: [certifier] }), ...(window && { window }) },
    );
    findings.push(...result.findings);
  }
  return { findings, offDay };
}

/** Who acts in each certification event the data records: the student submits, an administrator reassigns. */
const WHO: Readonly<Record<CertificationEvent['type'], 'student' | 'certifier' | 'admin'>> = {
  edit: 'student',
  submit: 'student',
  withdraw: 'student',
  certify: 'certifier',
  reject: 'certifier',
  revoke: 'certifier',
  reassign: 'admin',
};

/**
 * An item's teachers on a day, and the one a reassignment that day replaces. The records give days,
 * not hours, and the replay takes a day's records in the order that lets each act stand: on the day of
 * a reassignment the teacher before it and the teacher after it may both act (either may have acted
 * first); after it, the teacher it names (after two reassignments on one day, either). Before the
 * first reassignment, the record's certifier.
 */
function reassignments(
  records: Records,
): (
  item: CourseOutcome,
  day: string,
) => { readonly before: string; readonly assigned: readonly string[]; readonly ever: readonly string[] } {
  const moves = new Map<string, { on: string; to: string }[]>();
  for (const record of byDate(records, (entry) => (entry.type === 'certificationEvent' ? entry.on : ''))) {
    if (record.type !== 'certificationEvent' || record.event !== 'reassign' || record.to === undefined) continue;
    const key = `${record.studentId}|${record.itemId}`;
    moves.set(key, [...(moves.get(key) ?? []), { on: record.on, to: record.to }]);
  }
  return (item, day) => {
    const mine = moves.get(`${item.studentId}|${item.id}`) ?? [];
    const last = mine.filter((move) => move.on < day).at(-1)?.on;
    const standing =
      last === undefined ? [item.certifier] : mine.filter((move) => move.on === last).map((move) => move.to);
    const today = mine.filter((move) => move.on === day).map((move) => move.to);
    const ever = [item.certifier, ...mine.map((move) => move.to)];
    return { before: standing.at(-1)!, assigned: [...standing, ...today], ever };
  };
}

/** An item's state on a day, as its record leaves it: decided once its decision's day is past, else in draft or submitted. */
const stateOn = (item: CourseOutcome, day: string): CourseOutcome['state'] =>
  item.certifiedOn !== undefined && item.certifiedOn < day
    ? item.state
    : item.state === 'draft'
      ? 'draft'
      : 'submitted';

/** Each submission and final submission as its unit makes it: the chain's links before the unit unavailable. */
function submissions(
  engine: (term: string) => Engine,
  resolution: Resolution,
  records: Records,
  students: ReadonlyMap<string, Student>,
  finalsBefore: (day: string) => FinalSubmission[],
): Finding[] {
  const findings: Finding[] = [];
  const made: Submission[] = [];
  const finals: FinalSubmission[] = [];
  const receipts = records.filter((record) => record.type === 'receipt');
  // A duty without an owner is the pack's gap (PR5002), not each submission's: what the roster's own
  // rules say still counts — its period, its disputes, the final submission's lock.
  const ofTheRoster = (finding: Finding) => ['PR7010', 'PR7012', 'PR7013', 'PR7014'].includes(finding.code);
  for (const record of byDate(records, (entry) => (entry.type === 'submission' ? entry.on : ''))) {
    if (record.type !== 'submission' || record.stage === 'precheck') continue;
    const effective = rulesFor(resolution, parseTerm(record.term)!);
    const duty = record.category === 'basicData' ? 'basicData' : SUBMISSION_DUTIES[record.category];
    const chain = chainOf(assignmentFor(effective, duty, record.division));
    // Named as the audit names what it finds about a submission.
    const named = (found: readonly Finding[]) =>
      found.map((finding) =>
        finding.code === 'PR7012'
          ? finding
          : { ...finding, subject: `${record.category}:${record.term}:${record.stage}` },
      );
    const index = chain.indexOf(record.unit);
    const unit = {
      actor: { id: record.unit, roles: [], units: [record.unit] },
      unavailable: index > 0 ? chain.slice(0, index) : [],
      ...(record.division && { division: record.division }),
    };
    if (record.stage === 'submit') {
      const receiptPeriod =
        record.receiptOpens !== undefined && record.receiptCloses !== undefined
          ? { opens: record.receiptOpens, closes: record.receiptCloses }
          : undefined;
      // The round the data records was made, refused or not: the later rounds and the final count it.
      const recorded: Submission = {
        category: record.category,
        term: record.term,
        submittedBy: record.unit,
        actingAs: record.unit,
        submittedOn: record.on,
        ...(record.division && { division: record.division }),
        ...(receiptPeriod && { receiptPeriod }),
      };
      const decision = engine(record.term).submit({
        ...unit,
        category: record.category,
        term: record.term,
        at: record.on,
        submissions: made,
        finals: finalsBefore(record.on),
        correction: '資料所載之重新提交 (the data records this round)',
        ...(receiptPeriod && { receiptPeriod }),
      });
      findings.push(...named(chain.length === 0 ? decision.findings.filter(ofTheRoster) : decision.findings));
      const earlier = made.filter(
        (entry) =>
          entry.category === record.category &&
          entry.term === record.term &&
          (entry.division ?? 'day') === (record.division ?? 'day'),
      );
      made.push(decision.submission ?? { ...recorded, round: earlier.length + 1 });
      continue;
    }
    const standing: Receipt[] = receipts
      .filter(
        (receipt) =>
          receipt.category === record.category &&
          receipt.term === record.term &&
          (students.get(receipt.studentId)?.division ?? 'day') === (record.division ?? 'day'),
      )
      .map((receipt) => ({
        studentId: receipt.studentId,
        category: receipt.category,
        term: receipt.term,
        status:
          receipt.status === 'disputed' && (receipt.resolvedOn === undefined || receipt.resolvedOn > record.on)
            ? 'disputed'
            : receipt.status === 'disputed'
              ? 'resolved'
              : receipt.status,
      }));
    const decision = engine(record.term).finalSubmit({
      ...unit,
      category: record.category,
      term: record.term,
      at: record.on,
      receipts: standing,
      finals,
      submissions: made,
    });
    findings.push(...named(chain.length === 0 ? decision.findings.filter(ofTheRoster) : decision.findings));
    if (decision.final) finals.push(decision.final);
  }
  return findings;
}

/** The pack's custom rules on the facts of each student's terms (those with course outcomes of their own) and academic years. */
function customRules(
  resolution: Resolution,
  calendars: readonly SchoolCalendar[],
  items: ReadonlyMap<string, Item>,
  students: ReadonlyMap<string, Student>,
  asOf: string,
): Finding[] {
  const findings: Finding[] = [];
  const byStudent = new Map<string, Item[]>();
  for (const item of items.values()) byStudent.set(item.studentId, [...(byStudent.get(item.studentId) ?? []), item]);
  for (const student of students.values()) {
    const mine = byStudent.get(student.id) ?? [];
    const own = mine.filter((item) => item.entry === 'student' && !item.withdrawn);
    const terms = [...new Set(own.filter((item) => item.kind === 'courseOutcome').map((item) => item.term))].sort();
    const years = [
      ...new Set([
        ...terms.map((term) => Number(term.slice(0, -2))),
        ...mine
          .filter((item) => item.kind === 'diversePerformance' && !item.withdrawn)
          .map((item) => (item as { academicYear: number }).academicYear),
      ]),
    ].sort((a, b) => a - b);
    const facts: [EffectivePack, Facts][] = [];
    for (const term of terms) {
      const parsed = parseTerm(term)!;
      const effective = rulesFor(resolution, parsed);
      const windows = windowsOf(effective, calendars, term);
      facts.push([
        effective,
        studentTermFacts({ student, items: mine, asOf, term: parsed, ...(windows && { windows }) }),
      ]);
    }
    for (const year of years)
      facts.push([
        rulesFor(resolution, { year, semester: 1 }),
        studentFacts({ student, items: mine, asOf, academicYear: year }),
      ]);
    for (const effective of new Set(facts.map(([pack]) => pack)))
      findings.push(
        ...evaluateRules(
          effective,
          facts.filter(([pack]) => pack === effective).map(([, fact]) => fact),
        ),
      );
  }
  return findings;
}
