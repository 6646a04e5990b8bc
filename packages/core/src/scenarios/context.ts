// What a scenario runs in: its pack (audited, read for the term) and the people and students it gives.
import type { AnchorDates, SchoolCalendar } from '../calendar';
import type { Localized } from '../findings';
import { effectiveFor, type EffectivePack } from '../layering';
import type { Validation } from '../pack';
import type { Student } from '../records/items';
import type { Actor } from '../roles/actor';
import { parseTerm, type Term, termWords } from '../term';
import type { Scenario } from './format';

/** What did not come out as the scenario expects. */
export interface ScenarioFailure {
  /** What was compared: a pack path, `findings`, `allowed`, `acting`, `step 1` … */
  readonly subject: string;
  /** What the scenario expects, as it is written (JSON for values). */
  readonly expected: string;
  /** What came out (`—` for nothing). */
  readonly actual: string;
  readonly message: Localized;
}

export interface Context {
  readonly scenario: Scenario;
  readonly document: string;
  readonly validation: Validation;
  readonly failures: ScenarioFailure[];
  readonly explanation: Localized[];
}

/** Adds a line to the explanation, in both languages. */
export function note(context: Context, zh: string, en: string): void {
  context.explanation.push({ 'zh-TW': zh, en });
}

/** Records a difference; the message says it in both languages unless one is given. */
export function fail(context: Context, subject: string, expected: string, actual: string, message?: Localized): void {
  context.failures.push({
    subject,
    expected,
    actual,
    message: message ?? {
      'zh-TW': `${subject}：預期 ${expected}，實得 ${actual}`,
      en: `${subject}: expected ${expected}, got ${actual}`,
    },
  });
}

/** Something the scenario names that its own `given` lacks, or a question the runner cannot ask. */
export function misfit(context: Context, subject: string, message: Localized): void {
  context.failures.push({ subject, expected: '—', actual: '—', message });
}

export function termOf(context: Context): string | number | undefined {
  return context.scenario.given?.term ?? context.validation.loaded.pack?.appliesFrom;
}

export function effectiveAt(context: Context): EffectivePack | undefined {
  const { validation } = context;
  const term = termOf(context);
  if (term === undefined) {
    misfit(context, 'given.term', {
      'zh-TW': '須以 given.term 指定學期才能讀出規定 (本規定檔未寫 appliesFrom)',
      en: 'given.term is needed to read the rules (the pack has no appliesFrom)',
    });
    return undefined;
  }
  const parsed = parseTerm(term);
  const effective = validation.resolution && parsed && effectiveFor(validation.resolution, parsed);
  const { applies } = context.scenario.expect;
  const words = parsed
    ? { zh: termWords(parsed, 'zh-TW'), en: termWords(parsed, 'en') }
    : { zh: String(term), en: String(term) };
  if (effective)
    note(
      context,
      `${words.zh}適用之規定：${effective.layers.join(' → ')}`,
      `rules for ${words.en}: ${effective.layers.join(' → ')}`,
    );
  else note(context, `${words.zh}不在本規定檔適用期間內`, `no rules for ${words.en}: outside the pack's period`);
  const wanted = applies ?? true;
  if (wanted !== Boolean(effective)) {
    const said = (yes: boolean) => (yes ? 'applies' : 'does not apply');
    fail(context, `term ${String(term)}`, said(wanted), said(Boolean(effective)), {
      'zh-TW': `${String(term)} 學期：預期本規定${wanted ? '' : '不'}適用，實際${effective ? '' : '不'}適用`,
      en: `term ${String(term)}: expected the pack ${wanted ? '' : 'not '}to apply, ${effective ? 'it does' : 'it does not'}`,
    });
  }
  return effective;
}

/** A student of `given.students`, as core's records type. */
export function studentOf(context: Context, id: string): Student | undefined {
  const found = context.scenario.given?.students?.find((student) => student.id === id);
  if (!found)
    misfit(context, 'given.students', {
      'zh-TW': `given.students 中沒有學生 ${id}`,
      en: `student ${id} is not in given.students`,
    });
  return found && { ...found, status: found.status ?? 'enrolled' };
}

/** A person of `given.people`, as core's Actor. */
export function personOf(context: Context, id: string): Actor | undefined {
  const found = context.scenario.given?.people?.find((person) => person.id === id);
  if (!found)
    misfit(context, 'given.people', {
      'zh-TW': `given.people 中沒有 ${id}`,
      en: `person ${id} is not in given.people`,
    });
  return found;
}

/** The school calendar of `given.calendar`: the anchors of the scenario's term. */
export function calendarOf(context: Context, term: Term): SchoolCalendar {
  const anchors = (context.scenario.given?.calendar ?? {}) as AnchorDates;
  return { academicYear: term.year, terms: [{ semester: term.semester, anchors }] };
}
