import type { FindingBase, Localized, Position, RelatedSource, Severity, Source } from './types';
import { clip } from '../_lib/clip';

/** A finding code: its number, name, default severity, title, and message from its data `P`. */
export interface CodeSpec<P = Record<string, never>, C extends string = string> {
  readonly code: C;
  /** A short, stable kebab-case name, e.g. `unknown-key`. */
  readonly name: string;
  readonly severity: Severity;
  readonly title: Localized;
  readonly message: (params: P) => Localized;
}

/**
 * Defines a code. The data type comes from the message's parameter and the code stays a literal, so
 * that findings of the catalogue form a union discriminated by code:
 * `defineCode({ code: 'PR3001', …, message: (p: { max: number }) => … })`.
 */
export function defineCode<const C extends string, P = Record<string, never>>(spec: CodeSpec<P, C>): CodeSpec<P, C> {
  return spec;
}

export interface FindingContext {
  readonly rule: string;
  readonly subject: string;
  readonly source?: Source;
  readonly layer?: string;
  readonly related?: readonly RelatedSource[];
  readonly position?: Position;
  /** Overrides the code's default severity, e.g. when a pack sets a custom rule's severity. */
  readonly severity?: Severity;
}

export function createFinding<P, C extends string>(
  spec: CodeSpec<P, C>,
  params: NoInfer<P>,
  context: FindingContext,
): FindingBase<C, Readonly<P>> {
  const finding: { -readonly [K in keyof FindingBase<C, Readonly<P>>]: FindingBase<C, Readonly<P>>[K] } = {
    code: spec.code,
    severity: context.severity ?? spec.severity,
    rule: context.rule,
    subject: context.subject,
    message: spec.message(params),
    data: { ...params },
  };
  // Assigned rather than spread into a copy, which V8 does about fifty times slower; same keys, same order.
  if (context.source) finding.source = context.source;
  if (context.layer) finding.layer = context.layer;
  if (context.related) finding.related = context.related;
  if (context.position) finding.position = context.position;
  return finding;
}

export function hasErrors(findings: readonly { readonly severity: Severity }[]): boolean {
  return findings.some((finding) => finding.severity === 'error');
}

export function formatSource(source: Source | undefined): string {
  // Both come from a pack: a 70,000-character `source:` must not make every message citing it as long.
  return source ? `${clip(source.document)} ${clip(source.clause)}` : '';
}

/** The clause a message cites, after it: ` (馬公補充規定 五(三)1)`; nothing without one. */
export const cite = (source: Source | undefined): string => (source ? ` (${formatSource(source)})` : '');
