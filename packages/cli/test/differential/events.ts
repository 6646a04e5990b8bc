/**
 * Test helper: certification events the `sample` generator never writes — reassignments (更換認證教師)
 * and submissions (送審) after a term's final submission — added to a generated dataset, so that the
 * differential test holds the engine and the audit to them too. Not part of any package.
 */
import type { DatasetRecord } from '@portfolio-rules/core';

type Records = readonly DatasetRecord[];
type Outcome = DatasetRecord & { readonly type: 'courseOutcome' };

/** Who reassigns: the platform's administrator (the manual's 系統管理者), in the replay a `systemAdmin`. */
export const ADMIN = 'admin-01';

const DAY = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY;
const later = (day: string, days: number) => new Date((dayNumber(day) + days) * DAY).toISOString().slice(0, 10);

/**
 * Who decides a course outcome reassigned before its decision: the teacher replaced before the
 * reassignment and the new teacher after it (on its own day either); the teacher replaced throughout;
 * the new teacher throughout (also before the reassignment); as the first, with the reassignment on
 * the decision's own day.
 */
const WHO_DECIDES = ['after', 'replaced', 'new', 'sameDay'] as const;

/**
 * The records with one event for each pick (any natural number: it chooses the item, the kind of
 * event and the day):
 * - pick % 3 = 0: a course outcome decided by its own teacher is reassigned to another teacher of the
 *   data, between the day after its upload and the day of its decision (that day included); its
 *   decisions (its record's `certifiedBy`, its certify, reject and revoke events) are then made, as
 *   the pick says (WHO_DECIDES), by the teacher replaced, the new teacher, or each by the teacher of
 *   their day;
 * - pick % 3 = 1: a course outcome still in draft, submitted or rejected is reassigned 1–20 days after
 *   the final submission of its term in its student's division;
 * - pick % 3 = 2: a course outcome in draft is submitted by its student 1–20 days after that final
 *   submission (its record then says `submitted`).
 */
export function withEvents(records: Records, picks: readonly number[]): DatasetRecord[] {
  const changed = [...records];
  const divisions = new Map<string, string>();
  const finals = new Map<string, string>();
  for (const record of changed) {
    if (record.type === 'student') divisions.set(record.id, record.division ?? 'day');
    if (record.type === 'submission' && record.stage === 'final' && record.category === 'courseOutcome')
      finals.set(`${record.term}|${record.division ?? 'day'}`, record.on);
  }
  const finalOf = (item: Outcome) => finals.get(`${item.term}|${divisions.get(item.studentId) ?? 'day'}`);
  const outcomes = changed.flatMap((record, index) =>
    record.type === 'courseOutcome' && !record.withdrawn ? [index] : [],
  );
  const teachers = [...new Set(outcomes.map((index) => (changed[index] as Outcome).certifier))].sort();
  for (const pick of picks) {
    if (outcomes.length === 0) return changed;
    const index = outcomes[Math.floor(pick / 3) % outcomes.length]!;
    const item = changed[index] as Outcome;
    const event = { type: 'certificationEvent', itemId: item.id, studentId: item.studentId } as const;
    const school = item.school !== undefined ? { school: item.school } : {};
    if (pick % 3 === 0) {
      const decided = item.state === 'certified' || item.state === 'rejected';
      const by = item.certifiedBy ?? item.certifier;
      const { uploadedOn, certifiedOn } = item;
      if (!decided || by !== item.certifier || uploadedOn === undefined || certifiedOn === undefined) continue;
      const days = dayNumber(certifiedOn) - dayNumber(uploadedOn);
      const to = teachers.find((teacher) => teacher !== item.certifier);
      if (days < 1 || to === undefined) continue;
      const who = WHO_DECIDES[Math.floor(pick / 3 / outcomes.length) % WHO_DECIDES.length]!;
      const on = who === 'sameDay' ? certifiedOn : later(uploadedOn, 1 + (pick % days));
      changed.push({ ...event, event: 'reassign', on, actor: ADMIN, to, ...school });
      // Who decides each decision of the item, by its day; on the reassignment's own day, either teacher.
      const onItsDay = pick % 2 === 0 ? item.certifier : to;
      const decider = (day: string) =>
        who === 'replaced' ? item.certifier : who === 'new' ? to : day < on ? item.certifier : day > on ? to : onItsDay;
      changed[index] = { ...item, certifiedBy: decider(certifiedOn) };
      changed.forEach((record, at) => {
        if (record.type !== 'certificationEvent' || record.itemId !== item.id || record.studentId !== item.studentId)
          return;
        if (record.event !== 'submit' && record.event !== 'reassign')
          changed[at] = { ...record, actor: decider(record.on) };
      });
      continue;
    }
    const final = finalOf(item);
    if (final === undefined) continue;
    const on = later(final, 1 + (pick % 20));
    if (pick % 3 === 1 && item.state !== 'certified') {
      const to = teachers.find((teacher) => teacher !== item.certifier);
      if (to !== undefined) changed.push({ ...event, event: 'reassign', on, actor: ADMIN, to, ...school });
      continue;
    }
    if (pick % 3 === 2 && item.state === 'draft') {
      changed.push({ ...event, event: 'submit', on, actor: item.studentId, ...school });
      changed[index] = { ...item, state: 'submitted' };
    }
  }
  return changed;
}
