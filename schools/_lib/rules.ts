// Reading the rules themselves: a value and who set it, a window, who acts for a duty, the pack audit.
import {
  ACTIVITIES,
  actingFor,
  checkDuties,
  checkGovernanceRules,
  checkWindows,
  DUTIES,
  evaluateRules,
  formatSource,
  isOpen,
  parseTerm,
  resolveWindows,
  studentFacts,
  studentTermFacts,
  selectWindow,
  type Activity,
  type CustomRule,
  type Duty,
  type EffectivePack,
  type Finding,
} from '@portfolio-rules/core';
import { provenanceOf, valueAtPath } from '@portfolio-rules/core/internal';
import { leafPaths, matches, sameSource } from './compare';
import { calendarOf, type Context, effectiveAt, studentOf, termOf } from './context';
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
    context.failures.push(
      `evaluating a rule needs rules.<id> of a custom rule, student and at (got ${when.rule}, ${when.student ?? 'no student'}, ${when.at ?? 'no day'})`,
    );
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
  context.explanation.push(`facts about ${facts.subject} on ${at}: ${JSON.stringify(facts.values)}`);
  return evaluateRules(effective, [facts]).filter((finding) => finding.rule === `rules.${rule.id}`);
}

/** Compares the effective value at a path, who set it, and the national bound over it. */
function checkValue(context: Context, effective: EffectivePack, path: string): void {
  const { scenario, failures, explanation, document } = context;
  const { expect } = scenario;
  const value = valueAtPath(effective.values, path);
  explanation.push(`${path} = ${JSON.stringify(value)}`);
  if (expect.value !== undefined && !matches(expect.value, value))
    failures.push(`${path}: expected ${JSON.stringify(expect.value)}, got ${JSON.stringify(value)}`);
  for (const leaf of expect.value === undefined ? [path] : leafPaths(path, expect.value)) {
    const setBy = provenanceOf(effective.provenance, leaf);
    explanation.push(`  ${leaf} set by ${setBy?.layer ?? '—'} ${formatSource(setBy?.source)}`);
    if (expect.layer !== undefined && setBy?.layer !== expect.layer)
      failures.push(`${leaf}: expected layer ${expect.layer}, got ${setBy?.layer ?? 'none'}`);
    if (expect.source !== undefined && !sameSource(expect.source, setBy?.source, document)) {
      failures.push(`${leaf}: expected source ${expect.source}, got ${formatSource(setBy?.source) || 'none'}`);
    }
  }
  if (expect.nationalBound) {
    const bound = effective.bounds.find(
      (b) => b.path === path || path.startsWith(`${b.path}.`) || b.path.startsWith(`${path}.`),
    );
    explanation.push(`national bound: ${bound ? JSON.stringify(bound) : 'none'}`);
    const actual = bound && { ...bound, source: formatSource(bound.source) };
    if (!matches(expect.nationalBound, actual))
      failures.push(
        `national bound: expected ${JSON.stringify(expect.nationalBound)}, got ${JSON.stringify(actual ?? null)}`,
      );
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
    context.explanation.push(
      `no window for ${when.window} (semester ${semester}${when.grade ? `, grade ${when.grade}` : ''})`,
    );
    const wanted = context.scenario.expect.value;
    if (wanted !== undefined && wanted !== null) context.failures.push(`no window for ${when.window}`);
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
    context.failures.push(`unknown activity ${when.window} (known: ${ACTIVITIES.join(', ')})`);
    return [];
  }
  const question = { activity: when.window as Activity, term, grade: when.grade ?? 1, at: when.at };
  const resolved = resolveWindows(effective, calendarOf(context, term), term).windows.find(
    (window) => window.activity === question.activity && window.grades.includes(question.grade),
  );
  context.explanation.push(
    `${when.window} (grade ${question.grade}) on ${when.at}: window ${resolved ? `${resolved.opens ?? '…'} – ${resolved.closes}` : 'none'}`,
  );
  return isOpen(effective, calendarOf(context, term), question).findings;
}

export function checkActing(
  context: Context,
  duty: string,
  division: 'day' | 'continuingEducation' | undefined,
): readonly Finding[] {
  const { scenario, failures, explanation } = context;
  if (!(DUTIES as readonly string[]).includes(duty)) {
    failures.push(`unknown duty ${duty} (known: ${DUTIES.join(', ')})`);
    return [];
  }
  const effective = effectiveAt(context);
  if (!effective) return [];
  const result = actingFor(effective, duty as Duty, {
    unavailable: scenario.given?.unavailable ?? [],
    ...(division && { division }),
  });
  explanation.push(`chain: ${result.chain.join(' → ')}`);
  explanation.push(`walked: ${result.walked.map((step) => `${step.who}${step.available ? ' ✓' : ' ✗'}`).join(', ')}`);
  explanation.push(`acting: ${result.acting ?? 'nobody'}`);
  const { expect } = scenario;
  if (expect.acting !== undefined && (result.acting ?? 'nobody') !== expect.acting)
    failures.push(`acting: expected ${expect.acting}, got ${result.acting ?? 'nobody'}`);
  if (expect.chain !== undefined && !matches(expect.chain, result.chain))
    failures.push(`chain: expected ${expect.chain.join(' → ')}, got ${result.chain.join(' → ')}`);
  return result.findings;
}

/** The pack audit for the term: the duty table, the windows against the national minimums (by the calendar, when given), the governance. */
export function audit(context: Context): readonly Finding[] {
  const effective = effectiveAt(context);
  if (!effective) return [];
  const term = parseTerm(termOf(context));
  const calendar = context.scenario.given?.calendar && term ? calendarOf(context, term) : undefined;
  const { positions } = context.validation.loaded;
  return [
    ...checkDuties(effective, { positions }),
    ...checkWindows(effective, calendar),
    ...checkGovernanceRules(effective, { positions }),
  ];
}
