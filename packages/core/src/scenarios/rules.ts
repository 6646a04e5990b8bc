// Reading the rules themselves: a value and who set it, a window, who acts for a duty, the pack audit.
import type { Finding } from '../catalogue';
import { actingFor } from '../deputies';
import { DUTIES, type Duty } from '../duties';
import { type CustomRule, evaluateRules, studentFacts, studentTermFacts } from '../expressions';
import type { Language } from '../findings';
import { ACTIVITY_NAMES, chainIn, nameIn, ownNames, unitName } from '../names';
import { formatSource } from '../findings';
import { type EffectivePack, provenanceOf, valueAtPath } from '../layering';
import { auditPack } from '../pack';
import { parseTerm } from '../term';
import { ACTIVITIES, type Activity, isOpen, resolveWindows, selectWindow } from '../windows';
import { leafPaths, matches, sameLayer, sameSource } from './compare';
import { calendarOf, type Context, effectiveAt, fail, misfit, note, studentOf, termOf } from './context';
import { itemsOf } from './record-life';

/** The effective value at a path (a custom rule by id: `rules.<id>`) and, with a student and a day, whether that custom rule holds. */
export function checkRule(
  context: Context,
  when: { rule: string; student?: string | undefined; at?: string | undefined },
): readonly Finding[] {
  const effective = effectiveAt(context);
  if (!effective) return context.validation.findings;
  const id = when.rule.startsWith('rules.') ? when.rule.slice('rules.'.length) : undefined;
  const rules = effective.values.rules ?? [];
  const index = rules.findIndex((rule) => rule.id === id);
  const rule = rules[index];
  checkValue(context, effective, index >= 0 ? `rules.${index}` : when.rule);
  if (when.student === undefined && when.at === undefined) return context.validation.findings;
  if (when.student === undefined || when.at === undefined || rule === undefined) {
    misfit(context, 'when.rule', {
      'zh-TW': `檢核自訂規則須寫 rules.<代號>、student 及 at (實得 ${when.rule}、${when.student ?? '無學生'}、${when.at ?? '無日期'})`,
      en: `evaluating a rule needs rules.<id> of a custom rule, student and at (got ${when.rule}, ${when.student ?? 'no student'}, ${when.at ?? 'no day'})`,
    });
    return [];
  }
  return [...context.validation.findings, ...evaluateCustomRule(context, effective, rule, when.student, when.at)];
}

/** A custom rule on one student in the scenario's term: core's facts from `given.records`, the term's windows resolved by `given.calendar`. */
function evaluateCustomRule(
  context: Context,
  effective: EffectivePack,
  rule: CustomRule,
  studentId: string,
  at: string,
): readonly Finding[] {
  const term = parseTerm(termOf(context));
  const student = studentOf(context, studentId);
  if (!term || !student) return [];
  const items = itemsOf(context);
  const facts =
    rule.about === 'student'
      ? studentFacts({ student, items, asOf: at, academicYear: term.year })
      : studentTermFacts({
          student,
          term,
          items,
          asOf: at,
          windows: context.scenario.given?.calendar
            ? resolveWindows(effective, calendarOf(context, term), term).windows
            : [],
        });
  const values = JSON.stringify(facts.values);
  note(context, `${facts.subject} 於 ${at} 之事實：${values}`, `facts about ${facts.subject} on ${at}: ${values}`);
  return evaluateRules(effective, [facts]).filter((finding) => finding.rule === `rules.${rule.id}`);
}

