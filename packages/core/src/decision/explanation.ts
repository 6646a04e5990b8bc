import { formatSource, hasErrors } from '../findings/define';
import type { Language, Localized, Severity, Source } from '../findings/types';
import type { Decision, Finding } from '../catalogue';
import type { EffectivePack } from '../layering';
import { provenanceOf } from '../layering/merge';
import { perPack } from './per-pack';

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

/** Where a rule came from when a pack value sets it: the layer and the clause (looked up once per pack and path). */
export const origin: (effective: EffectivePack, path: string) => { readonly layer?: string; readonly source?: Source } =
  perPack((effective, path: string) => {
    const found = provenanceOf(effective.provenance, path);
    return Object.freeze({
      ...(found?.layer !== undefined && { layer: found.layer }),
      ...(found?.source && { source: found.source }),
    });
  });

/** The decision from its steps and findings: allowed when no finding is an error. */
export function decide(steps: readonly Step[], findings: readonly Finding[]): Explained {
  return { allowed: !hasErrors(findings), findings, explanation: steps };
}

/** Whether a finding of this code refuses the decision (see {@link decide}); verdicts computed without their findings ask it. */
export function refuses(code: { readonly severity: Severity }): boolean {
  return code.severity === 'error';
}

/** Joins several partial evaluations (steps and findings) into one decision, in order. */
export function combine(parts: readonly Part[]): Explained {
  const steps: Step[] = [];
  const findings: Finding[] = [];
  for (const part of parts) {
    steps.push(...part.steps);
    findings.push(...part.findings);
  }
  return decide(steps, findings);
}

/**
 * The layer and clause of a rule, each only when known, to spread into a step or a finding's
 * context. Built by assignment: V8 copies an object that starts with a spread about fifty times
 * slower than it builds one.
 */
export function layerAndSource(from: { readonly layer?: string; readonly source?: Source }): {
  layer?: string;
  source?: Source;
} {
  const cited: { layer?: string; source?: Source } = {};
  if (from.layer) cited.layer = from.layer;
  if (from.source) cited.source = from.source;
  return cited;
}

const MARK: Record<StepOutcome, string> = { passed: '✓', failed: '✗', skipped: '–' };

/** What `explain` reads: a decision (`allowed`) or a transition's result (`ok`), with its findings and steps. */
export type Explainable = { readonly findings: readonly Finding[]; readonly explanation: readonly Step[] } & (
  { readonly allowed: boolean } | { readonly ok: boolean }
);

/** A decision as lines a person reads: the verdict, each rule evaluated with its layer and clause, then the findings. */
export function explain(decision: Explainable, language: Language = 'en'): string {
  const allowed = 'allowed' in decision ? decision.allowed : decision.ok;
  const verdict = language === 'en' ? (allowed ? 'allowed' : 'refused') : allowed ? '允許' : '不允許';
  const lines = [verdict];
  for (const step of decision.explanation) {
    const cited = [step.layer, formatSource(step.source)].filter(Boolean).join(' ');
    lines.push(`  ${MARK[step.outcome]} ${step.rule}${cited ? ` [${cited}]` : ''}: ${step.detail[language]}`);
  }
  for (const finding of decision.findings)
    lines.push(`  ${finding.severity} ${finding.code}: ${finding.message[language]}`);
  return lines.join('\n');
}

/** A partial evaluation: the steps taken and the findings raised, combined into a decision later. */
export interface Part {
  readonly steps: readonly Step[];
  readonly findings: readonly Finding[];
}
