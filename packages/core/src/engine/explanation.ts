import { daysBetween, type PlainDate } from '../_lib/date';
import { formatSource, hasErrors } from '../findings/define';
import type { Decision, Finding, Language, Localized, Source } from '../findings/types';
import type { EffectivePack } from '../layering';
import { provenanceOf } from '../layering/merge';

/** How one rule came out when a decision was taken. */
export type StepOutcome = 'passed' | 'failed' | 'skipped';

/** One rule evaluated for a decision, in order: what it is, who set it (layer and clause), how it came out. */
export interface Step {
  /** The rule, e.g. `caps.courseOutcome.upload` or `certification.actor`. */
  readonly rule: string;
  readonly outcome: StepOutcome;
  /** The layer that set the rule, e.g. `school:magong` or `national@2022-08-01`. */
  readonly layer?: string;
  readonly source?: Source;
  readonly detail: Localized;
  /** The numbers behind it: the cap, the count, the window. */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** A decision that explains itself: allowed or not, the findings, and every rule evaluated in order. */
export interface Explained extends Decision {
  readonly explanation: readonly Step[];
}

/** Where a rule came from when a pack value sets it: the layer and the clause. */
export function origin(effective: EffectivePack, path: string): { layer?: string; source?: Source } {
  const found = provenanceOf(effective.provenance, path);
  return { ...(found?.layer !== undefined && { layer: found.layer }), ...(found?.source && { source: found.source }) };
}

/** The decision from its steps and findings: allowed when no finding is an error. */
export function decide(steps: readonly Step[], findings: readonly Finding[]): Explained {
  return { allowed: !hasErrors(findings), findings, explanation: steps };
}

/** Joins several partial evaluations (steps and findings) into one decision, in order. */
export function combine(parts: readonly Part[]): Explained {
  return decide(
    parts.flatMap((part) => part.steps),
    parts.flatMap((part) => part.findings),
  );
}

const MARK: Record<StepOutcome, string> = { passed: '✓', failed: '✗', skipped: '–' };

/** A decision as lines a person reads: the verdict, each rule evaluated with its clause, then the findings. */
export function explain(decision: Explained, language: Language = 'en'): string {
  const verdict = language === 'en' ? (decision.allowed ? 'allowed' : 'refused') : decision.allowed ? '允許' : '不允許';
  const lines = [verdict];
  for (const step of decision.explanation) {
    const cited = [step.layer, formatSource(step.source)].filter(Boolean).join(' ');
    lines.push(`  ${MARK[step.outcome]} ${step.rule}${cited ? ` [${cited}]` : ''}: ${step.detail[language]}`);
  }
  for (const finding of decision.findings) lines.push(`  ${finding.severity} ${finding.code}: ${finding.message[language]}`);
  return lines.join('\n');
}

/** A span of days an activity is open, as the windows resolver gives it (both ends inclusive). */
export interface DateSpan {
  readonly opens?: PlainDate;
  readonly closes: PlainDate;
  readonly layer?: string;
  readonly source?: Source;
}

/** Where a day falls against a span, and how many days are left (0 on the closing day). */
export function placeInSpan(span: DateSpan, day: PlainDate): { readonly place: 'before' | 'within' | 'after'; readonly daysLeft: number } {
  const place = span.opens !== undefined && day < span.opens ? 'before' : day > span.closes ? 'after' : 'within';
  return { place, daysLeft: daysBetween(day, span.closes) };
}

/** A partial evaluation: the steps taken and the findings raised, combined into a decision later. */
export interface Part {
  readonly steps: readonly Step[];
  readonly findings: readonly Finding[];
}

/** The numbers every window finding carries. */
export type SpanParams = {
  readonly at: PlainDate;
  readonly opens?: PlainDate;
  readonly closes: PlainDate;
  readonly source?: Source;
};

/** Who set a window, to cite in findings and steps. */
export interface Cited {
  readonly layer?: string;
  readonly source?: Source;
}

/**
 * Checks a day against an optional window: no window, no step; outside it, the finding `refuse`
 * builds; inside, optionally a warning from `warn` (e.g. a few days left).
 */
export function checkSpan(
  span: DateSpan | undefined,
  day: PlainDate,
  rule: string,
  refuse: (params: SpanParams, cited: Cited) => Finding,
  warn?: (daysLeft: number, cited: Cited) => Finding | undefined,
): Part {
  if (!span) return { steps: [], findings: [] };
  const cited: Cited = { ...(span.layer && { layer: span.layer }), ...(span.source && { source: span.source }) };
  const params: SpanParams = { at: day, ...(span.opens && { opens: span.opens }), closes: span.closes, ...(span.source && { source: span.source }) };
  const { place, daysLeft } = placeInSpan(span, day);
  if (place !== 'within') {
    const finding = refuse(params, cited);
    return { steps: [{ rule, outcome: 'failed', ...cited, detail: finding.message, data: params }], findings: [finding] };
  }
  const warning = warn?.(daysLeft, cited);
  const detail = { 'zh-TW': `${day} 在期間 ${span.opens ?? '…'}–${span.closes} 內`, en: `${day} is within ${span.opens ?? '…'} to ${span.closes}` };
  return { steps: [{ rule, outcome: 'passed', ...cited, detail, data: { ...params, daysLeft } }], findings: warning ? [warning] : [] };
}