/** Compares the effective value at a path, who set it, and the national bound over it. */
function checkValue(context: Context, effective: EffectivePack, path: string): void {
  const { scenario, document } = context;
  const { expect } = scenario;
  const value = valueAtPath(effective.values, path);
  note(context, `${path} = ${JSON.stringify(value)}`, `${path} = ${JSON.stringify(value)}`);
  if (expect.value !== undefined && !matches(expect.value, value))
    fail(context, path, JSON.stringify(expect.value), value === undefined ? '—' : JSON.stringify(value));
  for (const leaf of expect.value === undefined ? [path] : leafPaths(path, expect.value)) {
    const setBy = provenanceOf(effective.provenance, leaf);
    const by = `${setBy?.layer ?? '—'} ${formatSource(setBy?.source)}`;
    note(context, `  ${leaf} 由 ${by} 設定`, `  ${leaf} set by ${by}`);
    if (expect.layer !== undefined && !sameLayer(expect.layer, setBy?.layer))
      fail(context, `${leaf} layer`, expect.layer, setBy?.layer ?? '—', {
        'zh-TW': `${leaf} 之設定層次：預期 ${expect.layer}，實得 ${setBy?.layer ?? '無'}`,
        en: `${leaf}: expected layer ${expect.layer}, got ${setBy?.layer ?? 'none'}`,
      });
    if (expect.source !== undefined && !sameSource(expect.source, setBy?.source, document)) {
      const actual = formatSource(setBy?.source);
      fail(context, `${leaf} source`, expect.source, actual || '—', {
        'zh-TW': `${leaf} 之依據條次：預期 ${expect.source}，實得 ${actual || '無'}`,
        en: `${leaf}: expected source ${expect.source}, got ${actual || 'none'}`,
      });
    }
  }
  if (expect.nationalBound) {
    const bound = effective.bounds.find(
      (b) => b.path === path || path.startsWith(`${b.path}.`) || b.path.startsWith(`${path}.`),
    );
    note(
      context,
      `全國規定之界限：${bound ? JSON.stringify(bound) : '無'}`,
      `national bound: ${bound ? JSON.stringify(bound) : 'none'}`,
    );
    const actual = bound && { ...bound, source: formatSource(bound.source) };
    if (!matches(expect.nationalBound, actual))
      fail(context, 'national bound', JSON.stringify(expect.nationalBound), JSON.stringify(actual ?? null), {
        'zh-TW': `全國規定之界限：預期 ${JSON.stringify(expect.nationalBound)}，實得 ${JSON.stringify(actual ?? null)}`,
        en: `national bound: expected ${JSON.stringify(expect.nationalBound)}, got ${JSON.stringify(actual ?? null)}`,
      });
  }
}

/** The window that governs an activity for a grade in a semester (core's `selectWindow`), or whether it is open on a day. */
export function checkWindow(
  context: Context,
  when: { window: string; grade?: 1 | 2 | 3 | undefined; semester?: 1 | 2 | undefined; at?: string | undefined },
): readonly Finding[] {
  const effective = effectiveAt(context);
  if (!effective) return [];
  if (when.at !== undefined) return openOn(context, effective, { ...when, at: when.at });
  // A window serves the data of a term (its `terms`, `semesters`, `grades`): the scenario's term, or a bare semester.
  const term = parseTerm(termOf(context));
  const semester = when.semester ?? term?.semester ?? 1;
  const windows = effective.values.windows ?? [];
  const index = selectWindow(windows, when.window as Activity, when.semester ?? term ?? semester, when.grade ?? 1);
  if (index === undefined) {
    const activity = nameIn(ACTIVITY_NAMES, when.window, 'zh-TW');
    note(
      context,
      `第${semester}學期${when.grade ? `${when.grade}年級` : ''}沒有「${activity}」之期程`,
      `no window for ${nameIn(ACTIVITY_NAMES, when.window, 'en')} (semester ${semester}${when.grade ? `, grade ${when.grade}` : ''})`,
    );
    const wanted = context.scenario.expect.value;
    if (wanted !== undefined && wanted !== null)
      fail(context, `window ${when.window}`, JSON.stringify(wanted), '—', {
        'zh-TW': `找不到 ${when.window} 之期程`,
        en: `no window for ${when.window}`,
      });
    return [];
  }
  checkValue(context, effective, `windows.${index}`);
  return [];
}

