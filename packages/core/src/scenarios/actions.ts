// Actions at a date: what a person may do, and whether core allows it.
import type { Finding } from '../catalogue';
import { checkGovernance } from '../governance';
import { can, type Resource } from '../permissions';
import { checkReceiptPeriod, leaverNotices } from '../receipts';
import type { Student } from '../records/items';
import { checkRetention } from '../retention';
import { type Permission, PERMISSIONS } from '../roles';
import type { Language } from '../findings';
import { nameIn, PERMISSION_NAMES, ROLE_NAMES } from '../names';
import { type Context, effectiveAt, misfit, note, personOf, studentOf } from './context';
import { noteSteps } from './record-life';

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
  const permission = PERMISSION_NAMES[when.can as Permission];
  const roles = (language: Language) => actor.roles.map((role) => nameIn(ROLE_NAMES, role, language));
  note(
    context,
    `${actor.id} (${roles('zh-TW').join('、')}) 對 ${JSON.stringify(when.on)} ${permission['zh-TW']}：${decision.allowed ? '可' : '不可'}`,
    `${actor.id} (${roles('en').join(', ')}) ${permission.en} on ${JSON.stringify(when.on)}: ${decision.allowed ? 'allowed' : 'refused'}`,
  );
  return decision.findings;
}

/** A receipt-confirmation period as the school announces it: long enough for the pack and the national minimum? */
export function receiptPeriod(context: Context, period: { opens: string; closes: string }): readonly Finding[] {
  const effective = effectiveAt(context);
  if (!effective) return [];
  const decision = checkReceiptPeriod(effective, period);
  noteSteps(context, decision.explanation);
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
    note(
      context,
      `通知 ${notice.studentId} (${notice.leftOn ?? '?'} 離校)：${notice.channels.join('、') || '無通知管道'}`,
      `notify ${notice.studentId} (left ${notice.leftOn ?? '?'}) by ${notice.channels.join(', ') || 'no channel'}`,
    );
  return findings;
}

/** The school's log of meetings and trainings against its rules, over the semesters and years wholly inside the period. */
export function governanceLog(context: Context, period: { from: string; to: string }): readonly Finding[] {
  const effective = effectiveAt(context);
  if (!effective) return [];
  const log = context.scenario.given?.log ?? {};
  const meetings = log.meetings?.length ?? 0;
  const trainings = log.trainings?.length ?? 0;
  note(
    context,
    `紀錄：${period.from} 至 ${period.to}，會議 ${meetings} 次、研習 ${trainings} 場`,
    `log: ${meetings} meetings, ${trainings} trainings, ${period.from} – ${period.to}`,
  );
  return checkGovernance(effective, { meetings: log.meetings ?? [], trainings: log.trainings ?? [] }, period);
}
