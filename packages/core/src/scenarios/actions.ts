// Actions at a date: what a person may do, and whether core allows it.
import type { Finding } from '../catalogue';
import { checkGovernance } from '../governance';
import { can, type Resource } from '../permissions';
import { checkReceiptPeriod, leaverNotices } from '../receipts';
import type { Student } from '../records/items';
import { checkRetention } from '../retention';
import { type Permission, PERMISSIONS } from '../roles';
import type { Language } from '../findings';
import type { Localized } from '../findings/types';
import { DIVISION_NAMES, nameIn, ownNames, PERMISSION_NAMES, RECORD_KIND_NAMES, roleName } from '../names';
import { type Context, effectiveAt, misfit, note, personOf, studentOf } from './context';
import { noteSteps } from './record-life';

/** Deleting a student's records on a day: too early while the seal lasts (retention). */
export function deleteRecords(context: Context, studentId: string, at: string): readonly Finding[] {
  const effective = effectiveAt(context);
  const student = studentOf(context, studentId);
  if (!effective || !student) return [];
  return checkRetention(effective, student, { deletedOn: at, at });
}

const OTHER_KINDS: Readonly<Record<string, Localized>> = {
  certificateItem: { 'zh-TW': '證照項目', en: 'a certificate item' },
  announcement: { 'zh-TW': '公告', en: 'an announcement' },
  settings: { 'zh-TW': '權限設定', en: 'the permission settings' },
};

/** What a scenario's `on:` names, in words: `學生 S1 之課程學習成果 (課程 physics、科別 science)`. */
function resourceWords(on: Record<string, unknown>): Localized {
  const kind = String(on.kind);
  const what = Object.hasOwn(RECORD_KIND_NAMES, kind)
    ? { 'zh-TW': nameIn(RECORD_KIND_NAMES, kind, 'zh-TW'), en: nameIn(RECORD_KIND_NAMES, kind, 'en') }
    : (OTHER_KINDS[kind] ?? { 'zh-TW': kind, en: kind });
  const labels: Readonly<Record<string, Localized>> = {
    id: { 'zh-TW': '編號', en: 'id' },
    class: { 'zh-TW': '班級', en: 'class' },
    course: { 'zh-TW': '課程', en: 'course' },
    department: { 'zh-TW': '科別', en: 'department' },
    domain: { 'zh-TW': '領域', en: 'domain' },
    category: { 'zh-TW': '類別', en: 'category' },
    entry: { 'zh-TW': '來源', en: 'entry' },
    division: { 'zh-TW': '部別', en: 'division' },
  };
  const say = (language: Language) => {
    const details = Object.entries(on)
      .filter(([key]) => key !== 'kind' && key !== 'studentId')
      .map(([key, value]) => {
        const text = key === 'division' ? nameIn(DIVISION_NAMES, String(value), language) : String(value);
        return `${labels[key]?.[language] ?? key} ${text}`;
      });
    const student = typeof on.studentId === 'string' ? on.studentId : undefined;
    const more = details.length > 0 ? ` (${details.join(language === 'zh-TW' ? '、' : ', ')})` : '';
    return language === 'zh-TW'
      ? `${student ? `學生 ${student} 之` : ''}${what['zh-TW']}${more}`
      : `${student ? `student ${student}'s ` : ''}${what.en}${more}`;
  };
  return { 'zh-TW': say('zh-TW'), en: say('en') };
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
  const names = ownNames(effective.values).roles;
  const roles = (language: Language) => actor.roles.map((role) => roleName(role, language, names));
  const on = resourceWords(when.on);
  note(
    context,
    `${actor.id} (${roles('zh-TW').join('、')}) 對${on['zh-TW']}${permission['zh-TW']}：${decision.allowed ? '可' : '不可'}`,
    `${actor.id} (${roles('en').join(', ')}) ${permission.en} on ${on.en}: ${decision.allowed ? 'allowed' : 'refused'}`,
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