/** Is the activity open for the grade on the day, by the calendar the scenario gives? */
function openOn(
  context: Context,
  effective: EffectivePack,
  when: { window: string; grade?: 1 | 2 | 3 | undefined; at: string },
): readonly Finding[] {
  const term = parseTerm(termOf(context));
  if (!term) return [];
  if (!(ACTIVITIES as readonly string[]).includes(when.window)) {
    misfit(context, 'when.window', {
      'zh-TW': `未知的作業項目 ${when.window} (可用：${ACTIVITIES.join('、')})`,
      en: `unknown activity ${when.window} (known: ${ACTIVITIES.join(', ')})`,
    });
    return [];
  }
  const question = { activity: when.window as Activity, term, grade: when.grade ?? 1, at: when.at };
  const resolved = resolveWindows(effective, calendarOf(context, term), term).windows.find(
    (window) => window.activity === question.activity && window.grades.includes(question.grade),
  );
  const span = resolved ? `${resolved.opens ?? '…'} – ${resolved.closes}` : undefined;
  note(
    context,
    `${question.grade}年級「${ACTIVITY_NAMES[question.activity]['zh-TW']}」於 ${when.at}：期程 ${span ?? '無'}`,
    `${ACTIVITY_NAMES[question.activity].en} (grade ${question.grade}) on ${when.at}: window ${span ?? 'none'}`,
  );
  return isOpen(effective, calendarOf(context, term), question).findings;
}

export function checkActing(
  context: Context,
  duty: string,
  division: 'day' | 'continuingEducation' | undefined,
): readonly Finding[] {
  const { scenario } = context;
  if (!(DUTIES as readonly string[]).includes(duty)) {
    misfit(context, 'when.acting', {
      'zh-TW': `未知的業務 ${duty} (可用：${DUTIES.join('、')})`,
      en: `unknown duty ${duty} (known: ${DUTIES.join(', ')})`,
    });
    return [];
  }
  const effective = effectiveAt(context);
  if (!effective) return [];
  const result = actingFor(effective, duty as Duty, {
    unavailable: scenario.given?.unavailable ?? [],
    ...(division && { division }),
  });
  const own = ownNames(effective.values);
  const chain = chainIn(result.chain, own);
  const walked = (language: Language) =>
    result.walked.map((step) => `${unitName(step.who, language, own)}${step.available ? ' ✓' : ' ✗'}`);
  const acting = (language: Language) =>
    result.acting === undefined ? (language === 'zh-TW' ? '無人' : 'nobody') : unitName(result.acting, language, own);
  note(context, `代理順序：${chain['zh-TW']}`, `chain: ${chain.en}`);
  note(context, `依序查詢：${walked('zh-TW').join('、')}`, `walked: ${walked('en').join(', ')}`);
  note(context, `代理人：${acting('zh-TW')}`, `acting: ${acting('en')}`);
  const { expect } = scenario;
  if (expect.acting !== undefined && (result.acting ?? 'nobody') !== expect.acting)
    fail(context, 'acting', expect.acting, result.acting ?? 'nobody', {
      'zh-TW': `代理人：預期${expect.acting === 'nobody' ? '無人' : unitName(expect.acting, 'zh-TW', own)}，實得${acting('zh-TW')}`,
      en: `acting: expected ${expect.acting}, got ${result.acting ?? 'nobody'}`,
    });
  if (expect.chain !== undefined && !matches(expect.chain, result.chain))
    fail(context, 'chain', expect.chain.join(' → '), result.chain.join(' → '), {
      'zh-TW': `代理順序：預期 ${chainIn(expect.chain, own)['zh-TW']}，實得 ${chain['zh-TW']}`,
      en: `chain: expected ${expect.chain.join(' → ')}, got ${result.chain.join(' → ')}`,
    });
  return result.findings;
}

/** The pack audit read for the term (`auditPack`), the windows resolved by the term's calendar when the scenario gives one. */
export function audit(
  context: Context,
  text: string,
  file: string | undefined,
  overlays: AuditOverlays,
): readonly Finding[] {
  const effective = effectiveAt(context);
  const term = parseTerm(termOf(context));
  if (!effective || !term) return [];
  const calendar = context.scenario.given?.calendar ? calendarOf(context, term) : undefined;
  return auditPack(text, {
    term,
    ...(overlays && { overlays }),
    ...(file !== undefined && { file }),
    ...(calendar && { calendar }),
  }).findings;
}

type AuditOverlays = NonNullable<Parameters<typeof auditPack>[1]>['overlays'];
