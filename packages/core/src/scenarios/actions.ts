// Actions at a date: what a person may do, and whether core allows it.
import type { Finding } from '../catalogue';
import { checkGovernance } from '../governance';
import { can, type Resource } from '../permissions';
import { checkReceiptPeriod, leaverNotices } from '../receipts';
import type { Student } from '../records/items';
import { checkRetention } from '../retention';
import { type Permission, PERMISSIONS } from '../roles';
import { type Context, effectiveAt, misfit, personOf, studentOf } from './context';

/** Deleting a student's records on a day: too early while the seal lasts (retention). */
export function deleteRecords(context: Context, studentId: string, at: string): readonly Finding[] {
  const effective = effectiveAt(context);
  const student = studentOf(context, studentId);
  if (!effective || !student) return [];
  return checkRetention(effective, student, { deletedOn: at, at });
}

/** May this person do this to this resource on this day (the platform's permission matrix, narrowed by the pack, with deputies)? */
export function permitted(
  context: Context,
  when: { can: string; by: string; on: Record<string, unknown>; at: string },
): readonly Finding[] {
  if (!(PERMISSIONS as readonly string[]).includes(when.can)) {
    misfit(context, 'when.can', {
      'zh-TW': `未知的權限 ${when.can} (可用：${PERMISSIONS.join('、')})`,
      en: `unknown permission ${when.can} (known: ${PERMISSIONS.join(', ')})`,
    });
    return [];
  }
  const effective = effectiveAt(context);
  const actor = personOf(context, when.by);
  if (!effective || !actor) return [];
  const decision = can(actor, when.can as Permission, when.on as unknown as Resource, when.at, {
    effective,
    unavailable: context.scenario.given?.unavailable ?? [],
  });
  context.explanation.push(
    `${actor.id} (${actor.roles.join(', ')}) ${when.can} on ${JSON.stringify(when.on)}: ${decision.allowed ? 'allowed' : 'refused'}`,
  );
  return decision.findings;
}

/** A receipt-confirmation period as the school announces it: long enough for the pack and the national minimum? */
export function receiptPeriod(context: Context, period: { opens: string; closes: string }): readonly Finding[] {
  const effective = effectiveAt(context);
  if (!effective) return [];
  const decision = checkReceiptPeriod(effective, period);
  for (const step of decision.explanation)
    context.explanation.push(`${step.outcome} ${step.rule}: ${step.detail['zh-TW']}`);
  return decision.findings;
}

/** The students who left before receipt confirmation opens, each to be told by the pack's channels. */
export function notifyLeavers(context: Context, opens: string): readonly Finding[] {
  const effective = effectiveAt(context);
  if (!effective) return [];
  const students: Student[] = (context.scenario.given?.students ?? []).map((student) => ({
    ...student,
    status: student.status ?? 'enrolled',
  }));
  const { notices, findings } = leaverNotices(effective, students, opens);
  for (const notice of notices)
    context.explanation.push(
      `notify ${notice.studentId} (left ${notice.leftOn ?? '?'}) by ${notice.channels.join(', ') || 'no channel'}`,
    );
  return findings;
}

/** The school's log of meetings and trainings against its rules, over the semesters and years wholly inside the period. */
export function governanceLog(context: Context, period: { from: string; to: string }): readonly Finding[] {
  const effective = effectiveAt(context);
  if (!effective) return [];
  const log = context.scenario.given?.log ?? {};
  context.explanation.push(
    `log: ${log.meetings?.length ?? 0} meetings, ${log.trainings?.length ?? 0} trainings, ${period.from} – ${period.to}`,
  );
  return checkGovernance(effective, { meetings: log.meetings ?? [], trainings: log.trainings ?? [] }, period);
}
